"""Small shared widgets: page headers, empty states, status colours, list tables, labels."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.appointment import AppointmentStatus
from ui import theme

STATUS_COLOURS: dict[AppointmentStatus, str] = {
    AppointmentStatus.SCHEDULED: "#3f6e8c",
    AppointmentStatus.ATTENDED: "#3d7a55",
    AppointmentStatus.NO_SHOW: "#a65a3a",
    AppointmentStatus.LATE_CANCEL: "#a07a2a",
    AppointmentStatus.CANCELLED: "#8a8f94",
}


W = TypeVar("W", bound=QWidget)


def named(widget: W, name: str) -> W:
    """``widget`` with an object name (for the stylesheet and for tests to find it)."""
    widget.setObjectName(name)
    return widget


def buddy_label(text: str, field: QWidget) -> QLabel:
    """A label whose &-mnemonic moves the focus to ``field``."""
    label = QLabel(text)
    label.setBuddy(field)
    return label


# The same hues, lighter, for the dark look (readable on its dark grey).
DARK_STATUS_COLOURS: dict[AppointmentStatus, str] = {
    AppointmentStatus.SCHEDULED: "#7fb0d0",
    AppointmentStatus.ATTENDED: "#6fbf8a",
    AppointmentStatus.NO_SHOW: "#e0987a",
    AppointmentStatus.LATE_CANCEL: "#d8b25e",
    AppointmentStatus.CANCELLED: "#9aa1a6",
}


def status_colour(status: AppointmentStatus) -> QColor:
    colours = DARK_STATUS_COLOURS if theme.is_dark() else STATUS_COLOURS
    return QColor(colours.get(status, "#888888"))


def page_title(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("pageTitle")
    label.setIndent(0)  # styled labels otherwise indent by half an "x": titles sat off the edge
    return label


class EmptyState(QWidget):
    """A calm sentence where a list would be, e.g. "No appointments today"."""

    def __init__(self, text: str, detail: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(text)
        self.label.setObjectName("emptyTitle")
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail = QLabel(detail)
        self.detail.setObjectName("hint")
        self.detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.label)
        layout.addWidget(self.detail)
        layout.addStretch(2)


def button_row(*widgets: QWidget, stretch_first: bool = False) -> QHBoxLayout:
    row = QHBoxLayout()
    if stretch_first:
        row.addStretch(1)
    for w in widgets:
        row.addWidget(w)
    if not stretch_first:
        row.addStretch(1)
    return row


def shortcut(keys: str, parent: QWidget, slot: Callable[[], object],
             context: Qt.ShortcutContext = Qt.ShortcutContext.WidgetWithChildrenShortcut
             ) -> QShortcut:
    """A keyboard shortcut active while ``parent`` (a page) is the visible one."""
    sc = QShortcut(QKeySequence(keys), parent)
    sc.setContext(context)
    sc.activated.connect(slot)
    return sc


def hint_label(text: str = "") -> QLabel:
    """A quiet, wrapping explanation under a field or control."""
    label = QLabel(text)
    label.setObjectName("hint")
    label.setWordWrap(True)
    return label


def error_label() -> QLabel:
    """Where a form shows its one-sentence problem (empty until there is one)."""
    label = QLabel()
    label.setObjectName("error")
    label.setWordWrap(True)
    return label


def busy_bar() -> QProgressBar:
    """A thin indeterminate bar, hidden until work runs on a worker thread."""
    bar = QProgressBar(maximum=0, textVisible=False)
    bar.setFixedHeight(6)
    bar.hide()
    return bar


def list_table(headers: Sequence[str], stretch: int) -> QTableWidget:
    """A read-only list of rows (one selected at a time); column ``stretch`` takes the room."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    header = table.horizontalHeader()
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    table.verticalHeader().setDefaultSectionSize(34)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def fill_table(table: QTableWidget, rows: Sequence[Sequence[str]]) -> None:
    """Replace the table's rows by ``rows`` of cell texts."""
    table.setRowCount(len(rows))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            table.setItem(r, c, QTableWidgetItem(text))
