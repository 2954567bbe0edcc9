"""The practice's fee schedule (per CPT code) and its late-cancel / no-show fees."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.billing.fees import fee_policy, fee_schedule, save_fees
from app.billing.payments import parse_amount
from app.workspace import Workspace
from models.billing import CPT_DESCRIPTIONS, FeePolicy
from models.errors import InvalidInput
from ui.billing.common import StatusLine
from ui.errors import message_for
from ui.widgets import button_row


def _amount_or_zero(text: str, what: str) -> Decimal:
    if not text.strip():
        return Decimal("0.00")
    try:
        return parse_amount(text, allow_zero=True)
    except InvalidInput:
        raise InvalidInput(f"The {what} is not an amount of money: {text.strip()}.") from None


class FeesPanel(QWidget):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.codes = list(CPT_DESCRIPTIONS)
        self.table = QTableWidget(len(self.codes), 3)
        self.table.setHorizontalHeaderLabels(("CPT", "Service", "Fee"))
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for row, code in enumerate(self.codes):
            for column, text in enumerate((code, CPT_DESCRIPTIONS[code])):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, column, item)
            self.table.setItem(row, 2, QTableWidgetItem(""))
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
        fees = self.workspace.do(fee_schedule)
        for row, code in enumerate(self.codes):
            item = self.table.item(row, 2)
            if item is not None:
                item.setText(f"{fees[code]:.2f}" if code in fees else "")
        policy = self.workspace.do(fee_policy)
        self.late_cancel.setText(f"{policy.late_cancel_fee:.2f}")
        self.no_show.setText(f"{policy.no_show_fee:.2f}")

    def save(self) -> None:
        try:
            changes: dict[str, Decimal] = {}
            for row, code in enumerate(self.codes):
                item = self.table.item(row, 2)
                text = item.text() if item is not None else ""
                if text.strip():
                    changes[code] = _amount_or_zero(text, f"fee for {code}")
            policy = FeePolicy(_amount_or_zero(self.late_cancel.text(), "late cancellation fee"),
                               _amount_or_zero(self.no_show.text(), "no-show fee"))
            self.workspace.do(save_fees, changes, policy)
        except Exception as exc:
            self.status.problem(message_for(exc))
            return
        self.status.ok("Fees saved.")
        self.refresh()
