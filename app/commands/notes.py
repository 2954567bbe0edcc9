"""`stillnote export note`: a note as PDF from the command line."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from app.commands.vault_access import open_from_args, vault_arg

if TYPE_CHECKING:
    from app.cli import CommandGroups


def register(groups: CommandGroups) -> None:
    parser = groups.export.add_parser(
        "note", help="export a progress note as PDF (unsigned notes are marked DRAFT)")
    vault_arg(parser)
    parser.add_argument("--note", type=int, required=True, help="note id")
    parser.add_argument("--out", type=Path, required=True, help="PDF file to write")
    parser.add_argument("--include-process-notes", action="store_true",
                        help="also print the private psychotherapy notes")
    parser.set_defaults(func=export_note)


def export_note(args: argparse.Namespace) -> int:
    from app.documents import export_note_pdf  # start-up time: reportlab, for this command only

    with open_from_args(args) as vault:
        out = export_note_pdf(vault, args.note, args.out,
                              include_process_notes=args.include_process_notes)
    print(f"Wrote {out}")
    return 0
