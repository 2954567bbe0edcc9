"""Sidebar pages: the unsigned-notes queue (with a count) and the risk follow-up list."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QShowEvent
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.notes import RiskItem, UnsignedItem, risk_follow_up, unsigned_queue
from app.workspace import Workspace
from models.errors import StillnoteError
from models.note import KIND_TITLES
from ui.notes.events import note_events
from ui.notes.windows import open_note_by_id, open_note_editor
from ui.timefmt import date_text
from ui.widgets import EmptyState, fill_table, hint_label, list_table, page_title

# Only the age of an overdue note stands out, in the amber text Today uses for its warnings:
# a whole red row for every late note said nothing once most notes were late.
OVERDUE_COLOUR = QColor("#6b4500")
RISK_EMPTY = "No client's notes or risk screens in the last 30 days recorded elevated risk."
UNSIGNED_EMPTY = "No unsigned notes"

Item = TypeVar("Item")
# How a row opens its note: (parent, workspace, appointment id) -> the window, if one opened.
Opener = Callable[[QWidget, Workspace, int], QWidget | None]


def _page_layout(widget: QWidget, title: str) -> QVBoxLayout:
    """The title and margins every sidebar page has."""
    layout = QVBoxLayout(widget)
    layout.setContentsMargins(24, 20, 24, 20)
    layout.addWidget(page_title(title))
    return layout


def _stack(table: QTableWidget, empty: QWidget) -> QStackedWidget:
    body = QStackedWidget()
    body.addWidget(table)
    body.addWidget(empty)
    return body


def _notes(n: int) -> str:
    return f"{n} unsigned note" + ("" if n == 1 else "s")


def _item(text: str) -> QTableWidgetItem:
    return QTableWidgetItem(text)


def _add_refresh(layout: QVBoxLayout, refresh: Callable[[], None]) -> None:
    """A Refresh button under the list; the list also follows every note change."""
    button = QPushButton("&Refresh")
    button.clicked.connect(refresh)
    layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
    note_events().changed.connect(refresh)


def _load(workspace: Workspace, query: Callable[[], list[Item]]) -> list[Item] | None:
    """The rows of a queue, [] if the vault cannot answer, None while locked (keep the old)."""
    if workspace.is_locked:
        return None
    try:
        return query()
    except StillnoteError:
        return []


class UnsignedNotesPage(QWidget):
    """Unsigned notes, oldest first; those older than 24 hours stand out."""

    count_changed = Signal(int)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None,
                 open_editor: Opener = open_note_editor) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self._open_editor = open_editor
        self.items: list[UnsignedItem] = []
        layout = _page_layout(self, "Unsigned notes")
        self.summary = QLabel()
        self.summary.setObjectName("unsigned_summary")
        layout.addWidget(self.summary)
        self.table = list_table(["Date of service", "Client", "Age", "Document"], 1)
        self.table.cellActivated.connect(self._open_row)
        self.table.cellDoubleClicked.connect(self._open_row)
        self.empty = EmptyState(UNSIGNED_EMPTY, "Every note is signed.")
        self.body = _stack(self.table, self.empty)
        layout.addWidget(self.body, 1)
        _add_refresh(layout, self.refresh)
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt name): ages move on
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        items = _load(self.workspace, lambda: self.workspace.do(unsigned_queue))
        if items is None:
            return
        self.items = items
        self.table.setRowCount(len(self.items))
        bold = QFont()
        bold.setBold(True)
        for row, item in enumerate(self.items):
            age = _item(item.age_text + (" — overdue" if item.overdue else ""))
            if item.overdue:
                age.setForeground(QBrush(OVERDUE_COLOUR))
                age.setFont(bold)
                age.setToolTip("Unsigned for more than 24 hours")
            cells = [_item(date_text(item.date_of_service)), _item(item.client_name), age,
                     _item(KIND_TITLES[item.kind])]
            for col, cell in enumerate(cells):
                self.table.setItem(row, col, cell)
        overdue = sum(1 for i in self.items if i.overdue)
        self.summary.setText(
            _notes(len(self.items)) + (f", {overdue} older than 24 hours" if overdue else "")
            if self.items else "")
        self.body.setCurrentWidget(self.table if self.items else self.empty)
        self.count_changed.emit(len(self.items))

    def overdue_rows(self) -> list[int]:
        return [row for row, item in enumerate(self.items) if item.overdue]

    def _open_row(self, row: int, _column: int = 0) -> None:
        if not 0 <= row < len(self.items):
            return
        item = self.items[row]
        # a session's note by its appointment; a plan or discharge summary by itself
        window = self._open_editor(self, self.workspace, item.appointment_id) \
            if item.appointment_id is not None else \
            open_note_by_id(self, self.workspace, item.note_id)
        if window is not None:
            window.destroyed.connect(lambda *_: self.refresh())


class RiskFollowUpPage(QWidget):
    """Clients whose notes or risk screens (PHQ-9 item 9, C-SSRS) of the last 30 days recorded
    elevated risk."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.items: list[RiskItem] = []
        layout = _page_layout(self, "Risk follow-up")
        layout.addWidget(hint_label("Clients whose notes in the last 30 days recorded elevated "
                                    "risk (ideation, plan, intent, self-harm or a safety plan), "
                                    "or who answered a risk item of a measure positively "
                                    "(PHQ-9 item 9, C-SSRS screener)."))
        # The recorded risk is the useful text: it takes the room, not the date.
        self.table = list_table(["Client", "Latest such session", "Risk as recorded",
                                 "Positive screens"], 2)
        self.table.setWordWrap(True)
        self.empty = EmptyState(RISK_EMPTY)
        self.empty.label.setWordWrap(True)
        self.body = _stack(self.table, self.empty)
        layout.addWidget(self.body, 1)
        _add_refresh(layout, self.refresh)
        self.refresh()

    def refresh(self) -> None:
        items = _load(self.workspace, lambda: self.workspace.do(risk_follow_up))
        if items is None:
            return
        self.items = items
        fill_table(self.table, [(item.client_name, date_text(item.date_of_service),
                                 item.risk_text, item.screen_text) for item in self.items])
        for row, item in enumerate(self.items):  # long recorded risk wraps; the full text too
            for col, text in ((2, item.risk_text), (3, item.screen_text)):
                cell = self.table.item(row, col)
                if cell is not None:
                    cell.setToolTip(text)
        self.table.resizeRowsToContents()
        self.body.setCurrentWidget(self.table if self.items else self.empty)
