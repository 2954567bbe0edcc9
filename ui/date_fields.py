"""Dates in Qt widgets: QDate <-> date, and a date field with a calendar pop-up."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit

DATE_FORMAT = "MM/dd/yyyy"  # Qt's form of models.common.date_text: fields read as dates do
TYPED_DATE_FORMATS = ("%m/%d/%Y", "%Y-%m-%d", "%m-%d-%Y", "%m/%d/%y")


def to_qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def to_date(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


def date_edit(d: date | None = None, display_format: str = "yyyy-MM-dd") -> QDateEdit:
    """A date field with a calendar pop-up, showing ``d`` (or Qt's default date if None)."""
    edit = QDateEdit(to_qdate(d)) if d is not None else QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(display_format)
    return edit


def parse_date(text: str) -> date:
    """A date typed in a text field (MM/DD/YYYY, or ISO); ValueError if it is none."""
    for fmt in TYPED_DATE_FORMATS:
        try:
            return datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
    raise ValueError(text)
