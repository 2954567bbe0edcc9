"""Statements (a period) and receipts (one session) for a client, from the window."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QPushButton,
    QWidget,
)

from app.billing.statements import (
    Receipt,
    SessionCharge,
    Statement,
    export_receipt,
    export_statement,
    self_pay_sessions,
)
from app.billing.unsigned import UnsignedChoice
from app.workspace import Workspace
from ui.billing.common import ClientRecordsPanel, save_pdf_as
from ui.billing.export_runner import ExportRunner
from ui.date_fields import DATE_FORMAT, date_edit, to_date
from ui.timefmt import date_text
from ui.widgets import button_row, fill_table

COLUMNS = ("Date", "Service", "Charge")


class StatementsPanel(ClientRecordsPanel):
    finished = Signal()  # after each statement or receipt, made or not

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(workspace, COLUMNS, parent, stretch=1)
        self.sessions: list[SessionCharge] = []
        today = date.today()
        self.start = date_edit(today.replace(day=1), DATE_FORMAT)
        self.end = date_edit(today, DATE_FORMAT)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.statement_button = QPushButton("Make statement…")
        self.receipt_button = QPushButton("Receipt for the chosen session…")
        self.statement_button.clicked.connect(self.choose_statement_file)
        self.receipt_button.clicked.connect(self.choose_receipt_file)
        form = QFormLayout()
        form.addRow("Statement from", self.start)
        form.addRow("To", self.end)
        form.addRow(button_row(self.statement_button, self.receipt_button))
        self.arrange(form)
        self.runner = ExportRunner(self, self.status)
        self.runner.started.connect(lambda: self._enable(False))
        self.runner.finished.connect(self._done)

    def reload_table(self) -> None:
        client_id = self.client.client_id()
        self.sessions = (list(self.workspace.do(self_pay_sessions, client_id))
                         if client_id is not None else [])
        fill_table(self.table, [(date_text(s.day), s.description, f"${s.amount:,.2f}")
                                for s in self.sessions])

    # -- statement -----------------------------------------------------------------------------
    def choose_statement_file(self) -> None:
        client_id = self.client.client_id()
        if client_id is None:
            self.status.problem("Add a client first.")
            return
        start = to_date(self.start.date())
        out = save_pdf_as(self, "Save the statement",
                          f"statement-{start:%Y-%m}-client-{client_id}.pdf")
        if out:
            self.statement_to(out)

    def statement_to(self, out: Path) -> None:
        client_id = self.client.client_id()
        if client_id is None:
            self.status.problem("Add a client first.")
            return
        start, end = to_date(self.start.date()), to_date(self.end.date())
        workspace = self.workspace

        def work(unsigned: UnsignedChoice) -> Statement:
            return workspace.do(export_statement, client_id, start, end, out, unsigned=unsigned)

        self.runner.run(work, lambda st: self._stated(st, out), "Making the statement…")

    def _stated(self, st: Statement, out: Path) -> None:
        left = f"; {len(st.left_out)} unsigned left out" if st.left_out else ""
        self.status.ok(f"Saved {out} (charges ${st.charges:,.2f}, payments "
                       f"${st.payments:,.2f}, balance due ${st.balance_due:,.2f}{left}).")

    # -- receipt -------------------------------------------------------------------------------
    def chosen_session(self) -> SessionCharge | None:
        row = self.table.currentRow()
        return self.sessions[row] if 0 <= row < len(self.sessions) else None

    def choose_receipt_file(self) -> None:
        session = self.chosen_session()
        if session is None or session.appointment_id is None:
            self.status.problem("Choose the session the receipt is for.")
            return
        out = save_pdf_as(self, "Save the receipt",
                          f"receipt-{session.day:%Y-%m-%d}-session-{session.appointment_id}.pdf")
        if out:
            self.receipt_to(out)

    def receipt_to(self, out: Path) -> None:
        session = self.chosen_session()
        if session is None or session.appointment_id is None:
            self.status.problem("Choose the session the receipt is for.")
            return
        appointment_id = session.appointment_id
        workspace = self.workspace
        self.runner.run(lambda _unsigned: workspace.do(export_receipt, appointment_id, out),
                        lambda receipt: self._receipted(receipt, out), "Making the receipt…")

    def _receipted(self, receipt: Receipt, out: Path) -> None:
        self.status.ok(f"Saved {out} (paid ${receipt.paid:,.2f} of "
                       f"${receipt.session.amount:,.2f}).")

    # -- shared --------------------------------------------------------------------------------
    def _enable(self, enabled: bool) -> None:
        self.statement_button.setEnabled(enabled)
        self.receipt_button.setEnabled(enabled)

    def _done(self) -> None:
        self._enable(True)
        self.finished.emit()
