"""A day or a week as a time grid: hours down, days across, each appointment a block at its time
and length. Drag a block to move it (to another hour or day), drag its bottom edge to resize it;
the page checks and saves the change. Keyboard: Up/Down walk the appointments in time order,
Left/Right the days, Enter opens (or schedules on an empty day).

Drawn in one custom widget rather than a QGraphicsScene: everything on it follows from the
schedule (columns per day, lanes for overlaps), so a repaint from the data is cheap and exact,
hit-testing is a search over a few dozen rectangles, and there is no second item tree to keep in
step with the vault on every refresh.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from PySide6.QtCore import QEvent, QPoint, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QApplication, QSizePolicy, QWidget

from app.calendar.schedule import Schedule
from models.appointment import Appointment, AppointmentStatus
from models.day_layout import lay_out
from ui.calendar.look import (
    block_fill,
    block_lines,
    block_tooltip,
    handle_tooltip,
    mix,
    start_painting,
)
from ui.text_fit import elide_words, fit_segments
from ui.widgets import status_colour

GUTTER = 58  # the hour labels
SNAP_MINUTES = 15  # a moved session starts on the quarter hour
RESIZE_STEP = 5  # a resized one changes by five minutes (50 -> 45 or 55 minutes is common)
RESIZE_MARGIN = 6  # pixels above a block's bottom edge that resize instead of move
MIN_MINUTES = 15


@dataclass
class Block:
    appointment: Appointment
    rect: QRectF
    lines: list[str]
    tooltip: str

    @property
    def id(self) -> int:
        return self.appointment.id or 0


@dataclass
class Drag:
    block: Block
    mode: str  # "move" or "resize"
    origin: QPoint
    started: bool = False
    day: date | None = None
    start_minute: int = 0
    minutes: int = 0


def _minute_of(moment: datetime, tz: tzinfo) -> int:
    local = moment.astimezone(tz)
    return local.hour * 60 + local.minute


def at_minute(day: date, minute: int, tz: tzinfo) -> datetime:
    """Wall-clock ``minute`` of ``day`` in ``tz`` (DST days keep the hours as written)."""
    minute = max(0, min(minute, 24 * 60 - 1))
    return datetime.combine(day, time(minute // 60, minute % 60), tzinfo=tz)


class TimeGrid(QWidget):
    open_requested = Signal(int)  # appointment id
    new_requested = Signal(object)  # the start (datetime) of a new appointment
    move_requested = Signal(int, object, int)  # appointment id, new start, minutes
    selection_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timeGrid")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName("Calendar time grid")
        self.days: list[date] = []
        self.schedule: Schedule | None = None
        self.today: date | None = None
        self.now: datetime | None = None
        self.blocks: list[Block] = []
        self.selected_id: int | None = None
        self.current_day: date | None = None
        self.drag: Drag | None = None

    # --- data ------------------------------------------------------------------------------
    @property
    def tz(self) -> tzinfo:
        assert self.schedule is not None
        return self.schedule.zone

    def hour_height(self) -> int:
        return max(60, int(self.fontMetrics().height() * 4.4))  # 50 minutes: three lines

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(700, 24 * self.hour_height() + 1)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(GUTTER + 7 * 40, 24 * self.hour_height() + 1)

    def show_days(self, days: list[date], schedule: Schedule, today: date,
                  now: datetime) -> None:
        self.days, self.schedule, self.today, self.now = list(days), schedule, today, now
        if self.current_day not in self.days:
            self.current_day = today if today in self.days else self.days[0]
        self.setFixedHeight(24 * self.hour_height() + 1)
        self._lay_out_blocks()
        if self.selected_id is not None and self.block_by_id(self.selected_id) is None:
            self.selected_id = None
        self.update()

    def resizeEvent(self, event: object) -> None:  # noqa: N802 (Qt API)
        self._lay_out_blocks()

    def column_width(self) -> float:
        return (self.width() - GUTTER) / max(1, len(self.days))

    def column_x(self, index: int) -> float:
        return GUTTER + index * self.column_width()

    def y_of(self, minute: float) -> float:
        return minute * self.hour_height() / 60

    def minute_at(self, y: float) -> int:
        return int(y * 60 / self.hour_height())

    def day_at(self, x: float) -> date | None:
        if x < GUTTER or not self.days:
            return None
        index = int((x - GUTTER) // self.column_width())
        return self.days[min(max(index, 0), len(self.days) - 1)]

    def _lay_out_blocks(self) -> None:
        self.blocks = []
        if self.schedule is None:
            return
        tz, names = self.tz, self.schedule.names
        metrics = self.fontMetrics()
        width = self.column_width()
        for index, day in enumerate(self.days):
            todays = self.schedule.on(day)
            placed = lay_out([(a.start, a.end) for a in todays])
            for appt, spot in zip(todays, placed, strict=True):
                lane_width = (width - 6) / spot.lanes
                top = self.y_of(_minute_of(appt.start, tz))
                height = max(self.y_of(appt.minutes), metrics.height() + 6)
                rect = QRectF(self.column_x(index) + 2 + spot.lane * lane_width, top + 1,
                              lane_width - 2, height - 2)
                name = names.get(appt.client_id, "—")
                state = self.schedule.note_state_of(appt)
                lines = block_lines(appt, name, state, tz)
                self.blocks.append(Block(appt, rect, self._fit(lines, rect),
                                         block_tooltip(appt, name, state, tz)))

    def _fit(self, lines: list[str], rect: QRectF) -> list[str]:
        """As many lines as the block's height holds, each ending at a whole word; what does
        not get a line of its own joins the last one ("Jo Reyes · Individual · Attended")."""
        metrics = self.fontMetrics()
        room = max(1, int((rect.height() - 6) // metrics.height()))
        width = int(rect.width()) - 12
        if len(lines) > room:
            head = [elide_words(line, metrics, width) for line in lines[:room - 1]]
            return [*head, fit_segments(lines[room - 1:], metrics, width)]
        return [elide_words(line, metrics, width) for line in lines]

    def block_by_id(self, appointment_id: int) -> Block | None:
        return next((b for b in self.blocks if b.id == appointment_id), None)

    def block_at(self, point: QPoint) -> Block | None:
        for block in reversed(self.blocks):  # the one drawn last is on top
            if block.rect.contains(point.toPointF()):
                return block
        return None

    def selected(self) -> Appointment | None:
        block = self.block_by_id(self.selected_id) if self.selected_id is not None else None
        return block.appointment if block is not None else None

    def select(self, appointment_id: int | None) -> None:
        self.selected_id = appointment_id
        block = self.block_by_id(appointment_id) if appointment_id is not None else None
        if block is not None:
            self.current_day = block.appointment.start.astimezone(self.tz).date()
        self.update()
        self.selection_changed.emit()

    def first_working_minute(self) -> int:
        start = self.schedule.work_hours[0] if self.schedule else time(8)
        return start.hour * 60 + start.minute

    # --- painting --------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt API)
        if self.schedule is None:
            return
        painter, base, text, accent = start_painting(self)
        painter.fillRect(self.rect(), base)
        first, last = self.schedule.work_hours
        work_top = self.y_of(first.hour * 60 + first.minute)
        work_bottom = self.y_of(last.hour * 60 + last.minute)
        off_hours = mix(base, text, 0.05)
        width = self.column_width()
        for index, day in enumerate(self.days):
            x = self.column_x(index)
            column = QRectF(x, 0, width, self.height())
            if day == self.today:
                painter.fillRect(column, mix(base, accent, 0.07))
            if str(day.isoweekday()) not in self.schedule.working_days:
                painter.fillRect(column, off_hours)
            else:
                painter.fillRect(QRectF(x, 0, width, work_top), off_hours)
                painter.fillRect(QRectF(x, work_bottom, width, self.height() - work_bottom),
                                 off_hours)
        self._paint_lines(painter, text, base)
        self._paint_now(painter)
        for block in self.blocks:
            if self.drag is not None and self.drag.started and block is self.drag.block:
                continue
            self._paint_block(painter, block, block.rect, block.id == self.selected_id)
        if self.drag is not None and self.drag.started and self.drag.day in self.days:
            self._paint_block(painter, self.drag.block, self._drag_rect(self.drag), True)
        painter.end()

    def _paint_lines(self, painter: QPainter, text: QColor, base: QColor) -> None:
        hour_pen = QPen(mix(base, text, 0.16), 1)
        half_pen = QPen(mix(base, text, 0.07), 1, Qt.PenStyle.DotLine)
        label_colour = mix(base, text, 0.6)
        metrics = self.fontMetrics()
        for hour in range(24):
            y = self.y_of(hour * 60)
            painter.setPen(hour_pen)
            painter.drawLine(GUTTER, int(y), self.width(), int(y))
            painter.setPen(half_pen)
            painter.drawLine(GUTTER, int(y + self.hour_height() / 2), self.width(),
                             int(y + self.hour_height() / 2))
            if hour:
                painter.setPen(label_colour)
                painter.drawText(QRectF(0, y - metrics.height() / 2, GUTTER - 8,
                                        metrics.height()),
                                 int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                                 f"{hour:02d}:00")
        painter.setPen(hour_pen)
        for index in range(len(self.days) + 1):
            x = int(self.column_x(index))
            painter.drawLine(x, 0, x, self.height())

    def _paint_now(self, painter: QPainter) -> None:
        if self.now is None or self.today not in self.days:
            return
        index = self.days.index(self.today)
        y = self.y_of(_minute_of(self.now, self.tz))
        painter.setPen(QPen(QColor("#c0392b"), 2))
        x = self.column_x(index)
        painter.drawLine(int(x), int(y), int(x + self.column_width()), int(y))

    def _paint_block(self, painter: QPainter, block: Block, rect: QRectF,
                     selected: bool) -> None:
        palette = self.palette()
        status = block.appointment.status
        ink = status_colour(status)
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 2) if selected
                       else Qt.PenStyle.NoPen)
        painter.setBrush(block_fill(palette, status))
        painter.drawRoundedRect(rect, 5, 5)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(ink)
        painter.drawRoundedRect(QRectF(rect.left(), rect.top(), 4, rect.height()), 2, 2)
        text_colour = palette.color(QPalette.ColorRole.Text)
        if status is AppointmentStatus.CANCELLED:
            text_colour = mix(palette.color(QPalette.ColorRole.Base), text_colour, 0.6)
        painter.setPen(text_colour)
        font = painter.font()
        lines = block.lines if rect == block.rect else self._fit(block.lines, rect)
        if self.drag is not None and self.drag.started and block is self.drag.block:
            lines = self._fit(block_lines_for_drag(self.drag, self.tz), rect)
        line_height = self.fontMetrics().height()
        for n, line in enumerate(lines):
            font.setBold(n == 1)  # the client's name
            painter.setFont(font)
            painter.drawText(QRectF(rect.left() + 8, rect.top() + 3 + n * line_height,
                                    rect.width() - 12, line_height),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                             line)
        font.setBold(False)
        painter.setFont(font)

    # --- mouse -----------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt API)
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        block = self.block_at(event.position().toPoint())
        day = self.day_at(event.position().x())
        if day is not None:
            self.current_day = day
        self.select(block.id if block is not None else None)
        if block is not None and event.button() == Qt.MouseButton.LeftButton:
            near_bottom = event.position().y() >= block.rect.bottom() - RESIZE_MARGIN
            self.drag = Drag(block, "resize" if near_bottom else "move",
                             event.position().toPoint())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt API)
        point = event.position().toPoint()
        drag = self.drag
        if drag is None:
            block = self.block_at(point)
            resize = block is not None and point.y() >= block.rect.bottom() - RESIZE_MARGIN
            self.setCursor(Qt.CursorShape.SizeVerCursor if resize
                           else Qt.CursorShape.ArrowCursor)
            return
        if not drag.started:
            if (point - drag.origin).manhattanLength() < QApplication.startDragDistance():
                return
            drag.started = True
        appt = drag.block.appointment
        delta = self.minute_at(point.y() - drag.origin.y())
        start = _minute_of(appt.start, self.tz)
        if drag.mode == "move":
            drag.day = self.day_at(point.x()) or appt.start.astimezone(self.tz).date()
            drag.start_minute = _snap(start + delta)
            drag.start_minute = max(0, min(drag.start_minute, 24 * 60 - appt.minutes))
            drag.minutes = appt.minutes
        else:
            drag.day = appt.start.astimezone(self.tz).date()
            drag.start_minute = start
            drag.minutes = max(MIN_MINUTES, _snap(appt.minutes + delta, step=RESIZE_STEP))
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt API)
        drag, self.drag = self.drag, None
        if drag is None or not drag.started or drag.day is None:
            return
        appt = drag.block.appointment
        new_start = at_minute(drag.day, drag.start_minute, self.tz)
        self.update()
        if (new_start, drag.minutes) != (appt.start, appt.minutes):
            self.move_requested.emit(drag.block.id, new_start, drag.minutes)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt API)
        self.drag = None
        block = self.block_at(event.position().toPoint())
        if block is not None:
            self.open_requested.emit(block.id)
            return
        day = self.day_at(event.position().x())
        if day is not None and self.schedule is not None:
            minute = _snap(self.minute_at(event.position().y()), down=True)
            self.new_requested.emit(at_minute(day, minute, self.tz))

    def _drag_rect(self, drag: Drag) -> QRectF:
        assert drag.day is not None
        index = self.days.index(drag.day)
        rect = drag.block.rect
        lane_offset = rect.left() - self.column_x(self._day_index_of(drag.block))
        top = self.y_of(drag.start_minute) + 1
        return QRectF(self.column_x(index) + lane_offset, top, rect.width(),
                      max(self.y_of(drag.minutes), self.fontMetrics().height() + 6) - 2)

    def _day_index_of(self, block: Block) -> int:
        return self.days.index(block.appointment.start.astimezone(self.tz).date())

    # --- keyboard --------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        key = event.key()
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            self._step_appointment(1 if key == Qt.Key.Key_Down else -1)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and not event.modifiers():
            self._step_day(-1 if key == Qt.Key.Key_Left else 1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.selected_id is not None:
                self.open_requested.emit(self.selected_id)
            elif self.current_day is not None and self.schedule is not None:
                self.new_requested.emit(at_minute(self.current_day, self.first_working_minute(),
                                                  self.tz))
        elif key == Qt.Key.Key_Escape and self.drag is not None:
            self.drag = None
            self.update()
        else:
            super().keyPressEvent(event)

    def _ordered(self) -> list[Block]:
        return sorted(self.blocks, key=lambda b: (b.appointment.start, b.rect.left()))

    def _step_appointment(self, step: int) -> None:
        ordered = self._ordered()
        if not ordered:
            return
        ids = [b.id for b in ordered]
        if self.selected_id in ids:
            index = min(max(ids.index(self.selected_id) + step, 0), len(ids) - 1)
        else:  # start from the current day
            day_blocks = [b for b in ordered if self._block_day(b) == self.current_day]
            index = ids.index(day_blocks[0].id) if day_blocks else 0
        self.select(ids[index])

    def _step_day(self, step: int) -> None:
        if not self.days:
            return
        current = self.current_day if self.current_day in self.days else self.days[0]
        index = min(max(self.days.index(current) + step, 0), len(self.days) - 1)
        self.current_day = self.days[index]
        same_day = [b for b in self._ordered() if self._block_day(b) == self.current_day]
        self.select(same_day[0].id if same_day else None)
        self.current_day = self.days[index]

    def _block_day(self, block: Block) -> date:
        return block.appointment.start.astimezone(self.tz).date()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt API)
        self.drag = None
        super().focusOutEvent(event)

    def event(self, event: QEvent) -> bool:
        return handle_tooltip(self, event, self._tooltip_at) or super().event(event)

    def _tooltip_at(self, point: QPoint) -> str:
        block = self.block_at(point)
        return block.tooltip if block is not None else ""


def block_lines_for_drag(drag: Drag, tz: tzinfo) -> list[str]:
    """While dragging, the block says where it would land."""
    start = at_minute(drag.day or date.today(), drag.start_minute, tz)
    end = start + timedelta(minutes=drag.minutes)
    lines = list(drag.block.lines)
    lines[0] = f"{start:%H:%M}–{end:%H:%M}"
    return lines


def _snap(minute: int, down: bool = False, step: int = SNAP_MINUTES) -> int:
    if down:
        return minute // step * step
    return int(round(minute / step)) * step
