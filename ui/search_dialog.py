"""Search everything (Ctrl+K or Ctrl+F): one box over clients, notes and appointments.

Results are grouped under headings; Up and Down move through them from the box, Enter opens
the chosen one (a client's page, a note's window, the appointment in the calendar), Esc closes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.practice import practice_zone
from app.search import SearchResults, search_everything
from app.workspace import Workspace
from ui.errors import message_for
from ui.timefmt import date_text, hm, weekday_date_text

TYPING_PAUSE_MS = 120  # search once the typing pauses, not on every key
ROLE = Qt.ItemDataRole.UserRole


class SearchDialog(QDialog):
    """Emits ``open_client(id)``, ``open_note(note_id)`` or ``open_appointment(id,
    start)`` for the chosen result, then closes."""

    open_client = Signal(int)
    open_note = Signal(int)
    open_appointment = Signal(int, object)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.setWindowTitle("Search")
        self.setModal(True)
        self.resize(640, 480)
        self.results = SearchResults("")
        self.tz = workspace.do(practice_zone)
        self.box = QLineEdit()
        self.box.setObjectName("searchBox")
        self.box.setPlaceholderText("Search clients, notes and appointments: a name, a word "
                                    "from a note, a date of birth, a diagnosis code…")
        self.box.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.list.setObjectName("searchResults")
        self.status = QLabel()
        self.status.setObjectName("hint")
        layout = QVBoxLayout(self)
        layout.addWidget(self.box)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.status)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(TYPING_PAUSE_MS)
        self.timer.timeout.connect(self.run_search)
        self.box.textChanged.connect(lambda _t: self.timer.start())
        self.box.returnPressed.connect(self.open_current)
        self.box.installEventFilter(self)
        self.list.itemActivated.connect(lambda _item: self.open_current())
        self.status.setText("Type at least two letters.")

    def run_search(self) -> None:
        self.timer.stop()
        try:
            self.results = self.workspace.do(search_everything, self.box.text())
        except Exception as exc:
            self.status.setText(message_for(exc))
            return
        self._fill(self.results)

    def _fill(self, results: SearchResults) -> None:
        tz = self.tz
        self.list.clear()
        groups = (
            ("Clients", [(f"{c.name}" + (f"  —  {c.detail}" if c.detail else ""),
                          ("client", c.client_id)) for c in results.clients]),
            ("Notes", [(f"{n.client_name}, {date_text(n.date_of_service)}"
                        f"{'' if n.signed else ' (draft)'}  —  {n.snippet}",
                        ("note", n.note_id)) for n in results.notes]),
            ("Appointments", [(f"{weekday_date_text(a.appointment.start.astimezone(tz).date())} "
                               f"{hm(a.appointment.start, tz)}  "
                               f"{a.client_name}  ·  {a.appointment.status.label}",
                               ("appointment", a.appointment.id, a.appointment.start))
                              for a in results.appointments]),
        )
        first: QListWidgetItem | None = None
        for heading, rows in groups:
            if not rows:
                continue
            header = QListWidgetItem(heading)
            header.setFlags(Qt.ItemFlag.NoItemFlags)  # a heading: not selectable
            self.list.addItem(header)
            for text, data in rows:
                item = QListWidgetItem(text)
                item.setData(ROLE, data)
                item.setToolTip(text)
                self.list.addItem(item)
                first = first or item
        if first is not None:
            self.list.setCurrentItem(first)
        count = len(results.clients) + len(results.notes) + len(results.appointments)
        if len(results.text) < 2:
            self.status.setText("Type at least two letters.")
        else:
            self.status.setText("Nothing found." if not count else
                                f"{count} found: ↑ ↓ to choose, Enter to open, Esc to close.")

    def result_items(self) -> list[QListWidgetItem]:
        return [self.list.item(i) for i in range(self.list.count())
                if self.list.item(i).data(ROLE) is not None]

    def _step(self, step: int) -> None:
        items = self.result_items()
        if not items:
            return
        current = self.list.currentItem()
        index = items.index(current) if current in items else -step
        self.list.setCurrentItem(items[min(max(index + step, 0), len(items) - 1)])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if (watched is self.box and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up)):
            self._step(1 if event.key() == Qt.Key.Key_Down else -1)
            return True
        return False

    def open_current(self) -> None:
        if self.timer.isActive():  # Enter before the pause: search what was typed first
            self.run_search()
        item = self.list.currentItem()
        data = item.data(ROLE) if item is not None else None
        if not data:
            return
        self.accept()
        kind = data[0]
        if kind == "client":
            self.open_client.emit(int(data[1]))
        elif kind == "note":
            self.open_note.emit(int(data[1]))
        else:
            self.open_appointment.emit(int(data[1]), data[2])
