"""The practice's fee schedule (per CPT code) and its late-cancel / no-show fees."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from app.billing.fees import fee_policy, fee_schedule, save_fees
from app.workspace import Workspace
from models.billing import CPT_DESCRIPTIONS, FeePolicy
from ui.billing.common import StatusLine
from ui.billing.fee_table import FeeTable, amount_or_zero
from ui.errors import message_for
from ui.widgets import button_row


class FeesPanel(QWidget):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.table = FeeTable(list(CPT_DESCRIPTIONS))
        self.codes = self.table.codes
        self.late_cancel = QLineEdit()
        self.no_show = QLineEdit()
        for edit in (self.late_cancel, self.no_show):
            edit.setPlaceholderText("0.00 = no charge")
        self.save_button = QPushButton("Save fees")
        self.save_button.clicked.connect(self.save)
        self.status = StatusLine()
        form = QFormLayout()
        form.addRow("Late cancellation fee", self.late_cancel)
        form.addRow("No-show fee", self.no_show)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(button_row(self.save_button))
        layout.addWidget(self.status)

    def refresh(self) -> None:
        self.table.set_fees(self.workspace.do(fee_schedule))
        policy = self.workspace.do(fee_policy)
        self.late_cancel.setText(f"{policy.late_cancel_fee:.2f}")
        self.no_show.setText(f"{policy.no_show_fee:.2f}")

    def save(self) -> None:
        try:
            changes = self.table.fees()
            policy = FeePolicy(amount_or_zero(self.late_cancel.text(), "late cancellation fee"),
                               amount_or_zero(self.no_show.text(), "no-show fee"))
            self.workspace.do(save_fees, changes, policy)
        except Exception as exc:
            self.status.problem(message_for(exc))
            return
        self.status.ok("Fees saved.")
        self.refresh()
