"""A discharge summary's goals: each goal of the last plan with its outcome and a few words."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QWidget

from models.discharge import OUTCOMES, GoalOutcome
from ui.widgets import hint_label, named


class GoalOutcomesEditor(QWidget):
    """``changed`` on every edit; ``outcomes()`` is what the summary's prompt records."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[GoalOutcome, QComboBox, QLineEdit]] = []
        self._form = QFormLayout(self)
        self._form.setContentsMargins(0, 0, 0, 0)
        self.empty = hint_label("The client has no signed treatment plan, so there are no "
                                "goals to report on.")
        self._form.addRow(self.empty)

    def set_outcomes(self, outcomes: list[GoalOutcome]) -> None:
        while self._form.rowCount() > 1:
            self._form.removeRow(1)
        self.rows = []
        for outcome in outcomes:
            status = named(QComboBox(), f"goal_{outcome.number}_outcome")
            status.addItem("—", "")
            for word in OUTCOMES:
                status.addItem(word, word)
            found = status.findData(outcome.outcome)
            status.setCurrentIndex(max(0, found))
            detail = named(QLineEdit(outcome.detail), f"goal_{outcome.number}_detail")
            detail.setPlaceholderText("What shows it, e.g. “no panic attacks since August”")
            status.currentIndexChanged.connect(lambda _i: self.changed.emit())
            detail.textChanged.connect(self.changed)
            row = QHBoxLayout()
            row.addWidget(status)
            row.addWidget(detail, 1)
            label = QLabel(f"Goal {outcome.number}: {outcome.goal}")
            label.setWordWrap(True)
            self._form.addRow(label)
            self._form.addRow(row)
            self.rows.append((outcome, status, detail))
        self.empty.setVisible(not outcomes)

    def outcomes(self) -> list[GoalOutcome]:
        return [GoalOutcome(o.number, o.goal, str(status.currentData() or ""),
                            detail.text().strip()) for o, status, detail in self.rows]

    def set_read_only(self, read_only: bool) -> None:
        for _o, status, detail in self.rows:
            status.setEnabled(not read_only)
            detail.setReadOnly(read_only)
