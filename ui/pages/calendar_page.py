"""The calendar: a day, a week (time grids) or a month, with working hours and today marked.

Drag a block to move or resize an appointment: the same questions as the editor are asked
(past the authorization? double-booked?) before anything is written. Double-click an empty
time to schedule there. Alt+D, Alt+W and Alt+M switch views; Alt+Left and Alt+Right (or Page
Up and Page Down) go back and forward, Alt+Home to today.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.appointments import moved_appointment, save_plan
from app.calendar.schedule import (
    Schedule,
    month_schedule,
    schedule_between,
    today_in_practice,
    week_start,
)
from app.practice import practice_zone
from app.workspace import Workspace
from models.appointment import Appointment
from ui import appointment_actions as actions
from ui.appointment_checks import confirm_plan
from ui.calendar.day_header import DayHeader
from ui.calendar.month_grid import MonthGrid
from ui.calendar.time_grid import TimeGrid
from ui.errors import show_calendar_problem, show_error
from ui.timefmt import long_day
from ui.widgets import page_title, shortcut

VIEWS = ("day", "week", "month")


class CalendarPage(QWidget):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.tz = workspace.do(practice_zone)
        self.anchor: date = workspace.do(today_in_practice)
        self.view = "week"
        self.schedule: Schedule | None = None
        self.appointments: dict[int, Appointment] = {}
        self._scrolled = False

        self.range_label = QLabel()
        self.range_label.setObjectName("hint")
        self.view_buttons: dict[str, QPushButton] = {}
        group = QButtonGroup(self)
        group.setExclusive(True)
        views = QHBoxLayout()
        views.setSpacing(0)
        for name in VIEWS:
            button = QPushButton(name.capitalize())
            button.setCheckable(True)
            button.setObjectName("segment")
            button.setToolTip(f"{name.capitalize()} view (Alt+{name[0].upper()})")
            button.clicked.connect(lambda _c=False, n=name: self.set_view(n))
            group.addButton(button)
            views.addWidget(button)
            self.view_buttons[name] = button
        self.prev_button = QPushButton("‹")
        self.today_button = QPushButton("Today")
        self.next_button = QPushButton("›")
        self.new_button = QPushButton("New appointment")
        self.new_button.setShortcut(QKeySequence("Ctrl+N"))  # as on Today: only the visible page's
        for b, tip in ((self.new_button, "Schedule an appointment (Ctrl+N)"),
                       (self.prev_button, "Back (Alt+Left or Page Up)"),
                       (self.next_button, "Forward (Alt+Right or Page Down)"),
                       (self.today_button, "Back to today (Alt+Home)")):
            b.setToolTip(tip)
        self.prev_button.setAccessibleName("Back")
        self.next_button.setAccessibleName("Forward")

        self.header = DayHeader()
        self.grid = TimeGrid()
        self.grid_scroll = QScrollArea()
        self.grid_scroll.setWidget(self.grid)
        self.grid_scroll.setWidgetResizable(True)
        self.grid_scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.grid_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        time_view = QWidget()
        time_layout = QVBoxLayout(time_view)
        time_layout.setContentsMargins(0, 0, 0, 0)
        time_layout.setSpacing(2)
        time_layout.addWidget(self.header)
        time_layout.addWidget(self.grid_scroll, 1)
        self.month = MonthGrid()
        self.stack = QStackedWidget()
        self.stack.addWidget(time_view)
        self.stack.addWidget(self.month)

        top = QHBoxLayout()
        top.addWidget(page_title("Calendar"))
        top.addWidget(self.range_label, 1, Qt.AlignmentFlag.AlignBottom)
        top.addLayout(views)
        top.addSpacing(12)
        top.addWidget(self.prev_button)
        top.addWidget(self.today_button)
        top.addWidget(self.next_button)
        top.addSpacing(12)
        top.addWidget(self.new_button)
        self.hint = QLabel("Drag an appointment to move it, or its bottom edge to change its "
                           "length; double-click to open it, or an empty time to schedule there.")
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.hint)

        self.prev_button.clicked.connect(lambda: self.shift(-1))
        self.next_button.clicked.connect(lambda: self.shift(1))
        self.today_button.clicked.connect(self.go_today)
        self.new_button.clicked.connect(lambda: self.new_appointment(None))
        self.grid.open_requested.connect(self.open_appointment)
        self.grid.new_requested.connect(self._new_at)
        self.grid.move_requested.connect(self.move_appointment)
        self.header.day_clicked.connect(self.open_day)
        self.month.day_opened.connect(self.open_day)
        self.month.day_chosen.connect(self._month_day_chosen)
        self.month.open_requested.connect(self.open_appointment)
        for keys, step in (("Alt+Left", -1), ("Alt+Right", 1), ("PgUp", -1), ("PgDown", 1)):
            shortcut(keys, self, partial(self.shift, step))
        shortcut("Alt+Home", self, self.go_today)
        for name in VIEWS:  # Alt+D, Alt+W, Alt+M (shortcuts, not mnemonics: those are not
            # everywhere, e.g. macOS has none)
            shortcut(f"Alt+{name[0].upper()}", self, partial(self.set_view, name))
        self.view_buttons[self.view].setChecked(True)
        self.refresh()

    # --- what is shown ---------------------------------------------------------------------
    @property
    def monday(self) -> date:
        return week_start(self.anchor)

    def shown_days(self) -> list[date]:
        if self.view == "day":
            return [self.anchor]
        return [self.monday + timedelta(days=n) for n in range(7)]

    def set_view(self, view: str) -> None:
        self.view = view
        self.view_buttons[view].setChecked(True)
        self._safe_refresh()
        (self.month if view == "month" else self.grid).setFocus()

    def shift(self, periods: int) -> None:
        """Go ``periods`` days, weeks or months back (negative) or forward."""
        if self.view == "day":
            self.anchor += timedelta(days=periods)
        elif self.view == "week":
            self.anchor += timedelta(weeks=periods)
        else:
            month = self.anchor.year * 12 + self.anchor.month - 1 + periods
            self.anchor = date(month // 12, month % 12 + 1, 1)
        self._safe_refresh()

    def go_today(self) -> None:
        self.anchor = self.workspace.do(today_in_practice)
        self._safe_refresh()

    def open_day(self, day: date) -> None:
        self.anchor = day
        self.set_view("day")

    def _month_day_chosen(self, day: date) -> None:
        if (day.year, day.month) != (self.anchor.year, self.anchor.month):
            self.anchor = day  # walked off the month with the arrow keys: follow
            self._safe_refresh()
        else:
            self.anchor = day

    def refresh(self) -> None:
        today = self.workspace.do(today_in_practice)
        now = datetime.now(self.tz)
        if self.view == "month":
            schedule = self.workspace.do(month_schedule, self.anchor)
            self.month.show_month(self.anchor, schedule, today)
            self.month.current_day = self.anchor
            self.range_label.setText(f"{self.anchor:%B %Y}")
            self.stack.setCurrentWidget(self.month)
        else:
            days = self.shown_days()
            schedule = self.workspace.do(schedule_between, days[0], days[-1])
            self.header.right_margin = self.grid_scroll.verticalScrollBar().sizeHint().width()
            self.header.show_days(days, today)
            self.grid.show_days(days, schedule, today, now)
            self.range_label.setText(long_day(days[0]) if len(days) == 1 else (
                f"{days[0]:%B} {days[0].day} – {days[-1]:%B} {days[-1].day}, {days[-1].year}"))
            self.stack.setCurrentIndex(0)
        self.schedule = schedule
        self.tz = schedule.zone
        self.appointments = {a.id: a for a in schedule.appointments if a.id is not None}

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        if not self._scrolled:  # the working day in view, once; then where the user left it
            self._scrolled = True
            self._scroll_to_working_day()

    def _scroll_to_working_day(self) -> None:
        top = self.grid.y_of(self.grid.first_working_minute()) - self.grid.hour_height() // 2
        self.grid_scroll.verticalScrollBar().setValue(max(0, int(top)))

    def _safe_refresh(self) -> None:
        try:
            self.refresh()
        except Exception as exc:
            show_error(self, exc)

    # --- changes ---------------------------------------------------------------------------
    def open_appointment(self, appointment_id: int) -> None:
        appt = self.appointments.get(appointment_id)
        if appt is not None:
            actions.edit_appointment(self, self.workspace, appt, on_saved=self._safe_refresh)

    def new_appointment(self, day: date | None) -> None:
        start = None
        if day is not None:
            start = datetime.combine(day, self.schedule.work_hours[0] if self.schedule
                                     else datetime.min.time(), tzinfo=self.tz)
        self._new_at(start)

    def _new_at(self, start: datetime | None) -> None:
        actions.edit_appointment(self, self.workspace, start=start, on_saved=self._safe_refresh)

    def show_appointment(self, appointment_id: int, start: datetime) -> None:
        """The appointment's day, with it chosen (from search)."""
        self.anchor = start.astimezone(self.tz).date()
        self.set_view("day")
        self.grid.select(appointment_id)
        block = self.grid.block_by_id(appointment_id)
        if block is not None:
            self.grid_scroll.ensureVisible(0, int(block.rect.center().y()), 0,
                                      self.grid_scroll.viewport().height() // 3)

    def move_appointment(self, appointment_id: int, start: datetime, minutes: int) -> bool:
        """A drag ended: ask what the editor asks, then save; the grid shows the outcome."""
        before = self.appointments.get(appointment_id)
        try:
            plan = self.workspace.do(moved_appointment, appointment_id, start, minutes)
            if not confirm_plan(self, self.workspace, plan, before, self.tz):
                self._safe_refresh()  # the block goes back where it was
                return False
            saved = self.workspace.do(save_plan, plan, self.workspace.settings)
        except Exception as exc:
            show_error(self, exc)
            self._safe_refresh()
            return False
        self.grid.select(appointment_id)
        self._safe_refresh()
        show_calendar_problem(self, saved.calendar_problem)
        return True
