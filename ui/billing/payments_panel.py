"""Payments: each billable session of a client with its fee, what was paid and what is owed."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.billing.payments import METHODS, Balance, balances, mark_paid
from app.workspace import Workspace
from models.billing import coded_service
from ui.billing.common import ClientChooser, StatusLine, to_date, to_qdate
from ui.errors import message_for

COLUMNS = ("Date", "Status", "Code", "Fee", "Paid", "Owed")


class PaymentsPanel(QWidget):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.rows: list[Balance] = []
        self.client = ClientChooser()
        self.client.currentIndexChanged.connect(lambda _i: self.reload_table())
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selected)
        self.amount = QLineEdit()
        self.amount.setPlaceholderText("e.g. 150.00")
        self.paid_on = QDateEdit(to_qdate(date.today()))
        self.paid_on.setCalendarPopup(True)
        self.paid_on.setDisplayFormat("yyyy-MM-dd")
        self.method = QComboBox()
        self.method.setEditable(True)
        self.method.addItems(METHODS)
        self.pay_button = QPushButton("Mark paid")
        self.pay_button.clicked.connect(self.mark_selected_paid)
        self.status = StatusLine()
        form = QFormLayout()
        form.addRow("Amount", self.amount)
        form.addRow("Paid on", self.paid_on)
        form.addRow("Method", self.method)
        form.addRow(self.pay_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.client)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addWidget(self.status)

    def refresh(self) -> None:
        self.client.reload(self.workspace)

    def reload_table(self) -> None:
        client_id = self.client.client_id()
        self.rows = balances(self.workspace.vault, client_id) if client_id is not None else []
        tz = ZoneInfo(self.workspace.vault.practice.get().timezone)
        self.table.setRowCount(len(self.rows))
        for row, balance in enumerate(self.rows):
            appt = balance.appointment
            values = (appt.start.astimezone(tz).date().isoformat(), appt.status.label,
                      coded_service(appt).primary if appt.status.value == "attended" else "",
                      f"${balance.fee:,.2f}", f"${balance.paid:,.2f}", f"${balance.owed:,.2f}")
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))

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
            payment = mark_paid(self.workspace.vault, appt.id or 0, self.amount.text(),
                                to_date(self.paid_on.date()), self.method.currentText())
        except Exception as exc:
            self.status.problem(message_for(exc))
            return
        day = appt.start.astimezone(ZoneInfo(self.workspace.vault.practice.get().timezone))
        self.status.ok(f"Recorded ${payment.amount:,.2f} ({payment.method}) for the session "
                       f"on {day.date().isoformat()}.")
        self.amount.clear()
        self.reload_table()
        self.table.selectRow(row)
