"""`stillnote export measures`: a client's measures (a table and a chart per measure) as PDF."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from app.commands.vault_access import open_from_args, vault_arg

if TYPE_CHECKING:
    from app.cli import CommandGroups


def register(groups: CommandGroups) -> None:
    parser = groups.export.add_parser(
        "measures", help="a client's measures (PHQ-9, GAD-7, ...) as PDF: table and chart")
    vault_arg(parser)
    parser.add_argument("--client", type=int, required=True, help="client id")
    parser.add_argument("--out", type=Path, required=True, help="PDF file to write")
    parser.set_defaults(func=export_measures)


def export_measures(args: argparse.Namespace) -> int:
    # start-up time: the chart component (Qt) and reportlab load for this command only
    from app.__main__ import offscreen_chart_image
    from app.measures.export import export_measures_pdf  # start-up time, as above

    with open_from_args(args) as vault:
        out = export_measures_pdf(vault, args.client, args.out, offscreen_chart_image())
    print(f"Wrote {out}")
    return 0
