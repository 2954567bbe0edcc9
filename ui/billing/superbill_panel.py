"""Superbills from the window: one client and a date range, or every client for a month."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.billing.batch import BatchResult, batch_superbills
from app.billing.exports import export_superbill
from app.billing.superbill import Superbill
from app.clients import client_names
from app.workspace import Workspace
from models.errors import MissingBillingData
from ui.billing.common import ClientChooser, StatusLine
from ui.date_fields import DATE_FORMAT, date_edit, to_date, to_qdate
from ui.errors import message_for
from ui.widgets import button_row
from ui.worker import Operation


def missing_text(exc: MissingBillingData) -> str:
    return ("Not made: an insurer would reject it. Missing:\n"
            + "\n".join(f"• {item}" for item in exc.missing))


class SuperbillPanel(QWidget):
    finished = Signal()  # after each export or batch, successful or not

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.operation: Operation | None = None
        today = date.today()
        first = today.replace(day=1)
        self.client = ClientChooser()
        self.start = date_edit(first, DATE_FORMAT)
        self.end = date_edit(today, DATE_FORMAT)
        self.make_button = QPushButton("Make superbill…")
        self.make_button.clicked.connect(self.choose_file)
        one = QGroupBox("One client")
        form = QFormLayout(one)
        form.addRow("Client", self.client)
        form.addRow("From", self.start)
        form.addRow("To", self.end)
        form.addRow(button_row(self.make_button))

        previous = first - timedelta(days=1)
        self.month = QDateEdit(to_qdate(previous.replace(day=1)))
        self.month.setDisplayFormat("MMMM yyyy")
        self.batch_button = QPushButton("Superbills for every client…")
        self.batch_button.clicked.connect(self.choose_folder)
        month_box = QGroupBox("Every client with sessions in a month")
        month_form = QFormLayout(month_box)
        month_form.addRow("Month", self.month)
        month_form.addRow(button_row(self.batch_button))

        self.status = StatusLine()
        layout = QVBoxLayout(self)
        layout.addWidget(one)
        layout.addWidget(month_box)
        layout.addWidget(self.status)
        layout.addStretch(1)

    def refresh(self) -> None:
        self.client.reload(self.workspace)

    # -- one client ----------------------------------------------------------------------------
    def choose_file(self) -> None:
        client_id = self.client.client_id()
        if client_id is None:
            self.status.problem("Add a client first.")
            return
        start = to_date(self.start.date())
        suggested = Path.home() / f"superbill-{start:%Y-%m}-client-{client_id}.pdf"
        name, _ = QFileDialog.getSaveFileName(self, "Save the superbill", str(suggested),
                                              "PDF files (*.pdf)")
        if name:
            self.export_to(Path(name))

    def export_to(self, out: Path) -> None:
        client_id = self.client.client_id()
        if client_id is None:
            self.status.problem("Add a client first.")
            return
        start, end = to_date(self.start.date()), to_date(self.end.date())
        workspace = self.workspace
        self._busy("Making the superbill…")
        op = Operation(lambda: workspace.do(export_superbill, client_id, start, end, out), self)
        op.success(lambda bill: self._made(bill, out)).failure(self._failed)
        op.finished.connect(self._done)
        self.operation = op.run()

    def _made(self, bill: Superbill, out: Path) -> None:
        n = len(bill.lines)
        self.status.ok(f"Saved {out} ({n} session{'s' if n != 1 else ''}, "
                       f"total ${bill.total_fee:,.2f}, paid ${bill.total_paid:,.2f}).")

    # -- a month -------------------------------------------------------------------------------
    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Folder for the superbills",
                                                  str(Path.home()))
        if folder:
            self.batch_to(Path(folder))

    def batch_to(self, folder: Path) -> None:
        month = self.month.date()
        year, number = month.year(), month.month()
        workspace = self.workspace
        self._busy("Making the month's superbills…")
        op = Operation(lambda: workspace.do(batch_superbills, year, number, folder), self)
        op.success(lambda result: self._batched(result, folder)).failure(self._failed)
        op.finished.connect(self._done)
        self.operation = op.run()

    def _batched(self, result: BatchResult, folder: Path) -> None:
        lines = [f"Saved {len(result.written)} superbill"
                 f"{'s' if len(result.written) != 1 else ''} in {folder}."]
        if result.refused:
            names = self.workspace.do(client_names, legal=True)
            lines.append("Not made (an insurer would reject them):")
            lines += [f"• {names.get(cid, f'client {cid}')}: {'; '.join(missing)}"
                      for cid, missing in result.refused.items()]
            self.status.problem("\n".join(lines))
        else:
            self.status.ok(lines[0])

    # -- shared --------------------------------------------------------------------------------
    def _busy(self, text: str) -> None:
        self.make_button.setEnabled(False)
        self.batch_button.setEnabled(False)
        self.status.ok(text)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, MissingBillingData):
            self.status.problem(missing_text(exc))
        else:
            self.status.problem(message_for(exc))

    def _done(self) -> None:
        self.make_button.setEnabled(True)
        self.batch_button.setEnabled(True)
        self.finished.emit()


class SuperbillDialog(QDialog):
    def __init__(self, workspace: Workspace, client_id: int | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Superbill")
        self.panel = SuperbillPanel(workspace)
        self.panel.refresh()
        if client_id is not None:
            self.panel.client.select(client_id)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)
        layout.addWidget(buttons)


_OPEN: set[QDialog] = set()  # dialogs shown without a blocking exec(), kept alive until closed


def open_superbill_dialog(parent: QWidget | None, workspace: Workspace,
                          client_id: int | None) -> SuperbillDialog:
    """Open the superbill dialog without blocking; returns it (callers may ignore it)."""
    dialog = SuperbillDialog(workspace, client_id, parent)
    _OPEN.add(dialog)
    dialog.finished.connect(lambda _code: _OPEN.discard(dialog))
    dialog.open()
    return dialog
