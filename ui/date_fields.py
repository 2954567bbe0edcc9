"""Dates in Qt widgets: QDate <-> date, and a date field with a calendar pop-up."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit

from models.common import date_style, parse_date_text

# Passed as a field's display format, DATE_FORMAT means "the app's date format" (the Settings
# choice, models.common.date_text), resolved when the field is made.
DATE_FORMAT = "app-date-format"
QT_FORMATS = {"mdy": "MM/dd/yyyy", "dmy": "dd/MM/yyyy", "ymd": "yyyy-MM-dd"}


def qt_date_format(weekday: bool = False) -> str:
    """The app's date format in Qt's notation (with the weekday first: "ddd MM/dd/yyyy")."""
    fmt = QT_FORMATS.get(date_style(), "MM/dd/yyyy")
    return f"ddd {fmt}" if weekday else fmt


def to_qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def to_date(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


def date_edit(d: date | None = None, display_format: str = DATE_FORMAT) -> QDateEdit:
    """A date field with a calendar pop-up, showing ``d`` (or Qt's default date if None), in
    the app's date format unless another Qt format is given."""
    edit = QDateEdit(to_qdate(d)) if d is not None else QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(qt_date_format() if display_format == DATE_FORMAT else display_format)
    return edit


def parse_date(text: str) -> date:
    """A date typed in a text field, in the app's date format (or ISO); ValueError if none."""
    return parse_date_text(text)
