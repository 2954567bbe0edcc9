"""The row of day names above the time grid, lined up with its columns; today stands out.
Clicking a day opens it in the day view."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QFont, QMouseEvent, QPaintEvent, QPalette
from PySide6.QtWidgets import QWidget

from ui.calendar.look import mix, start_painting
from ui.calendar.time_grid import GUTTER
from ui.timefmt import short_day


class DayHeader(QWidget):
    day_clicked = Signal(object)  # date

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dayHeader")
        self.days: list[date] = []
        self.today: date | None = None
        self.right_margin = 0  # the grid's scroll bar, so the columns line up

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(600, self.fontMetrics().height() * 2 + 6)

    def show_days(self, days: list[date], today: date) -> None:
        self.days, self.today = list(days), today
        self.update()

    def column_width(self) -> float:
        return (self.width() - self.right_margin - GUTTER) / max(1, len(self.days))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt API)
        painter, base, text, accent = start_painting(self, on_window=True)
        palette = self.palette()
        width = self.column_width()
        font = QFont(painter.font())
        for index, day in enumerate(self.days):
            rect = QRectF(GUTTER + index * width + 2, 2, width - 4, self.height() - 4)
            is_today = day == self.today
            if is_today:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(accent)
                painter.drawRoundedRect(rect, 6, 6)
            font.setBold(is_today)
            painter.setFont(font)
            painter.setPen(palette.color(QPalette.ColorRole.HighlightedText) if is_today
                           else mix(base, text, 0.8))
            label = ("Today · " if is_today else "") + short_day(day)
            if self.fontMetrics().horizontalAdvance(label) > rect.width():
                label = short_day(day)
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), label)
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt API)
        x = event.position().x() - GUTTER
        if x >= 0 and self.days:
            index = int(x // self.column_width())
            if 0 <= index < len(self.days):
                self.day_clicked.emit(self.days[index])
