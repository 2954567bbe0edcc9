"""The session prompt: one field per prompt, format and approach pickers, quick picks.

Keyboard first: Tab moves from field to field in form order (Tab never types a tab character),
and every quick pick is reachable by keyboard as a button.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.client import Goal
from models.note import FORMAT_HEADINGS, PROMPT_FIELDS, PROMPT_LABELS, Note, NoteFormat
from ui.notes.flow_layout import FlowLayout
from ui.notes.quick_picks import APPROACHES, HINTS, INTERVENTIONS, add_pick


class PromptField(QPlainTextEdit):
    """A short multi-line answer that hands focus on with Tab instead of typing it."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"prompt_{name}")
        self.setTabChangesFocus(True)
        self.setPlaceholderText(HINTS.get(name, ""))
        self.setMaximumHeight(72)
        self.setAccessibleName(PROMPT_LABELS[name])


class PromptForm(QWidget):
    """Edits a note's prompts; ``changed`` on every edit, ``left_field`` on every focus change."""

    changed = Signal()
    left_field = Signal()
    format_changed = Signal(str)

    def __init__(self, goals: list[Goal], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields: dict[str, PromptField] = {}
        outer = QVBoxLayout(self)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.format_box = QComboBox(objectName="format_box")
        for fmt in NoteFormat:
            self.format_box.addItem(f"{fmt.value.upper()} ({', '.join(FORMAT_HEADINGS[fmt])})",
                                    fmt.value)
        self.approach_box = QComboBox(objectName="approach_box")
        self.approach_box.addItems(APPROACHES)
        form.addRow(QLabel("&Format", buddy=self.format_box), self.format_box)
        form.addRow(QLabel("&Approach", buddy=self.approach_box), self.approach_box)
        self.goal_picks = FlowLayout()
        self.intervention_picks = FlowLayout()
        for name in PROMPT_FIELDS:
            field = PromptField(name, self)
            field.textChanged.connect(self.changed)
            field.installEventFilter(self)
            self.fields[name] = field
            form.addRow(QLabel(PROMPT_LABELS[name], buddy=field), field)
            if name == "goals" and goals:
                form.addRow("", self._holder(self.goal_picks))
                for goal in goals:
                    self._pick_button(self.goal_picks, goal.text, "goals")
            if name == "interventions":
                form.addRow("", self._holder(self.intervention_picks))
            if name == "risk":
                self.risk_not_assessed = QCheckBox("Risk &not assessed this session",
                                                   objectName="risk_not_assessed")
                self.risk_not_assessed.toggled.connect(self.changed)
                form.addRow("", self.risk_not_assessed)
        self.process_notes = QPlainTextEdit(objectName="process_notes")
        self.process_notes.setTabChangesFocus(True)
        self.process_notes.setMaximumHeight(60)
        self.process_notes.setPlaceholderText(
            "Private psychotherapy notes: kept apart, never exported unless you ask.")
        self.process_notes.textChanged.connect(self.changed)
        self.process_notes.installEventFilter(self)
        form.addRow(QLabel("Process notes (private)", buddy=self.process_notes),
                    self.process_notes)
        outer.addLayout(form)
        self.approach_box.currentTextChanged.connect(self._fill_interventions)
        self.format_box.currentIndexChanged.connect(
            lambda _i: self.format_changed.emit(self.format_box.currentData()))
        self._fill_interventions(self.approach_box.currentText())
        self._set_tab_order()

    @staticmethod
    def _holder(layout: FlowLayout) -> QWidget:
        holder = QWidget()
        holder.setLayout(layout)
        return holder

    def _pick_button(self, layout: FlowLayout, text: str, field: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(f"pick_{field}")
        button.setFlat(True)
        button.setStyleSheet("QPushButton { border: 1px solid #9aa; border-radius: 8px; "
                             "padding: 1px 6px; }")
        button.clicked.connect(lambda _=False, t=text, f=field: self.pick(f, t))
        layout.addWidget(button)
        return button

    def _fill_interventions(self, approach: str) -> None:
        while self.intervention_picks.count():
            item = self.intervention_picks.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.setParent(None)  # out of the form at once, not at the next event loop
                widget.deleteLater()
        for text in INTERVENTIONS.get(approach, ()):
            self._pick_button(self.intervention_picks, text, "interventions")

    def pick(self, field: str, text: str) -> None:
        editor = self.fields[field]
        editor.setPlainText(add_pick(editor.toPlainText(), text))
        editor.moveCursor(editor.textCursor().MoveOperation.End)

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [self.format_box, self.approach_box]
        for name in PROMPT_FIELDS:
            chain.append(self.fields[name])
            if name == "risk":
                chain.append(self.risk_not_assessed)
        chain.append(self.process_notes)
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.FocusOut:
            self.left_field.emit()
        return False

    # --- the note <-> the form ---------------------------------------------------------
    def load(self, note: Note, approach: str = "") -> None:
        self.blockSignals(True)
        try:
            for name, field in self.fields.items():
                field.setPlainText(note.prompts.get(name, ""))
            self.risk_not_assessed.setChecked(note.risk_not_assessed)
            self.process_notes.setPlainText(note.process_notes)
            index = self.format_box.findData(str(note.format))
            self.format_box.setCurrentIndex(max(0, index))
            if approach in APPROACHES:
                self.approach_box.setCurrentText(approach)
        finally:
            self.blockSignals(False)

    def store(self, note: Note) -> None:
        note.prompts = {name: f.toPlainText() for name, f in self.fields.items()
                        if f.toPlainText().strip()}
        note.risk_not_assessed = self.risk_not_assessed.isChecked()
        note.process_notes = self.process_notes.toPlainText()
        note.format = NoteFormat(self.format_box.currentData())

    @property
    def approach(self) -> str:
        return self.approach_box.currentText()

    def set_read_only(self, read_only: bool) -> None:
        for field in (*self.fields.values(), self.process_notes):
            field.setReadOnly(read_only)
        for widget in (self.format_box, self.approach_box, self.risk_not_assessed):
            widget.setEnabled(not read_only)
        for layout in (self.goal_picks, self.intervention_picks):
            for i in range(layout.count()):
                item = layout.itemAt(i)
                if item is not None and item.widget() is not None:
                    item.widget().setEnabled(not read_only)
