"""A treatment plan's problems, each with its long-term goal and its measurable objectives.

One box per problem: the problem, what shows it ("evidenced by"), the goal, and a table of
objectives (objective, baseline, target, target date as MM/DD/YYYY). The editor reads and
writes models.treatment_plan's Problem values; the plan's ``problems`` prompt is their text.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.common import date_text
from models.treatment_plan import Objective, Problem, parse_day
from ui.widgets import named

OBJECTIVE_COLUMNS = ("Objective", "Baseline", "Target", "Target date")


class ProblemBox(QGroupBox):
    """One problem; ``changed`` on every edit, ``remove_requested`` from its Remove button."""

    changed = Signal()
    remove_requested = Signal(object)

    def __init__(self, number: int, parent: QWidget | None = None) -> None:
        super().__init__(f"Problem {number}", parent)
        self.problem_edit = named(QLineEdit(), f"problem_{number}_title")
        self.problem_edit.setPlaceholderText("The problem, e.g. “Panic attacks”")
        self.evidence = named(QPlainTextEdit(), f"problem_{number}_evidence")
        self.evidence.setTabChangesFocus(True)
        self.evidence.setMaximumHeight(52)
        self.evidence.setPlaceholderText("Evidenced by: what shows it (semicolons between)")
        self.goal = named(QLineEdit(), f"problem_{number}_goal")
        self.goal.setPlaceholderText("Long-term goal, e.g. “manage panic and drive again”")
        self.objectives = named(QTableWidget(0, len(OBJECTIVE_COLUMNS)),
                                f"problem_{number}_objectives")
        self.objectives.setHorizontalHeaderLabels(OBJECTIVE_COLUMNS)
        self.objectives.verticalHeader().hide()
        self.objectives.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.objectives.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch)
        self.objectives.setMinimumHeight(90)
        self.add_objective_button = named(QPushButton("Add objective"),
                                          f"problem_{number}_add_objective")
        self.remove_button = QPushButton("Remove problem")
        form = QFormLayout(self)
        form.addRow("Problem", self.problem_edit)
        form.addRow("Evidenced by", self.evidence)
        form.addRow("Goal", self.goal)
        form.addRow("Objectives", self.objectives)
        row = QHBoxLayout()
        row.addWidget(self.add_objective_button)
        row.addStretch(1)
        row.addWidget(self.remove_button)
        form.addRow("", row)
        for line in (self.problem_edit, self.goal):
            line.textChanged.connect(self.changed)
        self.evidence.textChanged.connect(self.changed)
        self.objectives.itemChanged.connect(lambda _item: self.changed.emit())
        self.add_objective_button.clicked.connect(lambda: self.add_objective(Objective("")))
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))

    def add_objective(self, objective: Objective) -> None:
        row = self.objectives.rowCount()
        self.objectives.insertRow(row)
        when = date_text(objective.target_date) if objective.target_date else ""
        for col, text in enumerate((objective.text, objective.baseline, objective.target, when)):
            self.objectives.setItem(row, col, QTableWidgetItem(text))
        self.objectives.setCurrentCell(row, 0)

    def load(self, problem: Problem) -> None:
        self.problem_edit.setText(problem.title)
        self.evidence.setPlainText(problem.evidence)
        self.goal.setText(problem.goal)
        self.objectives.setRowCount(0)
        for objective in problem.objectives:
            self.add_objective(objective)

    def problem(self) -> Problem:
        objectives = []
        for row in range(self.objectives.rowCount()):
            cells = [self.objectives.item(row, c) for c in range(len(OBJECTIVE_COLUMNS))]
            text, baseline, target, when = ((c.text().strip() if c else "") for c in cells)
            if text:
                objectives.append(Objective(text, baseline, target, parse_day(when)))
        return Problem(self.problem_edit.text().strip(), self.evidence.toPlainText().strip(),
                       self.goal.text().strip(), tuple(objectives))

    def unreadable_dates(self) -> list[str]:
        """Target dates that are not MM/DD/YYYY (left out of the plan until corrected)."""
        bad = []
        for row in range(self.objectives.rowCount()):
            cell = self.objectives.item(row, 3)
            text = cell.text().strip() if cell else ""
            if text and parse_day(text) is None:
                bad.append(text)
        return bad

    def set_read_only(self, read_only: bool) -> None:
        for line in (self.problem_edit, self.goal):
            line.setReadOnly(read_only)
        self.evidence.setReadOnly(read_only)
        self.objectives.setEditTriggers(
            QAbstractItemView.EditTrigger.NoEditTriggers if read_only else
            QAbstractItemView.EditTrigger.AllEditTriggers)
        self.add_objective_button.setEnabled(not read_only)
        self.remove_button.setEnabled(not read_only)


class ProblemsEditor(QWidget):
    """Every problem of the plan; ``changed`` on every edit."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.boxes: list[ProblemBox] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.add_button = named(QPushButton("Add problem"), "add_problem")
        self._layout.addWidget(self.add_button)
        self.add_button.clicked.connect(lambda: self.add_problem(Problem("")))

    def add_problem(self, problem: Problem) -> ProblemBox:
        box = ProblemBox(len(self.boxes) + 1, self)
        box.load(problem)
        box.changed.connect(self.changed)
        box.remove_requested.connect(self._remove)
        self.boxes.append(box)
        self._layout.insertWidget(self._layout.count() - 1, box)
        if not problem.objectives:
            box.add_objective(Objective(""))
        self.changed.emit()
        return box

    def _remove(self, box: ProblemBox) -> None:
        problems = [b.problem() for b in self.boxes if b is not box]
        self.set_problems(problems)
        self.changed.emit()

    def set_problems(self, problems: list[Problem]) -> None:
        for box in self.boxes:
            self._layout.removeWidget(box)
            box.deleteLater()
        self.boxes = []
        self.blockSignals(True)
        try:
            for problem in problems or [Problem("")]:
                self.add_problem(problem)
        finally:
            self.blockSignals(False)

    def problems(self) -> list[Problem]:
        return [b.problem() for b in self.boxes]

    def unreadable_dates(self) -> list[str]:
        return [d for b in self.boxes for d in b.unreadable_dates()]

    def set_read_only(self, read_only: bool) -> None:
        self.add_button.setEnabled(not read_only)
        for box in self.boxes:
            box.set_read_only(read_only)
