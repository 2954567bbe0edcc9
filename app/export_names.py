"""Default names for the files Stillnote writes, saying what each is: "2026-12-01 progress
note.pdf". ISO dates (they sort in a folder), and never a client's name: the therapist adds one
in the save dialog if they choose to, since file names show in folders, cloud sync and backups.
"""

from __future__ import annotations

from calendar import monthrange
from datetime import date


def note_pdf_name(date_of_service: date, signed: bool = True) -> str:
    return f"{date_of_service.isoformat()} progress note{'' if signed else ' (draft)'}.pdf"


def superbill_name(first: date, last: date) -> str:
    """ "2026-11 superbill.pdf" for a whole month, else the two dates."""
    if (first.year, first.month) == (last.year, last.month) and first.day == 1 \
            and last.day == monthrange(last.year, last.month)[1]:
        return f"{first:%Y-%m} superbill.pdf"
    return f"{first.isoformat()} to {last.isoformat()} superbill.pdf"


def backup_name(today: date) -> str:
    return f"{today.isoformat()} Stillnote backup.stillnote-backup"


def practice_export_name(today: date) -> str:
    return f"{today.isoformat()} Stillnote practice export.json"


def calendar_name() -> str:
    return "Stillnote calendar.ics"


def recovery_key_name() -> str:
    return "Stillnote recovery key.txt"
