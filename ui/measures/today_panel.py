"""Today's measures: what is due for the clients seen today, one line each; activating a line
opens the entry for that client's first due measure."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from app.clients import get_client
from app.measures.entry import session_on
from app.measures.schedules import due_today
from app.workspace import Workspace
from models.measures.schedule import DueMeasure
from ui.measures.entry_dialog import MeasureEntryDialog
from ui.measures.events import measure_events

ROW_HEIGHT = 24


class MeasuresDuePanel(QWidget):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("measuresDuePanel")  # styled (and themed) in resources/style.qss
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.workspace = workspace
        self.day: date | None = None
        self.due: list[tuple[int, str, list[DueMeasure]]] = []
        self.dialog: MeasureEntryDialog | None = None
        self.title = QLabel("Measures due today")
        self.title.setObjectName("measuresDueTitle")
        self.list = QListWidget()
        self.list.setObjectName("measuresDueList")
        self.list.itemActivated.connect(self._enter)
        self.list.itemDoubleClicked.connect(self._enter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.title)
        layout.addWidget(self.list)
        measure_events().recorded.connect(lambda _client: self._safe_refresh())
        self.hide()

    def refresh(self, day: date) -> None:
        self.day = day
        found = self.workspace.do(due_today, day)
        self.due = [(cid, self.workspace.do(get_client, cid).display_name, due)
                    for cid, due in found.items()]
        self.list.clear()
        for cid, name, due in self.due:
            item = QListWidgetItem(f"{name}: " + ", ".join(d.text for d in due))
            item.setData(Qt.ItemDataRole.UserRole, cid)
            self.list.addItem(item)
        self.list.setFixedHeight(ROW_HEIGHT * max(1, len(self.due)) + 6)
        self.setVisible(bool(self.due))

    def lines(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def _safe_refresh(self) -> None:
        if self.day is not None and not self.workspace.is_locked:
            self.refresh(self.day)

    def _enter(self, item: QListWidgetItem) -> None:
        row = self.list.row(item)
        if not 0 <= row < len(self.due) or self.day is None:
            return
        cid, _name, due = self.due[row]
        session = self.workspace.do(session_on, cid, self.day)
        self.dialog = MeasureEntryDialog(self.workspace, cid, due[0].instrument, self.day,
                                         appointment_id=session.id if session else None,
                                         parent=self)
        self.dialog.open()
