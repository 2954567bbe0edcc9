"""Small dialogs of the Measures tab: hand the laptop over (which measures, how shown), the
hand-over PIN, and the client's schedules."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.measures.catalog import instruments
from app.measures.handover import clear_handover_pin, has_handover_pin, set_handover_pin
from app.measures.schedules import remove_schedule, schedules_of, set_schedule
from app.workspace import Workspace
from models.errors import StillnoteError
from models.measures.records import Schedule, ScheduleRule
from ui.errors import message_for
from ui.widgets import error_label, fill_table, hint_label, list_table

RULE_LABELS = {ScheduleRule.EVERY_SESSIONS: "Every N sessions",
               ScheduleRule.EVERY_DAYS: "Every N days", ScheduleRule.INTAKE: "At intake",
               ScheduleRule.DISCHARGE: "At discharge"}


class HandoverStartDialog(QDialog):
    """Which questionnaires the client fills in, and whether one question at a time."""

    def __init__(self, preselect: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Hand the laptop to the client")
        self.boxes: dict[str, QCheckBox] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("The client will see only these questionnaires, full screen. "
                                "The form closes with your passphrase or the hand-over PIN."))
        for measure in instruments():
            if not measure.self_report:
                continue  # asked by the therapist (the C-SSRS screener's terms)
            box = QCheckBox(f"{measure.name} — {measure.title}")
            box.setChecked(measure.key in preselect)
            self.boxes[measure.key] = box
            layout.addWidget(box)
        self.one_at_a_time = QRadioButton("One question at a time")
        self.all_at_once = QRadioButton("All questions at once")
        self.one_at_a_time.setChecked(True)
        layout.addWidget(self.one_at_a_time)
        layout.addWidget(self.all_at_once)
        self.error = error_label()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Hand over")
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def chosen(self) -> list[str]:
        return [key for key, box in self.boxes.items() if box.isChecked()]

    def _accept(self) -> None:
        if not self.chosen():
            self.error.setText("Choose at least one questionnaire.")
            return
        self.accept()


class PinDialog(QDialog):
    """Set or clear the hand-over PIN (4 to 8 digits), kept as a hash in the vault."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.setWindowTitle("Hand-over PIN")
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(8)
        self.pin.setPlaceholderText("4 to 8 digits")
        self.error = error_label()
        self.clear_button = QPushButton("Remove the PIN")
        self.clear_button.setEnabled(workspace.do(has_handover_pin))
        self.clear_button.clicked.connect(self._clear)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint_label("A PIN lets you close the hand-over form without typing "
                                    "the passphrase. After five wrong tries only the "
                                    "passphrase opens it."))
        layout.addWidget(self.pin)
        layout.addWidget(self.error)
        layout.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(buttons)

    def _save(self) -> None:
        try:
            self.workspace.do(set_handover_pin, self.pin.text())
        except StillnoteError as exc:
            self.error.setText(message_for(exc))
            return
        self.accept()

    def _clear(self) -> None:
        self.workspace.do(clear_handover_pin)
        self.accept()


class ScheduleDialog(QDialog):
    """The client's measure schedules: add one, remove one."""

    def __init__(self, workspace: Workspace, client_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.client_id = client_id
        self.schedules: list[Schedule] = []
        self.setWindowTitle("Measure schedules")
        self.resize(560, 380)
        self.table = list_table(("Measure", "When"), 1)
        self.measure = QComboBox()
        for m in instruments():
            self.measure.addItem(m.name, m.key)
        self.rule = QComboBox()
        for rule, label in RULE_LABELS.items():
            self.rule.addItem(label, rule)
        self.interval = QSpinBox()
        self.interval.setRange(1, 365)
        self.interval.setValue(4)
        self.add_button = QPushButton("Add")
        self.remove_button = QPushButton("Remove selected")
        self.error = error_label()
        row = QHBoxLayout()
        for w in (self.measure, self.rule, self.interval, self.add_button):
            row.addWidget(w)
        form = QFormLayout()
        form.addRow("New schedule", row)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(close)
        self.rule.currentIndexChanged.connect(self._rule_changed)
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove)
        self.refresh()

    def _rule_changed(self) -> None:
        rule = self.rule.currentData()
        self.interval.setEnabled(rule in (ScheduleRule.EVERY_SESSIONS, ScheduleRule.EVERY_DAYS))

    def refresh(self) -> None:
        names = {m.key: m.name for m in instruments()}
        self.schedules = self.workspace.do(schedules_of, self.client_id)
        fill_table(self.table, [(names.get(s.instrument, s.instrument), s.describe())
                                for s in self.schedules])
        self.remove_button.setEnabled(bool(self.schedules))

    def add(self) -> None:
        try:
            self.workspace.do(set_schedule, self.client_id, str(self.measure.currentData()),
                              ScheduleRule(self.rule.currentData()), self.interval.value())
        except StillnoteError as exc:
            self.error.setText(message_for(exc))
            return
        self.error.setText("")
        self.refresh()

    def remove(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.schedules) and self.schedules[row].id is not None:
            self.workspace.do(remove_schedule, self.schedules[row].id or 0)
            self.refresh()
