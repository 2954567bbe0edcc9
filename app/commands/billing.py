"""`stillnote export superbill`, `export superbills` (a month's superbills and statements) and
`export ics`. The other billing documents are app/commands/billing_documents.py."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from app.billing.unsigned import UnsignedChoice
from app.calendar.ics import INCLUDE_NAMES_WARNING, export_calendar
from app.commands.vault_access import open_from_args, vault_arg
from app.practice_checks import FIRST_YEAR, LAST_YEAR
from models.errors import InvalidInput

if TYPE_CHECKING:
    from app.cli import CommandGroups


def _date(text: str) -> date:
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text[:40]!r} is not a date; use YYYY-MM-DD") from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise argparse.ArgumentTypeError(
            f"{text!r} is outside the years Stillnote handles ({FIRST_YEAR} to {LAST_YEAR})")
    return day


def _month(text: str) -> tuple[int, int]:
    day = _date(f"{text[:40]}-01") if len(text) == 7 else None
    if day is None:
        raise argparse.ArgumentTypeError(f"{text[:40]!r} is not a month; use YYYY-MM")
    return day.year, day.month


def register(groups: CommandGroups) -> None:
    bill = groups.export.add_parser(
        "superbill", help="a client's superbill for a date range as PDF")
    vault_arg(bill)
    bill.add_argument("--client", type=int, required=True, help="client id")
    bill.add_argument("--from", dest="start", type=_date, required=True, metavar="YYYY-MM-DD")
    bill.add_argument("--to", dest="end", type=_date, required=True, metavar="YYYY-MM-DD")
    bill.add_argument("--out", type=Path, required=True, help="PDF file to write")
    unsigned_args(bill)
    bill.set_defaults(func=cmd_superbill)

    batch = groups.export.add_parser(
        "superbills", help="a month's superbills (insured clients) and statements (self-pay "
                           "clients), into a folder")
    vault_arg(batch)
    batch.add_argument("--month", type=_month, required=True, metavar="YYYY-MM")
    batch.add_argument("--out", type=Path, required=True, help="folder to write the PDFs into")
    batch.add_argument("--include-unsigned", action="store_true",
                       help="bill sessions whose note is not signed (left out by default)")
    batch.set_defaults(func=cmd_superbills)

    ics = groups.export.add_parser(
        "ics", help="the calendar as an .ics file (no client names unless asked)")
    vault_arg(ics)
    ics.add_argument("--out", type=Path, required=True, help=".ics file to write")
    ics.add_argument("--from", dest="start", type=_date, default=None, metavar="YYYY-MM-DD")
    ics.add_argument("--to", dest="end", type=_date, default=None, metavar="YYYY-MM-DD")
    ics.add_argument("--include-names", action="store_true",
                     help="put client names in event titles (calendars sync to clouds)")
    ics.set_defaults(func=cmd_ics)


def unsigned_args(parser: argparse.ArgumentParser) -> None:
    """--include-unsigned / --leave-out-unsigned: what to do with sessions whose note is not
    signed (without either, the command stops and names them)."""
    choice = parser.add_mutually_exclusive_group()
    choice.add_argument("--include-unsigned", action="store_true",
                        help="bill sessions whose note is not signed")
    choice.add_argument("--leave-out-unsigned", action="store_true",
                        help="leave out sessions whose note is not signed")


def unsigned_choice(args: argparse.Namespace) -> UnsignedChoice:
    if getattr(args, "include_unsigned", False):
        return UnsignedChoice.INCLUDE
    if getattr(args, "leave_out_unsigned", False):
        return UnsignedChoice.LEAVE_OUT
    return UnsignedChoice.ASK


def cmd_superbill(args: argparse.Namespace) -> int:
    from app.billing.exports import export_superbill  # start-up time: reportlab, this command only

    with open_from_args(args) as vault:
        bill = export_superbill(vault, args.client, args.start, args.end, args.out,
                                unsigned=unsigned_choice(args))
    print(f"Wrote {args.out} ({len(bill.lines)} session{'s' if len(bill.lines) != 1 else ''}, "
          f"total ${bill.total_fee:,.2f}).")
    return 0


def cmd_superbills(args: argparse.Namespace) -> int:
    """Exit 0 when the batch ran through: every document that could be made was written, and
    each skip is named on stdout ("skipped client ID: ..."), ids never names. Exit 2 when the
    batch could not run or was stopped (no vault, a folder that cannot be written, a full
    disk), with what was written before named; 70 for our bug."""
    from app.billing.batch import batch_month  # start-up time: reportlab, this command only

    year, month = args.month
    choice = UnsignedChoice.INCLUDE if args.include_unsigned else UnsignedChoice.LEAVE_OUT
    with open_from_args(args) as vault:
        result = batch_month(vault, year, month, args.out, unsigned=choice)
    print(f"Wrote {_count(result.superbills, 'superbill')} and "
          f"{_count(result.statements, 'statement')} to {args.out}.")
    for skip in result.skipped:
        print(f"skipped client {skip.client_id} ({skip.document}): {skip.reason}.")
    for skip in result.left_out:
        print(f"left out for client {skip.client_id} ({skip.document}): {skip.reason}.")
    return 0


def _count(n: int, what: str) -> str:
    return f"{n} {what}{'s' if n != 1 else ''}"


def cmd_ics(args: argparse.Namespace) -> int:
    if args.start and args.end and args.end < args.start:
        raise InvalidInput("The --to date is before the --from date.")
    if args.include_names:
        sys.stderr.write(f"stillnote: {INCLUDE_NAMES_WARNING}\n")
    skipped: list[int] = []
    with open_from_args(args) as vault:
        count = export_calendar(vault, args.out, args.start, args.end,
                                include_names=args.include_names, skipped=skipped)
    print(f"Wrote {args.out} ({count} event{'s' if count != 1 else ''}).")
    for appt_id in skipped:
        sys.stderr.write(f"stillnote: appointment {appt_id} was left out: its time cannot be "
                         "written in a calendar.\n")
    return 2 if skipped else 0
