"""Paint a calendar appointment as a rounded, status-tinted block with wrapped text."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QListWidget, QStyle, QStyledItemDelegate, QStyleOptionViewItem

PAD = 7
GAP = 3
STRIPE = 4


def fit_lines(text: str, metrics: QFontMetrics, width: int) -> str:
    """Lines that wrap at spaces; a line with a word too long to wrap ("Παπαδοπούλου",
    "12:00–12:50" in a narrow column) is cut with "…" instead of running past the block."""
    fitted = []
    for line in text.split("\n"):
        if any(metrics.horizontalAdvance(word) > width for word in line.split()):
            start = line.split("–")[0]  # "10:00–10:50" too wide: the start time says enough
            line = (start if "–" in line and metrics.horizontalAdvance(start) <= width
                    else metrics.elidedText(line, Qt.TextElideMode.ElideRight, width))
        fitted.append(line)
    return "\n".join(fitted)


class AppointmentBlockDelegate(QStyledItemDelegate):
    def __init__(self, view: QListWidget) -> None:
        super().__init__(view)
        self.view = view

    def _text_rect(self, width: int) -> QRect:
        return QRect(0, 0, max(width - 2 * PAD - STRIPE, 20), 10_000)

    def sizeHint(self, option: QStyleOptionViewItem,  # noqa: N802 (Qt API)
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        width = self.view.viewport().width() - 2
        rect = self._text_rect(width)
        text = fit_lines(str(index.data(Qt.ItemDataRole.DisplayRole) or ""),
                         option.fontMetrics, rect.width())
        bounds = option.fontMetrics.boundingRect(rect, Qt.TextFlag.TextWordWrap, text)
        return QSize(width, bounds.height() + 2 * PAD + GAP)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = option.rect.adjusted(1, 0, -1, -GAP)
        brush = index.data(Qt.ItemDataRole.BackgroundRole)
        fill = brush.color() if isinstance(brush, QBrush) else QColor("#eef3f2")
        fg = index.data(Qt.ItemDataRole.ForegroundRole)
        ink = fg.color() if isinstance(fg, QBrush) else QColor("#23313a")
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setPen(QPen(QColor("#2f6f6d"), 2) if selected else Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(rect, 6, 6)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(ink)
        painter.drawRoundedRect(QRect(rect.left(), rect.top(), STRIPE, rect.height()), 2, 2)
        painter.setPen(ink)
        text_rect = rect.adjusted(PAD + STRIPE, PAD - 1, -PAD, -PAD + 1)
        text = fit_lines(str(index.data() or ""), option.fontMetrics, text_rect.width())
        painter.drawText(text_rect, int(Qt.TextFlag.TextWordWrap), text)
        painter.restore()
