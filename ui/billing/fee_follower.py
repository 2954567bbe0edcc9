"""The appointment editor's fee: the fee schedule's fee for the suggested CPT code (or the
client's sliding-scale fee), following the service and length until the therapist types one.

The editor keeps its fields; this attaches to them and shows the code and where the fee came
from beside the fee, so a new client's intake starts at the intake's fee, never at $0.00 and
never at another session's fee.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QSpinBox

from app.billing.fees import fee_quote
from app.workspace import Workspace
from models.appointment import Service
from models.billing import FeeQuote


class FeeFollower(QObject):
    def __init__(self, workspace: Workspace, client: QComboBox, service: QComboBox,
                 minutes: QSpinBox, fee: QLineEdit, *, follow: bool) -> None:
        super().__init__(fee)
        self.workspace = workspace
        self.client, self.service, self.minutes, self.fee = client, service, minutes, fee
        self.hint = QLabel()
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        self.follow = follow  # False once the therapist typed a fee, or for a stored fee
        self.quote: FeeQuote | None = None
        fee.textEdited.connect(self._typed)
        client.currentIndexChanged.connect(self.update)
        service.currentIndexChanged.connect(self.update)
        minutes.valueChanged.connect(self.update)
        self.update()

    def _typed(self, _text: str) -> None:
        self.follow = False
        self._show_hint()

    def update(self, *_args: object) -> None:
        client_id = self.client.currentData()
        service = self.service.currentData()
        if service is None:
            return
        self.quote = self.workspace.do(fee_quote, client_id, Service(service),
                                       self.minutes.value())
        if self.follow:
            self.fee.setText(f"{self.quote.fee:.2f}" if self.quote.fee > 0 else "")
        self._show_hint()

    def _show_hint(self) -> None:
        q = self.quote
        if q is None:
            self.hint.clear()
            return
        if not q.code:
            self.hint.setText(q.reason)
            return
        code = f"Code {q.code} (suggested)"
        if not self.follow and self._typed_fee() != q.fee and q.fee > 0:
            self.hint.setText(f"{code}; the {q.source} says ${q.fee:,.2f}.")
        elif q.source:
            self.hint.setText(f"{code}; fee from the {q.source}.")
        else:
            self.hint.setText(f"{code}; your fee schedule has no fee for it (Billing > Fees).")

    def _typed_fee(self) -> Decimal | None:
        try:
            return Decimal(self.fee.text().strip().replace("$", "").replace(",", "") or "0")
        except InvalidOperation:
            return None
