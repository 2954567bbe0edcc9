"""Sidebar pages: the unsigned-notes queue (with a count) and the risk follow-up list."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.notes import risk_follow_up, unsigned_queue
from models.errors import StillnoteError
from ui.notes.events import note_events
from ui.widgets import fill_table

OVERDUE_BACKGROUND = QColor("#ffe1d6")


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _item(text: str) -> QTableWidgetItem:
    return QTableWidgetItem(text)


def _add_refresh(layout: QVBoxLayout, refresh: Callable[[], None]) -> None:
    """A Refresh button under the list; the list also follows every note change."""
    button = QPushButton("&Refresh")
    button.clicked.connect(refresh)
    layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
    note_events().changed.connect(refresh)


def _load(workspace: Any, query: Callable[[Any], list[Any]]) -> list[Any] | None:
    """The rows of a queue, [] if the vault cannot answer, None while locked (keep the old)."""
    if workspace.is_locked:
        return None
    try:
        return query(workspace.vault)
    except StillnoteError:
        return []


class UnsignedNotesPage(QWidget):
    """Unsigned notes, oldest first; those older than 24 hours stand out."""

    count_changed = Signal(int)

    def __init__(self, workspace: Any, parent: QWidget | None = None,
                 open_editor: Callable[[QWidget, Any, int], Any] | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self._open_editor = open_editor
        self.items: list[Any] = []
        layout = QVBoxLayout(self)
        self.summary = QLabel(objectName="unsigned_summary")
        layout.addWidget(self.summary)
        self.table = _table(["Date of service", "Client", "Age"])
        self.table.cellActivated.connect(self._open_row)
        self.table.cellDoubleClicked.connect(self._open_row)
        layout.addWidget(self.table, 1)
        _add_refresh(layout, self.refresh)
        self.refresh()

    def showEvent(self, event: Any) -> None:  # noqa: N802 (Qt name): ages move on
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        items = _load(self.workspace, unsigned_queue)
        if items is None:
            return
        self.items = items
        self.table.setRowCount(len(self.items))
        bold = QFont()
        bold.setBold(True)
        for row, item in enumerate(self.items):
            cells = [_item(item.date_of_service.isoformat()), _item(item.client_name),
                     _item(item.age_text + (" — over 24 h" if item.overdue else ""))]
            for col, cell in enumerate(cells):
                if item.overdue:
                    cell.setBackground(QBrush(OVERDUE_BACKGROUND))
                    cell.setFont(bold)
                    cell.setToolTip("Unsigned for more than 24 hours")
                self.table.setItem(row, col, cell)
        overdue = sum(1 for i in self.items if i.overdue)
        self.summary.setText(
            f"{len(self.items)} unsigned note(s)" + (f", {overdue} older than 24 hours"
                                                      if overdue else ""))
        self.count_changed.emit(len(self.items))

    def overdue_rows(self) -> list[int]:
        return [row for row, item in enumerate(self.items) if item.overdue]

    def _open_row(self, row: int, _column: int = 0) -> None:
        if not 0 <= row < len(self.items):
            return
        opener = self._open_editor
        if opener is None:
            from ui.notes import open_note_editor as opener
        window = opener(self, self.workspace, self.items[row].appointment_id)
        signal = getattr(window, "destroyed", None)
        if signal is not None:
            signal.connect(lambda *_: self.refresh())


class RiskFollowUpPage(QWidget):
    """Clients whose notes of the last 30 days recorded elevated risk."""

    def __init__(self, workspace: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.items: list[Any] = []
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Clients whose notes in the last 30 days recorded elevated "
                                "risk (ideation, plan, intent, self-harm or a safety plan)."))
        self.table = _table(["Client", "Latest such session", "Risk as recorded"])
        layout.addWidget(self.table, 1)
        _add_refresh(layout, self.refresh)
        self.refresh()

    def refresh(self) -> None:
        items = _load(self.workspace, risk_follow_up)
        if items is None:
            return
        self.items = items
        fill_table(self.table, [(item.client_name, item.date_of_service.isoformat(),
                                 item.risk_text) for item in self.items])
