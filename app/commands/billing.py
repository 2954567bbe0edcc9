"""`stillnote export superbill`, `export superbills` (a month) and `export ics`."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

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
    bill.set_defaults(func=cmd_superbill)

    batch = groups.export.add_parser(
        "superbills", help="a superbill for every client with sessions in a month, into a folder")
    vault_arg(batch)
    batch.add_argument("--month", type=_month, required=True, metavar="YYYY-MM")
    batch.add_argument("--out", type=Path, required=True, help="folder to write the PDFs into")
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


def cmd_superbill(args: argparse.Namespace) -> int:
    from app.billing.exports import export_superbill  # start-up time: reportlab, this command only

    with open_from_args(args) as vault:
        bill = export_superbill(vault, args.client, args.start, args.end, args.out)
    print(f"Wrote {args.out} ({len(bill.lines)} session{'s' if len(bill.lines) != 1 else ''}, "
          f"total ${bill.total_fee:,.2f}).")
    return 0


def cmd_superbills(args: argparse.Namespace) -> int:
    """Exit 0 when every superbill was made; 2 (after the others were written) when some were
    refused, one line per client id with what is missing (ids, never names)."""
    from app.billing.batch import batch_superbills  # start-up time: reportlab, this command only

    year, month = args.month
    with open_from_args(args) as vault:
        result = batch_superbills(vault, year, month, args.out)
    count = len(result.written)
    print(f"Wrote {count} superbill{'s' if count != 1 else ''} to {args.out}.")
    for client_id, missing in result.refused.items():
        sys.stderr.write(f"stillnote: client {client_id}: not made, missing: "
                         f"{'; '.join(missing)}.\n")
    return 2 if result.refused else 0


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
