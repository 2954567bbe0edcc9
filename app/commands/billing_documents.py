"""`stillnote export gfe`, `export statement`, `export receipt` and `export cms1500`.

Each writes one PDF and prints one line; a refusal is one line on stderr (exit 2) naming what
is missing, never the client.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from app.commands.billing import _date, unsigned_args, unsigned_choice
from app.commands.vault_access import open_from_args, vault_arg
from app.settings import load_settings

if TYPE_CHECKING:
    from app.cli import CommandGroups


def _period(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--client", type=int, required=True, help="client id")
    parser.add_argument("--from", dest="start", type=_date, required=True, metavar="YYYY-MM-DD")
    parser.add_argument("--to", dest="end", type=_date, required=True, metavar="YYYY-MM-DD")
    parser.add_argument("--out", type=Path, required=True, help="PDF file to write")


def register(groups: CommandGroups) -> None:
    gfe = groups.export.add_parser(
        "gfe", help="give a self-pay client a Good Faith Estimate (No Surprises Act) as PDF")
    vault_arg(gfe)
    gfe.add_argument("--client", type=int, required=True, help="client id")
    gfe.add_argument("--out", type=Path, required=True, help="PDF file to write")
    gfe.add_argument("--sessions", type=int, default=None, metavar="N",
                     help="sessions of the ongoing service expected in the next 12 months, "
                          "when more are expected than are booked")
    gfe.set_defaults(func=cmd_gfe)

    statement = groups.export.add_parser(
        "statement", help="a client's statement (charges, payments, balance) for a period")
    vault_arg(statement)
    _period(statement)
    unsigned_args(statement)
    statement.set_defaults(func=cmd_statement)

    receipt = groups.export.add_parser("receipt", help="a receipt for one session's payments")
    vault_arg(receipt)
    receipt.add_argument("--appointment", type=int, required=True, help="appointment id")
    receipt.add_argument("--out", type=Path, required=True, help="PDF file to write")
    receipt.set_defaults(func=cmd_receipt)

    claim = groups.export.add_parser(
        "cms1500", help="the CMS-1500 (02/12) claim for a client's sessions in a period")
    vault_arg(claim)
    _period(claim)
    unsigned_args(claim)
    claim.add_argument("--data-only", action="store_true",
                       help="only the values, to print onto the red pre-printed form")
    claim.add_argument("--offset-right", type=float, default=None, metavar="INCHES",
                       help="shift the values right (negative: left); default: this device's "
                            "setting")
    claim.add_argument("--offset-down", type=float, default=None, metavar="INCHES",
                       help="shift the values down (negative: up); default: this device's "
                            "setting")
    claim.set_defaults(func=cmd_cms1500)


def cmd_gfe(args: argparse.Namespace) -> int:
    from app.billing.estimates import issue_estimate  # start-up time: reportlab

    with open_from_args(args) as vault:
        gfe = issue_estimate(vault, args.client, args.out, sessions=args.sessions)
    print(f"Wrote {args.out} (Good Faith Estimate {gfe.id}: {len(gfe.items)} item"
          f"{'s' if len(gfe.items) != 1 else ''}, expected charges ${gfe.total:,.2f}).")
    return 0


def cmd_statement(args: argparse.Namespace) -> int:
    from app.billing.statements import export_statement  # start-up time: reportlab

    with open_from_args(args) as vault:
        st = export_statement(vault, args.client, args.start, args.end, args.out,
                              unsigned=unsigned_choice(args))
    print(f"Wrote {args.out} (charges ${st.charges:,.2f}, payments ${st.payments:,.2f}, "
          f"balance due ${st.balance_due:,.2f}).")
    return 0


def cmd_receipt(args: argparse.Namespace) -> int:
    from app.billing.statements import export_receipt  # start-up time: reportlab

    with open_from_args(args) as vault:
        receipt = export_receipt(vault, args.appointment, args.out)
    print(f"Wrote {args.out} (paid ${receipt.paid:,.2f} of ${receipt.session.amount:,.2f}).")
    return 0


def cmd_cms1500(args: argparse.Namespace) -> int:
    from app.billing.claims import export_claim  # start-up time: reportlab
    from app.pdf.cms1500_pdf import Alignment  # start-up time: reportlab

    settings = load_settings()
    alignment = Alignment(
        settings.cms1500_offset_right if args.offset_right is None else args.offset_right,
        settings.cms1500_offset_down if args.offset_down is None else args.offset_down)
    with open_from_args(args) as vault:
        forms = export_claim(vault, args.client, args.start, args.end, args.out,
                             data_only=args.data_only, alignment=alignment,
                             unsigned=unsigned_choice(args))
    lines = sum(len(f.lines) for f in forms)
    total = sum(f.total_charge for f in forms)
    print(f"Wrote {args.out} ({len(forms)} form{'s' if len(forms) != 1 else ''}, {lines} "
          f"service line{'s' if lines != 1 else ''}, total ${total:,.2f}"
          f"{', values only for the pre-printed form' if args.data_only else ''}).")
    return 0
