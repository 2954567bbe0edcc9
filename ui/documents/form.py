"""A document's structured prompt: one field per prompt of its format, in form order.

Most answers are short texts (as a progress note's); a treatment plan's problems have their
own editor (problems_editor.py) and its review date a date field; a discharge summary's goals
are the last plan's, each with an outcome (goal_outcomes.py); the dates and sessions counted
from the record are shown, not typed; a diagnosis field takes codes from the ICD-10-CM picker.
Tab moves from field to field.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.common import date_text
from models.discharge import GoalOutcome, goal_progress_text
from models.note import Note, NoteFormat, field_label, prompt_fields
from models.treatment_plan import parse_problems, problems_text
from ui import billing
from ui.date_fields import DATE_FORMAT, date_edit, to_date, to_qdate
from ui.documents.goal_outcomes import GoalOutcomesEditor
from ui.documents.hints import FROM_RECORD, HINTS
from ui.documents.problems_editor import ProblemsEditor
from ui.notes.prompt_form import ClippedEdit
from ui.widgets import buddy_label, named

DIAGNOSIS_FIELDS = ("diagnosis", "discharge_diagnosis")


class DocumentForm(QWidget):
    """Edits a document's prompts; ``changed`` on every edit, ``left_field`` on focus out."""

    changed = Signal()
    left_field = Signal()
    clipped = Signal(str)

    def __init__(self, fmt: NoteFormat, goals: list[GoalOutcome] | None = None,
                 pick_code: Callable[[QWidget], str | None] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.format = fmt
        self.fields: dict[str, ClippedEdit] = {}
        self.record: dict[str, QLabel] = {}
        self.problems: ProblemsEditor | None = None
        self.goals: GoalOutcomesEditor | None = None
        self.review_date: QDateEdit | None = None
        self._goals = goals or []
        self._pick_code = pick_code or _pick_from_icd10
        outer = QVBoxLayout(self)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        for name in prompt_fields(fmt):
            label = field_label(name, fmt)
            if name in FROM_RECORD:
                shown = named(QLabel(), f"record_{name}")
                shown.setWordWrap(True)
                self.record[name] = shown
                form.addRow(f"{label}:", shown)
            elif name == "problems":
                self.problems = ProblemsEditor(self)
                self.problems.changed.connect(self.changed)
                form.addRow(QLabel(f"<b>{label}</b>"))
                form.addRow(self.problems)
            elif name == "goal_progress":
                self.goals = GoalOutcomesEditor(self)
                self.goals.changed.connect(self.changed)
                form.addRow(QLabel(f"<b>{label}</b>"))
                form.addRow(self.goals)
            elif name == "review" and fmt is NoteFormat.TREATMENT_PLAN:
                self.review_date = named(date_edit(display_format=DATE_FORMAT), "review_date")
                self.review_date.dateChanged.connect(lambda _d: self.changed.emit())
                form.addRow(buddy_label(label, self.review_date), self.review_date)
            else:
                form.addRow(buddy_label(label, self._field(name, label)), self._row(name))
        outer.addLayout(form)

    def _field(self, name: str, label: str) -> ClippedEdit:
        field = ClippedEdit(label, self)
        field.setObjectName(f"prompt_{name}")
        field.setAccessibleName(label)
        field.setPlaceholderText(HINTS.get(name, ""))
        field.setMaximumHeight(96 if name in ("history_present", "mental_status") else 64)
        field.textChanged.connect(self.changed)
        field.installEventFilter(self)
        field.clipped.connect(self.clipped)
        self.fields[name] = field
        return field

    def _row(self, name: str) -> QWidget:
        field = self.fields[name]
        if name not in DIAGNOSIS_FIELDS:
            return field
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(field, 1)
        find = named(QPushButton("Find code…"), f"find_code_{name}")
        find.setToolTip("Add an ICD-10-CM code from the code set")
        find.clicked.connect(lambda: self._add_code(name))
        row.addWidget(find)
        return box

    def _add_code(self, name: str) -> None:
        picked = self._pick_code(self)
        if picked:
            field = self.fields[name]
            current = field.toPlainText().rstrip()
            field.setPlainText(f"{current}\n{picked}" if current else picked)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.FocusOut:
            self.left_field.emit()
        return False

    # --- the note <-> the form ---------------------------------------------------------
    def load(self, note: Note, goals: list[GoalOutcome] | None = None) -> None:
        self.blockSignals(True)
        try:
            for name, field in self.fields.items():
                field.setPlainText(note.prompts.get(name, ""))
            for name, shown in self.record.items():
                shown.setText(note.prompts.get(name, "") or "—")
            if self.problems is not None:
                self.problems.set_problems(parse_problems(note.prompts.get("problems", "")))
            if self.goals is not None:
                self.goals.set_outcomes(goals if goals is not None else self._goals)
            if self.review_date is not None and note.review_on is not None:
                self.review_date.setDate(to_qdate(note.review_on))
        finally:
            self.blockSignals(False)

    def store(self, note: Note) -> None:
        prompts = {name: f.toPlainText() for name, f in self.fields.items()
                   if f.toPlainText().strip()}
        for name in self.record:  # counted from the record: kept as the app filled them
            if note.prompts.get(name, "").strip():
                prompts[name] = note.prompts[name]
        if self.problems is not None:
            text = problems_text(self.problems.problems())
            if text:
                prompts["problems"] = text
        if self.goals is not None:
            text = goal_progress_text(self.goals.outcomes())
            if text:
                prompts["goal_progress"] = text
        if self.review_date is not None:
            note.review_on = self.review_day()
            prompts["review"] = date_text(note.review_on)
        note.prompts = prompts

    def review_day(self) -> date | None:
        return to_date(self.review_date.date()) if self.review_date is not None else None

    def first_field(self) -> QWidget | None:
        for name in prompt_fields(self.format):
            if name in self.fields:
                return self.fields[name]
            if name == "problems" and self.problems is not None and self.problems.boxes:
                return self.problems.boxes[0].problem_edit
        return None

    def set_read_only(self, read_only: bool) -> None:
        for field in self.fields.values():
            field.setReadOnly(read_only)
        for button in self.findChildren(QPushButton):
            if button.objectName().startswith("find_code_"):
                button.setEnabled(not read_only)
        if self.problems is not None:
            self.problems.set_read_only(read_only)
        if self.goals is not None:
            self.goals.set_read_only(read_only)
        if self.review_date is not None:
            self.review_date.setReadOnly(read_only)


def _pick_from_icd10(parent: QWidget) -> str | None:
    picked = billing.pick_icd10(parent)
    return f"{picked.code} {picked.description}".strip() if picked is not None else None
