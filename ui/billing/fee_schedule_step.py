"""The fee schedule step of a fresh practice: the usual psychotherapy codes, a fee for each.

``FeeScheduleStep`` is the page itself (a first-run flow shows it after the practice is set up;
it emits ``saved`` or ``skipped``); ``FeeScheduleDialog`` shows it on its own, as Today does
while the practice has no fees.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from app.billing.fees import SETUP_FEE_CODES, fee_schedule, save_fee_schedule
from app.workspace import Workspace
from ui.billing.fee_table import FeeTable
from ui.errors import message_for
from ui.widgets import button_row, error_label, hint_label

INTRO = ("Your fees, before any sliding scale: each new appointment starts with the fee for "
         "its service code, and superbills, statements and Good Faith Estimates use them. "
         "Leave a row blank if you do not offer that service; Billing > Fees has every code.")


class FeeScheduleStep(QWidget):
    saved = Signal()
    skipped = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        title = QLabel("Your fee schedule")
        title.setObjectName("screenTitle")
        self.table = FeeTable(SETUP_FEE_CODES)
        self.table.set_fees(workspace.do(fee_schedule))
        self.error = error_label()
        self.save_button = QPushButton("Save fees")
        self.save_button.setObjectName("primary")
        self.later_button = QPushButton("Later")
        self.save_button.clicked.connect(self.save)
        self.later_button.clicked.connect(self.skipped)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(hint_label(INTRO))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addLayout(button_row(self.later_button, self.save_button))

    def save(self) -> None:
        try:
            fees = self.table.fees()
            if not any(fee > 0 for fee in fees.values()):
                self.error.setText("Enter a fee for at least one service, or choose Later.")
                return
            self.workspace.do(save_fee_schedule, fees)
        except Exception as exc:
            self.error.setText(message_for(exc))
            return
        self.error.clear()
        self.saved.emit()


class FeeScheduleDialog(QDialog):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Fee schedule")
        self.resize(560, 460)
        self.step = FeeScheduleStep(workspace, self)
        self.step.saved.connect(self.accept)
        self.step.skipped.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.step)
