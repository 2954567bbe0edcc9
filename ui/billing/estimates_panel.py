"""Good Faith Estimates for self-pay clients: whether one is due, those given, a new one."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.billing.estimates import (
    estimate_due_for,
    estimates_of,
    issue_estimate,
    reprint_estimate,
)
from app.workspace import Workspace
from models.client import Client
from models.good_faith import GoodFaithEstimate
from ui.billing.common import ClientRecordsPanel, save_pdf_as
from ui.billing.export_runner import ExportRunner
from ui.timefmt import date_text
from ui.widgets import button_row, fill_table

COLUMNS = ("Issued", "Covers", "Services", "Expected charges")


def _self_pay(client: Client) -> bool:
    return client.is_self_pay


class EstimatesPanel(ClientRecordsPanel):
    finished = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(workspace, COLUMNS, parent, stretch=2, only=_self_pay)
        self.estimates: list[GoodFaithEstimate] = []
        self.due = QLabel()
        self.due.setWordWrap(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.sessions = QSpinBox(minimum=0, maximum=104)
        self.sessions.setSpecialValueText("as booked")
        self.sessions.setToolTip("How many sessions of the ongoing service to expect in the "
                                 "12 months, when more are expected than are booked.")
        self.give_button = QPushButton("Give a Good Faith Estimate…")
        self.reprint_button = QPushButton("Print the chosen one again…")
        self.give_button.clicked.connect(self.choose_file)
        self.reprint_button.clicked.connect(self.choose_reprint_file)
        form = QFormLayout()
        form.addRow("Sessions expected in 12 months", self.sessions)
        form.addRow(button_row(self.give_button, self.reprint_button))
        self.arrange(self.due, form)
        self.runner = ExportRunner(self, self.status)
        self.runner.started.connect(lambda: self._enable(False))
        self.runner.finished.connect(self._done)

    def reload_table(self) -> None:
        client_id = self.client.client_id()
        if client_id is None:
            self.estimates = []
            self.due.setText("Self-pay clients are listed here (set a client's billing to "
                             "self-pay under Edit client > Billing).")
        else:
            self.estimates = self.workspace.do(estimates_of, client_id)
            due = self.workspace.do(estimate_due_for, client_id)
            self.due.setText(f"⚠ {due.message(date.today())}" if due is not None else
                             "Up to date: the latest estimate covers every booked session."
                             if self.estimates else "No estimate needed yet: no session booked.")
        fill_table(self.table, [(date_text(e.issued_on),
                                 f"{date_text(e.period_start)} to {date_text(e.period_end)}",
                                 ", ".join(f"{i.quantity} × {i.code}" for i in e.items),
                                 f"${e.total:,.2f}") for e in self.estimates])

    # -- give one ------------------------------------------------------------------------------
    def choose_file(self) -> None:
        client_id = self.client.client_id()
        if client_id is None:
            self.status.problem("Choose a self-pay client first.")
            return
        out = save_pdf_as(self, "Save the Good Faith Estimate",
                          f"good-faith-estimate-{date.today():%Y-%m-%d}-client-{client_id}.pdf")
        if out:
            self.issue_to(out)

    def issue_to(self, out: Path) -> None:
        client_id = self.client.client_id()
        if client_id is None:
            self.status.problem("Choose a self-pay client first.")
            return
        sessions = self.sessions.value() or None
        workspace = self.workspace
        self.runner.run(lambda _unsigned: workspace.do(issue_estimate, client_id, out,
                                                       sessions=sessions),
                        lambda gfe: self._given(gfe, out), "Making the Good Faith Estimate…")

    def _given(self, gfe: GoodFaithEstimate, out: Path) -> None:
        self.status.ok(f"Saved {out}: expected charges ${gfe.total:,.2f}. Give it to the "
                       "client (print or send it), and keep it: it is kept here too.")
        self.reload_table()

    # -- print again ---------------------------------------------------------------------------
    def chosen(self) -> GoodFaithEstimate | None:
        row = self.table.currentRow()
        return self.estimates[row] if 0 <= row < len(self.estimates) else None

    def choose_reprint_file(self) -> None:
        estimate = self.chosen()
        if estimate is None:
            self.status.problem("Choose the estimate to print again.")
            return
        out = save_pdf_as(self, "Save a copy of the Good Faith Estimate",
                          f"good-faith-estimate-{estimate.issued_on:%Y-%m-%d}-client-"
                          f"{estimate.client_id}.pdf")
        if out:
            self.reprint_to(out)

    def reprint_to(self, out: Path) -> None:
        estimate = self.chosen()
        if estimate is None or estimate.id is None:
            self.status.problem("Choose the estimate to print again.")
            return
        estimate_id = estimate.id
        workspace = self.workspace
        self.runner.run(lambda _unsigned: workspace.do(reprint_estimate, estimate_id, out),
                        lambda _gfe: self.status.ok(f"Saved a copy as issued: {out}."),
                        "Making the copy…")

    def _enable(self, enabled: bool) -> None:
        self.give_button.setEnabled(enabled)
        self.reprint_button.setEnabled(enabled)

    def _done(self) -> None:
        self._enable(True)
        self.finished.emit()


class EstimateDialog(QDialog):
    """The estimates panel on its own, for one client (offered after booking)."""

    def __init__(self, workspace: Workspace, client_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Good Faith Estimate")
        self.resize(640, 420)
        self.panel = EstimatesPanel(workspace)
        self.panel.refresh()
        self.panel.client.select(client_id)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)
        layout.addWidget(buttons)
