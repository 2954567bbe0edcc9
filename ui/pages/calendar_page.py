"""A week at a glance: seven day columns, each appointment a coloured block."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QKeySequence, QMouseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.calendar.schedule import today_in_practice, week_schedule, week_start
from app.practice import practice_zone
from app.workspace import Workspace
from models.appointment import Appointment, AppointmentStatus
from ui import appointment_actions as actions
from ui.errors import show_error
from ui.pages.appointment_block import AppointmentBlockDelegate
from ui.timefmt import service_label, short_day, time_range
from ui.widgets import page_title, shortcut, status_colour


def _tint(colour: QColor, strength: float) -> QColor:
    """``colour`` mixed into white: a soft block background that keeps the status hue."""
    r, g, b = colour.red(), colour.green(), colour.blue()
    return QColor(int(255 - (255 - r) * strength), int(255 - (255 - g) * strength),
                  int(255 - (255 - b) * strength))


class DayColumn(QFrame):
    """One day: a header and its appointments in time order."""

    def __init__(self, page: CalendarPage) -> None:
        super().__init__()
        self.setObjectName("dayColumn")
        self.page = page
        self.day = date.today()
        self.header = QLabel()
        self.header.setObjectName("dayHeader")
        self.header.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.list = QListWidget()
        self.list.setObjectName("dayList")
        self.list.setWordWrap(True)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setItemDelegate(AppointmentBlockDelegate(self.list))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.itemDoubleClicked.connect(self._open_item)
        self.list.viewport().installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(4)
        layout.addWidget(self.header)
        layout.addWidget(self.list, 1)

    def show_day(self, day: date, appointments: list[Appointment], names: dict[int, str],
                 is_today: bool) -> None:
        self.day = day
        self.header.setText(short_day(day))
        self.header.setProperty("today", is_today)
        self.header.style().unpolish(self.header)
        self.header.style().polish(self.header)
        self.list.clear()
        tz = self.page.tz
        for appt in appointments:
            text = (f"{time_range(appt, tz)}\n{names.get(appt.client_id, '—')}\n"
                    f"{service_label(appt.service)}\n{appt.status.label}")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, appt.id)
            colour = status_colour(appt.status)
            cancelled = appt.status is AppointmentStatus.CANCELLED
            item.setBackground(QBrush(_tint(colour, 0.16 if not cancelled else 0.10)))
            item.setForeground(QBrush(colour.darker(150)))
            item.setToolTip(text.replace("\n", " — "))
            self.list.addItem(item)

    def _open_item(self, item: QListWidgetItem) -> None:
        self.page.open_appointment(item.data(Qt.ItemDataRole.UserRole))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        # Double-click on empty space in a day schedules on that day.
        if (event.type() == QEvent.Type.MouseButtonDblClick and isinstance(event, QMouseEvent)
                and self.list.itemAt(event.position().toPoint()) is None):
            self.page.new_appointment(self.day)
            return True
        return False


class CalendarPage(QWidget):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.tz = workspace.do(practice_zone)
        self.monday = week_start(workspace.do(today_in_practice))
        self.appointments: dict[int, Appointment] = {}
        self.range_label = QLabel()
        self.range_label.setObjectName("hint")
        self.prev_button = QPushButton("‹ Previous")
        self.today_button = QPushButton("This week")
        self.next_button = QPushButton("Next ›")
        self.new_button = QPushButton("New appointment")
        self.new_button.setShortcut(QKeySequence("Ctrl+N"))  # as on Today: only the visible page's
        for b, tip in ((self.new_button, "Schedule an appointment (Ctrl+N)"),
                       (self.prev_button, "Previous week (Alt+Left)"),
                       (self.next_button, "Next week (Alt+Right)"),
                       (self.today_button, "Back to this week (Alt+Home)")):
            b.setToolTip(tip)
        self.columns = [DayColumn(self) for _ in range(7)]
        days = QHBoxLayout()
        days.setSpacing(6)
        for column in self.columns:
            days.addWidget(column, 1)
        top = QHBoxLayout()
        top.addWidget(page_title("Calendar"))
        top.addWidget(self.range_label, 1, Qt.AlignmentFlag.AlignBottom)
        top.addWidget(self.prev_button)
        top.addWidget(self.today_button)
        top.addWidget(self.next_button)
        top.addSpacing(12)
        top.addWidget(self.new_button)
        hint = QLabel("Double-click an appointment to edit, move or cancel it; double-click an "
                      "empty space to schedule on that day.")
        hint.setObjectName("hint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addLayout(top)
        layout.addLayout(days, 1)
        layout.addWidget(hint)
        self.prev_button.clicked.connect(lambda: self.shift(-7))
        self.next_button.clicked.connect(lambda: self.shift(7))
        self.today_button.clicked.connect(self.this_week)
        self.new_button.clicked.connect(lambda: self.new_appointment(None))
        shortcut("Alt+Left", self, lambda: self.shift(-7))
        shortcut("Alt+Right", self, lambda: self.shift(7))
        shortcut("Alt+Home", self, self.this_week)
        self.refresh()

    def shift(self, days: int) -> None:
        self.monday += timedelta(days=days)
        self._safe_refresh()

    def this_week(self) -> None:
        self.monday = week_start(self.workspace.do(today_in_practice))
        self._safe_refresh()

    def refresh(self) -> None:
        week = self.workspace.do(week_schedule, self.monday)
        self.tz = week.zone
        sunday = week.last_day
        self.range_label.setText(f"{self.monday:%B} {self.monday.day} – "
                                 f"{sunday:%B} {sunday.day}, {sunday.year}")
        self.appointments = {a.id: a for a in week.appointments if a.id is not None}
        now = self.workspace.do(today_in_practice)
        for offset, column in enumerate(self.columns):
            day = self.monday + timedelta(days=offset)
            column.show_day(day, week.on(day), week.names, day == now)

    def _safe_refresh(self) -> None:
        try:
            self.refresh()
        except Exception as exc:
            show_error(self, exc)

    def open_appointment(self, appointment_id: int) -> None:
        appt = self.appointments.get(appointment_id)
        if appt is not None:
            actions.edit_appointment(self, self.workspace, appt, on_saved=self._safe_refresh)

    def new_appointment(self, day: date | None) -> None:
        start = (datetime.combine(day, time(9, 0), tzinfo=self.tz) if day is not None else None)
        actions.edit_appointment(self, self.workspace, start=start, on_saved=self._safe_refresh)
