"""The session prompt: one field per prompt, format and approach pickers, quick picks.

Keyboard first: Tab moves from field to field in form order (Tab never types a tab character).
Quick picks are mouse shortcuts that stay out of the Tab chain; clicking one puts the text and the
focus into its field, so typing and Tab carry on from there.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QMimeData, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.note import (
    FORMAT_HEADINGS,
    PROGRESS_FORMATS,
    PROMPT_FIELDS,
    PROMPT_LABELS,
    Note,
    NoteFormat,
)
from ui.notes.flow_layout import FlowWidget
from ui.notes.quick_picks import APPROACHES, HINTS, INTERVENTIONS, add_pick
from ui.widgets import buddy_label, named

# Longest paste a field takes. Qt re-lays out a 1 MB paragraph on every keystroke (about a
# second each here), which would freeze the window; the drafting pipeline reads only the first
# 4,000 characters of a field anyway (and flags the cut), so 20,000 loses nothing it would use.
MAX_FIELD_CHARS = 20_000


class ClippedEdit(QPlainTextEdit):
    """Plain text that hands focus on with Tab and cuts pastes at MAX_FIELD_CHARS, saying so."""

    clipped = Signal(str)  # one sentence for the status line

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = label
        self.setTabChangesFocus(True)

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 (Qt name)
        text = source.text() if source.hasText() else ""
        selected = len(self.textCursor().selectedText())
        room = MAX_FIELD_CHARS - (len(self.toPlainText()) - selected)
        if len(text) <= room:
            super().insertFromMimeData(source)
            return
        self.insertPlainText(text[:max(0, room)])
        self.clipped.emit(
            f"The text pasted into {self.label} was {len(text):,} characters; only the first "
            f"{MAX_FIELD_CHARS:,} characters of the field are kept.")


class PromptField(ClippedEdit):
    """A short multi-line answer of the session prompt."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(PROMPT_LABELS[name], parent)
        self.setObjectName(f"prompt_{name}")
        self.setPlaceholderText(HINTS.get(name, ""))
        self.setMaximumHeight(72)
        self.setAccessibleName(PROMPT_LABELS[name])


class PromptForm(QWidget):
    """Edits a note's prompts; ``changed`` on every edit, ``left_field`` on every focus change."""

    changed = Signal()
    left_field = Signal()
    format_changed = Signal(str)
    clipped = Signal(str)  # a paste was cut at MAX_FIELD_CHARS: the sentence to show

    def __init__(self, goals: Sequence[str], parent: QWidget | None = None,
                 objectives: Sequence[str] = ()) -> None:
        """``goals``: the treatment plan's goals to pick; ``objectives``: its objectives, each
        picked into Progress to record progress on it."""
        super().__init__(parent)
        self.fields: dict[str, PromptField] = {}
        self._read_only = False
        self._chain: list[QWidget] = []
        outer = QVBoxLayout(self)
        form = QFormLayout()
        # Labels above their fields: the prompt pane is narrow, and the fields and chip rows
        # need its whole width (side-by-side labels left chips one per line).
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.format_box = named(QComboBox(), "format_box")
        for fmt in PROGRESS_FORMATS:  # the episode's documents have windows of their own
            self.format_box.addItem(f"{fmt.value.upper()} ({', '.join(FORMAT_HEADINGS[fmt])})",
                                    fmt.value)
        self.approach_box = named(QComboBox(), "approach_box")
        self.approach_box.addItems(APPROACHES)
        form.addRow(buddy_label("&Format", self.format_box), self.format_box)
        form.addRow(buddy_label("&Approach", self.approach_box), self.approach_box)
        self.goal_picks = FlowWidget()
        self.objective_picks = FlowWidget()
        self.intervention_picks = FlowWidget()
        for name in PROMPT_FIELDS:
            field = PromptField(name, self)
            field.textChanged.connect(self.changed)
            field.installEventFilter(self)
            field.clipped.connect(self.clipped)
            self.fields[name] = field
            form.addRow(buddy_label(PROMPT_LABELS[name], field), field)
            if name == "goals" and goals:
                form.addRow("", self.goal_picks)
                for goal in goals:
                    self._pick_button(self.goal_picks, goal, "goals")
            if name == "progress" and objectives:
                form.addRow("", self.objective_picks)
                for objective in objectives:
                    self._pick_button(self.objective_picks, objective, "progress")
            if name == "interventions":
                form.addRow("", self.intervention_picks)
            if name == "risk":
                self.risk_not_assessed = named(QCheckBox("Risk &not assessed this session"),
                                               "risk_not_assessed")
                self.risk_not_assessed.toggled.connect(self.changed)
                # Only while Risk is empty: a typed assessment and "not assessed" contradict
                # each other, and a disabled box also drops out of the Tab chain.
                field.textChanged.connect(self._sync_risk_box)
                form.addRow("", self.risk_not_assessed)
        self.process_notes = ClippedEdit("Process notes", self)
        self.process_notes.setObjectName("process_notes")
        self.process_notes.clipped.connect(self.clipped)
        self.process_notes.setMaximumHeight(60)
        self.process_notes.setPlaceholderText(
            "Private psychotherapy notes: kept apart, never exported unless you ask.")
        self.process_notes.textChanged.connect(self.changed)
        self.process_notes.installEventFilter(self)
        form.addRow(buddy_label("Process notes (private)", self.process_notes),
                    self.process_notes)
        outer.addLayout(form)
        self.approach_box.currentTextChanged.connect(self._fill_interventions)
        self.format_box.currentIndexChanged.connect(
            lambda _i: self.format_changed.emit(self.format_box.currentData()))
        self._fill_interventions(self.approach_box.currentText())
        self._set_tab_order()

    def _pick_button(self, row: FlowWidget, text: str, field: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(f"pick_{field}")
        button.setFlat(True)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the field keeps the keyboard
        button.setStyleSheet("QPushButton { border: 1px solid #9aa; border-radius: 8px; "
                             "padding: 1px 6px; }")
        button.clicked.connect(lambda _=False, t=text, f=field: self.pick(f, t))
        row.add_widget(button)
        return button

    def _fill_interventions(self, approach: str) -> None:
        self.intervention_picks.clear()
        for text in INTERVENTIONS.get(approach, ()):
            self._pick_button(self.intervention_picks, text, "interventions")

    def pick(self, field: str, text: str) -> None:
        editor = self.fields[field]
        current = editor.toPlainText()
        if field == "progress":  # an objective's progress: a line of its own, then its words
            if text.strip() not in current:
                editor.setPlainText(f"{current.rstrip()}\n{text}" if current.strip() else text)
        else:
            editor.setPlainText(add_pick(current, text))
        editor.moveCursor(editor.textCursor().MoveOperation.End)
        editor.setFocus()

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [self.format_box, self.approach_box]
        for name in PROMPT_FIELDS:
            chain.append(self.fields[name])
            if name == "risk":
                chain.append(self.risk_not_assessed)
        chain.append(self.process_notes)
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self._chain = chain

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002 (Qt names)
        # Tab in a field arrives here (a child passes it to its parent). Walk the form's own
        # order, skipping disabled widgets such as the risk box once Risk has text: Qt's
        # focus chain goes through each editor's viewport and scroll bars and lost the way.
        current = QApplication.focusWidget()
        if current in self._chain:
            step = 1 if next else -1
            index = self._chain.index(current) + step
            while 0 <= index < len(self._chain):
                target = self._chain[index]
                if target.isEnabled() and target.isVisibleTo(self):
                    target.setFocus(Qt.FocusReason.TabFocusReason if next
                                    else Qt.FocusReason.BacktabFocusReason)
                    return True
                index += step
        return super().focusNextPrevChild(next)

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
            self._sync_risk_box()
            self.process_notes.setPlainText(note.process_notes)
            index = self.format_box.findData(str(note.format))
            self.format_box.setCurrentIndex(max(0, index))
            if approach in APPROACHES:
                self.approach_box.setCurrentText(approach)
        finally:
            self.blockSignals(False)

    def _sync_risk_box(self) -> None:
        has_text = bool(self.fields["risk"].toPlainText().strip())
        if has_text and self.risk_not_assessed.isChecked():
            self.risk_not_assessed.setChecked(False)
        self.risk_not_assessed.setEnabled(not has_text and not self._read_only)

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
        self._read_only = read_only
        for field in (*self.fields.values(), self.process_notes):
            field.setReadOnly(read_only)
        for widget in (self.format_box, self.approach_box):
            widget.setEnabled(not read_only)
        self._sync_risk_box()
        for row in (self.goal_picks, self.objective_picks, self.intervention_picks):
            for chip in row.widgets():
                chip.setEnabled(not read_only)
