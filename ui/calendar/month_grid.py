"""A month at a glance: whole weeks, each day a cell listing its appointments ("09:00 Jo Reyes").

A day with more than its cell holds ends with "+N more"; each line ends at a whole word and its
tooltip says it all. Click a day to choose it, double-click it (or press Enter) to open it in the
day view; double-click an appointment to open it. Arrow keys walk the days.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QEvent, QPoint, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.calendar.schedule import Schedule
from models.appointment import Appointment, AppointmentStatus
from ui.calendar.look import block_fill, block_tooltip, handle_tooltip, mix, start_painting
from ui.text_fit import elide_words
from ui.timefmt import hm
from ui.widgets import status_colour

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


@dataclass
class Line:
    appointment: Appointment | None  # None for the "+N more" line
    rect: QRectF
    text: str
    more: str = ""  # for "+N more": the sessions it stands for

    def tooltip(self, schedule: Schedule) -> str:
        """Made when asked (a month has hundreds of lines, the mouse rests on one)."""
        appt = self.appointment
        if appt is None:
            return self.more
        return block_tooltip(appt, schedule.names.get(appt.client_id, "—"),
                             schedule.note_state_of(appt), schedule.zone)


class MonthGrid(QWidget):
    day_chosen = Signal(object)  # date: clicked or walked to with the keys
    day_opened = Signal(object)  # date: double-click or Enter, to open the day view
    open_requested = Signal(int)  # appointment id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("monthGrid")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName("Calendar month")
        self.month: date = date.today().replace(day=1)
        self.days: list[date] = []
        self.schedule: Schedule | None = None
        self.today: date | None = None
        self.current_day: date | None = None
        self.lines: list[Line] = []
        self._by_day: dict[date, list[Appointment]] = {}

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(800, 600)

    def show_month(self, month: date, schedule: Schedule, today: date) -> None:
        self.month, self.schedule, self.today = month.replace(day=1), schedule, today
        first, last = schedule.first_day, schedule.last_day
        self.days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
        self._by_day = {}
        for appt in schedule.appointments:
            self._by_day.setdefault(appt.start.astimezone(schedule.zone).date(), []).append(appt)
        if self.current_day not in self.days or self.current_day.month != self.month.month:
            self.current_day = today if today in self.days and today.month == month.month \
                else self.month
        self._lay_out_lines()
        self.update()

    def appointments_on(self, day: date) -> list[Appointment]:
        return list(self._by_day.get(day, []))

    # --- geometry --------------------------------------------------------------------------
    def header_height(self) -> int:
        return self.fontMetrics().height() + 8

    def cell_rect(self, index: int) -> QRectF:
        weeks = max(1, len(self.days) // 7)
        width = self.width() / 7
        height = (self.height() - self.header_height()) / weeks
        return QRectF((index % 7) * width, self.header_height() + (index // 7) * height,
                      width, height)

    def day_at(self, point: QPoint) -> date | None:
        for index, day in enumerate(self.days):
            if self.cell_rect(index).contains(point.toPointF()):
                return day
        return None

    def resizeEvent(self, event: object) -> None:  # noqa: N802 (Qt API)
        self._lay_out_lines()

    def _lay_out_lines(self) -> None:
        self.lines = []
        if self.schedule is None:
            return
        metrics = self.fontMetrics()
        line_height = metrics.height() + 2
        names, tz = self.schedule.names, self.schedule.zone
        for index, day in enumerate(self.days):
            cell = self.cell_rect(index)
            top = cell.top() + line_height + 4  # below the day number
            room = max(0, int((cell.bottom() - top - 2) // line_height))
            todays = self._by_day.get(day, [])
            shown = todays if len(todays) <= room else todays[:max(0, room - 1)]
            width = int(cell.width()) - 16  # the line's stripe and padding
            for n, appt in enumerate(shown):
                name = names.get(appt.client_id, "—")
                rect = QRectF(cell.left() + 3, top + n * line_height, cell.width() - 6,
                              line_height - 1)
                self.lines.append(Line(appt, rect, elide_words(
                    f"{hm(appt.start, tz)} {name}", metrics, width)))
            hidden = len(todays) - len(shown)
            if hidden:
                rect = QRectF(cell.left() + 3, top + len(shown) * line_height,
                              cell.width() - 6, line_height - 1)
                more = [f"{hm(a.start, tz)} {names.get(a.client_id, '—')}"
                        for a in todays[len(shown):]]
                self.lines.append(Line(None, rect, f"+{hidden} more", "\n".join(more)))

    # --- painting --------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt API)
        painter, base, text, accent = start_painting(self)
        palette = self.palette()
        painter.fillRect(self.rect(), base)
        width = self.width() / 7
        painter.setPen(mix(base, text, 0.6))
        for n, name in enumerate(WEEKDAYS):
            painter.drawText(QRectF(n * width, 0, width, self.header_height()),
                             int(Qt.AlignmentFlag.AlignCenter), name)
        grid_pen = QPen(mix(base, text, 0.14), 1)
        days_off = self.schedule.working_days if self.schedule else "12345"
        for index, day in enumerate(self.days):
            cell = self.cell_rect(index)
            if day.month != self.month.month or str(day.isoweekday()) not in days_off:
                painter.fillRect(cell, mix(base, text, 0.04))
            if day == self.current_day and self.hasFocus():
                painter.fillRect(cell, mix(base, accent, 0.10))
            painter.setPen(grid_pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(cell)
            self._paint_day_number(painter, cell, day)
        for line in self.lines:
            self._paint_line(painter, line, palette)
        painter.end()

    def _paint_day_number(self, painter: QPainter, cell: QRectF, day: date) -> None:
        palette = self.palette()
        metrics = self.fontMetrics()
        label = str(day.day) if day.day != 1 else f"{day:%b} 1"
        box = QRectF(cell.left() + 4, cell.top() + 3, metrics.horizontalAdvance(label) + 10,
                     metrics.height() + 2)
        font = painter.font()
        if day == self.today:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
            painter.drawRoundedRect(box, box.height() / 2, box.height() / 2)
            painter.setPen(palette.color(QPalette.ColorRole.HighlightedText))
            font.setBold(True)
        else:
            other_month = day.month != self.month.month
            ink = palette.color(QPalette.ColorRole.Text)
            painter.setPen(mix(palette.color(QPalette.ColorRole.Base), ink,
                               0.45 if other_month else 0.85))
            font.setBold(False)
        painter.setFont(font)
        painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), label)
        font.setBold(False)
        painter.setFont(font)

    def _paint_line(self, painter: QPainter, line: Line, palette: QPalette) -> None:
        appt = line.appointment
        text = palette.color(QPalette.ColorRole.Text)
        if appt is None:
            painter.setPen(mix(palette.color(QPalette.ColorRole.Base), text, 0.65))
            painter.drawText(line.rect.adjusted(6, 0, 0, 0),
                             int(Qt.AlignmentFlag.AlignVCenter), line.text)
            return
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(block_fill(palette, appt.status))
        painter.drawRoundedRect(line.rect, 3, 3)
        painter.setBrush(status_colour(appt.status))
        painter.drawRect(QRectF(line.rect.left(), line.rect.top(), 3, line.rect.height()))
        if appt.status is AppointmentStatus.CANCELLED:
            text = mix(palette.color(QPalette.ColorRole.Base), text, 0.55)
        painter.setPen(text)
        painter.drawText(line.rect.adjusted(6, 0, -2, 0),
                         int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                         line.text)

    # --- input -----------------------------------------------------------------------------
    def line_at(self, point: QPoint) -> Line | None:
        return next((ln for ln in self.lines if ln.rect.contains(point.toPointF())), None)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt API)
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        day = self.day_at(event.position().toPoint())
        if day is not None:
            self.choose(day)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt API)
        line = self.line_at(event.position().toPoint())
        if line is not None and line.appointment is not None and line.appointment.id:
            self.open_requested.emit(line.appointment.id)
            return
        day = self.day_at(event.position().toPoint())
        if day is not None:
            self.day_opened.emit(day)

    def choose(self, day: date) -> None:
        self.current_day = day
        self.update()
        self.day_chosen.emit(day)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        steps = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Up: -7,
                 Qt.Key.Key_Down: 7}
        key = Qt.Key(event.key())
        if key in steps and self.current_day is not None and not event.modifiers():
            self.choose(self.current_day + timedelta(days=steps[key]))
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.current_day is not None:
            self.day_opened.emit(self.current_day)
        else:
            super().keyPressEvent(event)

    def event(self, event: QEvent) -> bool:
        return handle_tooltip(self, event, self._tooltip_at) or super().event(event)

    def _tooltip_at(self, point: QPoint) -> str:
        line = self.line_at(point)
        return line.tooltip(self.schedule) if line is not None and self.schedule else ""

