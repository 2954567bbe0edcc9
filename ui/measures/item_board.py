"""The items of one measure with their options, answered from the keyboard: one key per item.

A digit picks that option and moves on (Y/N too for yes/no items); Backspace or Up goes back,
Down skips, Delete clears. Clicking an option works as well. Items the skip rules do not ask
are hidden and passed over. Shared by the therapist's entry dialog and the hand-over form.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from models.measures.instrument import Instrument, Item
from models.measures.scoring import is_asked

YES_NO_KEYS = {Qt.Key.Key_Y: 1, Qt.Key.Key_N: 0}
BOARD_STYLE = """
QFrame#itemRow[current="true"] { background: #e6f0f4; border-radius: 6px; }
QPushButton#optionButton:checked { background: #2f6f6d; color: white; border-color: #2f6f6d; }
"""


class _ItemRow(QFrame):
    def __init__(self, number: str, item: Item, large: bool) -> None:
        super().__init__()
        self.setObjectName("itemRow")
        self.item = item
        self.text = QLabel(f"{number}. {item.text}" if number else item.text)
        self.text.setWordWrap(True)
        self.text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.group = QButtonGroup(self)
        self.group.setExclusive(False)  # a click on the chosen option clears it
        self.buttons: dict[int, QPushButton] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 6, 8, 6)
        grid.addWidget(self.text, 0, 0, 1, max(1, len(item.options)))
        for col, option in enumerate(item.options):
            button = QPushButton(f"{option.value}  {option.label}" if not large else option.label)
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the board takes the keys
            button.setObjectName("optionButton")
            self.group.addButton(button, option.value)
            self.buttons[option.value] = button
            grid.addWidget(button, 1, col)

    def show_value(self, value: int | None) -> None:
        for v, button in self.buttons.items():
            button.setChecked(v == value)

    def set_current(self, current: bool) -> None:
        self.setProperty("current", current)
        self.style().unpolish(self)
        self.style().polish(self)


class ItemBoard(QWidget):
    """``changed`` after every answer, ``moved`` when the current item changes, ``finished``
    when the last asked item was answered."""

    changed = Signal()
    moved = Signal()
    finished = Signal()

    def __init__(self, instrument: Instrument, *, large: bool = False, one_at_a_time: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.instrument = instrument
        self.answers: dict[str, int] = {}
        self.one_at_a_time = one_at_a_time
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setStyleSheet(BOARD_STYLE)
        self.rows: list[_ItemRow] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for item in instrument.items:  # scored items show their published numbers
            row = _ItemRow(item.key if item.scored else "", item, large)
            row.group.idClicked.connect(lambda value, r=row: self._clicked(r, value))
            self.rows.append(row)
            layout.addWidget(row)
        layout.addStretch(1)
        self.current = 0
        self._refresh()

    # --- answers ---------------------------------------------------------------------------
    def asked(self, index: int) -> bool:
        return is_asked(self.instrument, self.rows[index].item, self.answers)

    def set_answer(self, key: str, value: int | None) -> None:
        if value is None:
            self.answers.pop(key, None)
        else:
            self.answers[key] = value
        # An answer that stops a later question being asked takes that question's answer away.
        for row in self.rows:
            if row.item.key in self.answers and not is_asked(self.instrument, row.item,
                                                             self.answers):
                self.answers.pop(row.item.key)
        self._refresh()
        self.changed.emit()

    def _clicked(self, row: _ItemRow, value: int) -> None:
        self.current = self.rows.index(row)
        same = self.answers.get(row.item.key) == value
        self.set_answer(row.item.key, None if same else value)
        if not same:
            self.forward()

    # --- moving ----------------------------------------------------------------------------
    def forward(self) -> None:
        for index in range(self.current + 1, len(self.rows)):
            if self.asked(index):
                self.current = index
                self._refresh()
                self.moved.emit()
                return
        self._refresh()
        self.finished.emit()

    def back(self) -> None:
        for index in range(self.current - 1, -1, -1):
            if self.asked(index):
                self.current = index
                break
        self._refresh()
        self.moved.emit()

    def go_to(self, index: int) -> None:
        self.current = max(0, min(index, len(self.rows) - 1))
        self._refresh()
        self.moved.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt name)
        key = event.key()
        row = self.rows[self.current]
        values = [o.value for o in row.item.options]
        digit = event.text()
        if digit.isdigit() and int(digit) in values:
            self.set_answer(row.item.key, int(digit))
            self.forward()
        elif key in YES_NO_KEYS and sorted(values) == [0, 1]:
            self.set_answer(row.item.key, YES_NO_KEYS[Qt.Key(key)])
            self.forward()
        elif key in (Qt.Key.Key_Backspace, Qt.Key.Key_Up, Qt.Key.Key_Left):
            self.back()
        elif key in (Qt.Key.Key_Down, Qt.Key.Key_Right):
            self.forward()
        elif key == Qt.Key.Key_Delete:
            self.set_answer(row.item.key, None)
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt name)
        super().focusInEvent(event)
        self._refresh()

    def _refresh(self) -> None:
        if not self.asked(self.current):
            self._settle()
        for index, row in enumerate(self.rows):
            asked = self.asked(index)
            row.setEnabled(asked)
            row.show_value(self.answers.get(row.item.key))
            row.set_current(index == self.current)
            row.setVisible(asked and (not self.one_at_a_time or index == self.current))

    def _settle(self) -> None:
        """Stay on an asked item: the nearest one before, else after."""
        for index in [*range(self.current, -1, -1), *range(self.current, len(self.rows))]:
            if self.asked(index):
                self.current = index
                return

    def keep_visible(self, scroll: QScrollArea) -> None:
        """Scroll ``scroll`` (which holds this board) along with the current item."""
        self.moved.connect(lambda: scroll.ensureWidgetVisible(self.rows[self.current], 0, 40))

    @property
    def asked_count(self) -> int:
        return sum(1 for i in range(len(self.rows)) if self.asked(i))

    @property
    def position(self) -> int:
        """1-based place of the current item among the asked ones."""
        return sum(1 for i in range(self.current + 1) if self.asked(i))
