"""CMS-1500 (02/12) claims from the window: one client, a period, on blank paper or onto the
red pre-printed form (shifted by this device's alignment offsets, set in Settings)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.billing.claim_form import Claim
from app.billing.claims import export_claim
from app.billing.unsigned import UnsignedChoice
from app.pdf.cms1500_pdf import Alignment
from app.workspace import Workspace
from models.client import Client
from ui.billing.common import ClientChooser, StatusLine, save_pdf_as
from ui.billing.export_runner import ExportRunner
from ui.date_fields import DATE_FORMAT, date_edit, to_date
from ui.widgets import button_row, hint_label

HINT = ("The plain version draws the form on blank paper, for your records or a payer that "
        "takes it. For a payer's scanner, print the values only onto the red CMS-1500 (02/12) "
        "form; if they land off their boxes, shift them under Settings > Claim forms.")


def _insured(client: Client) -> bool:
    return not client.is_self_pay


class ClaimsPanel(QWidget):
    finished = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        today = date.today()
        self.client = ClientChooser(only=_insured)
        self.start = date_edit(today.replace(day=1), DATE_FORMAT)
        self.end = date_edit(today, DATE_FORMAT)
        self.plain = QRadioButton("The form with its values, on blank paper")
        self.data_only = QRadioButton("Values only, to print onto the red pre-printed form")
        self.plain.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.plain)
        group.addButton(self.data_only)
        self.make_button = QPushButton("Make CMS-1500…")
        self.make_button.clicked.connect(self.choose_file)
        self.status = StatusLine()
        form = QFormLayout()
        form.addRow("Client", self.client)
        form.addRow("From", self.start)
        form.addRow("To", self.end)
        form.addRow("Print", self.plain)
        form.addRow("", self.data_only)
        form.addRow(button_row(self.make_button))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint_label(HINT))
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.runner = ExportRunner(self, self.status)
        self.runner.started.connect(lambda: self.make_button.setEnabled(False))
        self.runner.finished.connect(self._done)

    def refresh(self) -> None:
        self.client.reload(self.workspace)

    def choose_file(self) -> None:
        client_id = self.client.client_id()
        if client_id is None:
            self.status.problem("Choose an insured client first.")
            return
        start = to_date(self.start.date())
        out = save_pdf_as(self, "Save the claim form",
                          f"cms1500-{start:%Y-%m}-client-{client_id}.pdf")
        if out:
            self.export_to(out)

    def export_to(self, out: Path) -> None:
        client_id = self.client.client_id()
        if client_id is None:
            self.status.problem("Choose an insured client first.")
            return
        start, end = to_date(self.start.date()), to_date(self.end.date())
        data_only = self.data_only.isChecked()
        settings = self.workspace.settings
        alignment = Alignment(settings.cms1500_offset_right, settings.cms1500_offset_down)
        workspace = self.workspace

        def work(unsigned: UnsignedChoice) -> list[Claim]:
            return workspace.do(export_claim, client_id, start, end, out, data_only=data_only,
                                alignment=alignment, unsigned=unsigned)

        self.runner.run(work, lambda forms: self._made(forms, out), "Making the claim form…")

    def _made(self, forms: list[Claim], out: Path) -> None:
        lines = sum(len(f.lines) for f in forms)
        total = sum(f.total_charge for f in forms)
        self.status.ok(f"Saved {out}: {len(forms)} form{'s' if len(forms) != 1 else ''}, "
                       f"{lines} service line{'s' if lines != 1 else ''}, total "
                       f"${total:,.2f}.")

    def _done(self) -> None:
        self.make_button.setEnabled(True)
        self.finished.emit()
