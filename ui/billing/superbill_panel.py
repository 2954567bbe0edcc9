"""Superbills from the window: one client and a date range, or the month's superbills (insured
clients) and statements (self-pay clients) for every client at once."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
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

from app.billing.batch import BatchResult, batch_month
from app.billing.exports import export_superbill
from app.billing.superbill import Superbill
from app.billing.unsigned import UnsignedChoice
from app.clients import client_names
from app.export_names import superbill_name
from app.workspace import Workspace
from ui.billing.common import ClientChooser, StatusLine, save_pdf_as
from ui.billing.export_runner import ExportRunner
from ui.date_fields import DATE_FORMAT, date_edit, to_date, to_qdate
from ui.widgets import button_row


class SuperbillPanel(QWidget):
    finished = Signal()  # after each export or batch, successful or not

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
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
        self.batch_button = QPushButton("Superbills and statements for every client…")
        self.batch_button.clicked.connect(self.choose_folder)
        self.include_unsigned = QCheckBox("Bill sessions whose note is not signed yet")
        self.include_unsigned.setToolTip("Left out (and listed) unless this is checked.")
        month_box = QGroupBox("Every client with sessions in a month: a superbill for each "
                              "insured client, a statement for each self-pay client")
        month_form = QFormLayout(month_box)
        month_form.addRow("Month", self.month)
        month_form.addRow("", self.include_unsigned)
        month_form.addRow(button_row(self.batch_button))

        self.status = StatusLine()
        self.runner = ExportRunner(self, self.status)
        self.runner.started.connect(self._busy)
        self.runner.finished.connect(self._done)
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
        out = save_pdf_as(self, "Save the superbill",
                          superbill_name(start, to_date(self.end.date())))
        if out:
            self.export_to(out)

    def export_to(self, out: Path) -> None:
        client_id = self.client.client_id()
        if client_id is None:
            self.status.problem("Add a client first.")
            return
        start, end = to_date(self.start.date()), to_date(self.end.date())
        workspace = self.workspace

        def work(unsigned: UnsignedChoice) -> Superbill:
            return workspace.do(export_superbill, client_id, start, end, out, unsigned=unsigned)

        self.runner.run(work, lambda bill: self._made(bill, out), "Making the superbill…")

    def _made(self, bill: Superbill, out: Path) -> None:
        n = len(bill.lines)
        left = f"; {len(bill.left_out)} unsigned left out" if bill.left_out else ""
        self.status.ok(f"Saved {out} ({n} session{'s' if n != 1 else ''}, "
                       f"total ${bill.total_fee:,.2f}, paid ${bill.total_paid:,.2f}{left}).")

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
        choice = (UnsignedChoice.INCLUDE if self.include_unsigned.isChecked()
                  else UnsignedChoice.LEAVE_OUT)
        self.runner.run(lambda _ask: workspace.do(batch_month, year, number, folder, choice),
                        lambda result: self._batched(result, folder),
                        "Making the month's superbills and statements…")

    def _batched(self, result: BatchResult, folder: Path) -> None:
        def count(n: int, what: str) -> str:
            return f"{n} {what}{'s' if n != 1 else ''}"

        lines = [f"Saved {count(result.superbills, 'superbill')} and "
                 f"{count(result.statements, 'statement')} in {folder}."]
        if result.skipped or result.left_out:
            names = self.workspace.do(client_names, legal=True)
            if result.skipped:
                lines.append("Not made:")
                lines += [f"• {names.get(s.client_id, f'client {s.client_id}')} "
                          f"({s.document}): {s.reason}" for s in result.skipped]
            if result.left_out:
                lines.append("Left out:")
                lines += [f"• {names.get(s.client_id, f'client {s.client_id}')}: {s.reason}"
                          for s in result.left_out]
            self.status.problem("\n".join(lines))
        else:
            self.status.ok(lines[0])

    # -- shared --------------------------------------------------------------------------------
    def _busy(self) -> None:
        self.make_button.setEnabled(False)
        self.batch_button.setEnabled(False)

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
