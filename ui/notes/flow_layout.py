"""A row of chips that wraps like words in a line.

Deliberately a QWidget that places its children itself, not a QLayout subclass: on PySide6
with Python 3.11 a Python ``QLayout.itemAt``/``takeAt`` override that returns None (which Qt
calls on every layout pass to find the end of the list) loses a reference to None each time,
and after a few thousand layout passes the interpreter aborts with "none_dealloc". Widget
virtuals used here return only ints, bools and QSize, which are safe.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QSizePolicy, QWidget


class FlowWidget(QWidget):
    def __init__(self, parent: QWidget | None = None, spacing: int = 4) -> None:
        super().__init__(parent)
        self._chips: list[QWidget] = []
        self._spacing = spacing
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def add_widget(self, widget: QWidget) -> None:
        widget.setParent(self)
        self._chips.append(widget)
        widget.show()
        self._relayout()

    def widgets(self) -> list[QWidget]:
        return list(self._chips)

    def clear(self) -> None:
        for widget in self._chips:
            widget.hide()
            widget.setParent(None)  # out of the form at once, not at the next event loop
            widget.deleteLater()
        self._chips = []
        self._relayout()

    def _relayout(self) -> None:
        self.updateGeometry()
        self._arrange(self.width(), apply=True)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt name)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._arrange(width, apply=False)

    def sizeHint(self) -> QSize:  # noqa: N802
        # Preferred: everything on one line; the form shrinks it and asks heightForWidth.
        width = sum(c.sizeHint().width() for c in self._chips)
        width += self._spacing * max(0, len(self._chips) - 1)
        return QSize(max(width, 1), self._arrange(max(width, 1), apply=False))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        widest = max((c.sizeHint().width() for c in self._chips), default=0)
        return QSize(widest, self._arrange(max(widest, 1), apply=False))

    def resizeEvent(self, event: object) -> None:  # noqa: N802
        self._arrange(self.width(), apply=True)

    def _arrange(self, width: int, apply: bool) -> int:
        x = y = line_height = 0
        for chip in self._chips:
            hint = chip.sizeHint()
            if x > 0 and x + hint.width() > width:
                x, y = 0, y + line_height + self._spacing
                line_height = 0
            if apply:
                chip.setGeometry(x, y, hint.width(), hint.height())
            x += hint.width() + self._spacing
            line_height = max(line_height, hint.height())
        return y + line_height
