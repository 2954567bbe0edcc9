"""Today's treatment plans due for review: one line per client (overdue first); activating a
line opens the plan's revision (the signed plan stays as it was)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from app.documents.plans import PlanDue, plans_due
from app.workspace import Workspace
from models.common import date_text
from models.errors import StillnoteError
from ui.documents.windows import open_plan
from ui.notes.events import note_events

PANEL_STYLE = ("QWidget#plansDuePanel { background: #f3f0fa; border: 1px solid #d6cdea; "
               "border-radius: 6px; } QListWidget { background: transparent; border: none; }")
ROW_HEIGHT = 24


def due_line(due: PlanDue) -> str:
    when = date_text(due.review_on)
    return (f"{due.client_name}: treatment plan review was due {when}" if due.overdue
            else f"{due.client_name}: treatment plan review due {when}")


class PlansDuePanel(QWidget):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("plansDuePanel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setStyleSheet(PANEL_STYLE)
        self.workspace = workspace
        self.day: date | None = None
        self.due: list[PlanDue] = []
        self.title = QLabel("Treatment plans due for review")
        self.list = QListWidget()
        self.list.setObjectName("plansDueList")
        self.list.itemActivated.connect(self._open)
        self.list.itemDoubleClicked.connect(self._open)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.title)
        layout.addWidget(self.list)
        note_events().changed.connect(self._safe_refresh)  # a revision signed: off the list
        self.hide()

    def refresh(self, day: date) -> None:
        self.day = day
        self.due = self.workspace.do(plans_due, day)
        self.list.clear()
        for due in self.due:
            item = QListWidgetItem(due_line(due))
            item.setData(Qt.ItemDataRole.UserRole, due.client_id)
            self.list.addItem(item)
        self.list.setFixedHeight(ROW_HEIGHT * max(1, min(len(self.due), 4)) + 6)
        self.setVisible(bool(self.due))

    def lines(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def _safe_refresh(self) -> None:
        if self.day is not None and not self.workspace.is_locked:
            try:
                self.refresh(self.day)
            except StillnoteError:
                return

    def _open(self, item: QListWidgetItem) -> QWidget | None:
        row = self.list.row(item)
        if not 0 <= row < len(self.due):
            return None
        return open_plan(self, self.workspace, self.due[row].client_id)
