"""Payments: each billable session of a client with its fee, what was paid and what is owed."""

from __future__ import annotations

from datetime import date, tzinfo

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from app.billing.payments import METHODS, Balance, balances, mark_paid
from app.practice import practice_zone
from app.workspace import Workspace
from models.billing import coded_service, no_code_reason
from ui.billing.common import ClientRecordsPanel
from ui.date_fields import DATE_FORMAT, date_edit, to_date
from ui.errors import message_for
from ui.timefmt import date_text
from ui.widgets import button_row, fill_table

COLUMNS = ("Date", "Status", "Code", "Fee", "Paid", "Owed")


def _cells(balance: Balance, tz: tzinfo) -> tuple[str, ...]:
    appt = balance.appointment
    return (date_text(appt.start.astimezone(tz).date()), appt.status.label,
            (coded_service(appt).primary or "none") if appt.status.value == "attended" else "",
            f"${balance.fee:,.2f}", f"${balance.paid:,.2f}", f"${balance.owed:,.2f}")


class PaymentsPanel(ClientRecordsPanel):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(workspace, COLUMNS, parent)
        self.rows: list[Balance] = []
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.itemSelectionChanged.connect(self._selected)
        self.amount = QLineEdit()
        self.amount.setPlaceholderText("e.g. 150.00")
        self.paid_on = date_edit(date.today(), DATE_FORMAT)
        self.method = QComboBox()
        self.method.setEditable(True)
        self.method.addItems(METHODS)
        self.pay_button = QPushButton("Mark paid")
        self.pay_button.clicked.connect(self.mark_selected_paid)
        form = QFormLayout()
        form.addRow("Amount", self.amount)
        form.addRow("Paid on", self.paid_on)
        form.addRow("Method", self.method)
        form.addRow(button_row(self.pay_button))
        self.arrange(form)

    def reload_table(self) -> None:
        client_id = self.client.client_id()
        self.rows = self.workspace.do(balances, client_id) if client_id is not None else []
        tz = self.workspace.do(practice_zone)
        fill_table(self.table, [_cells(balance, tz) for balance in self.rows])
        for row, balance in enumerate(self.rows):
            reason = no_code_reason(balance.appointment)
            item = self.table.item(row, COLUMNS.index("Code"))
            if reason and item is not None:  # the plain reason; the note editor sets a code
                item.setToolTip(reason)

    def _selected(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.rows) and self.rows[row].owed > 0:
            self.amount.setText(f"{self.rows[row].owed:.2f}")

    def mark_selected_paid(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.rows):
            self.status.problem("Choose the session that was paid.")
            return
        appt = self.rows[row].appointment
        try:
            payment = self.workspace.do(mark_paid, appt.id or 0, self.amount.text(),
                                        to_date(self.paid_on.date()), self.method.currentText())
        except Exception as exc:
            self.status.problem(message_for(exc))
            return
        day = appt.start.astimezone(self.workspace.do(practice_zone))
        self.status.ok(f"Recorded ${payment.amount:,.2f} ({payment.method}) for the session "
                       f"on {date_text(day.date())}.")
        self.amount.clear()
        self.reload_table()
        self.table.selectRow(row)
