"""The client editor's Billing tab: who is billed (insurance or self-pay), a sliding-scale fee,
the sex a claim form carries, the plans (a second one if any) and the signatures on file."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.billing.payments import parse_amount
from models.client import Client
from models.common import date_hint
from models.errors import InvalidInput
from models.insurance import BillingKind, Insurance
from ui.date_fields import DATE_FORMAT, date_edit, parse_date, to_date, to_qdate
from ui.dialogs.insurance_form import LIMITS, SEXES, InsuranceForm, combo, set_combo
from ui.timefmt import date_text
from ui.widgets import hint_label

BILLING = (("Insurance: superbills or claims", BillingKind.INSURANCE),
           ("Self-pay: statements, receipts and Good Faith Estimates", BillingKind.SELF_PAY))


class SignatureOnFile(QHBoxLayout):
    """A signed form kept on file: whether, and the date it was signed."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.signed = QCheckBox(text)
        self.on = date_edit(date.today(), DATE_FORMAT)
        self.on.setEnabled(False)
        self.signed.toggled.connect(self.on.setEnabled)
        self.addWidget(self.signed, 1)
        self.addWidget(self.on)

    def set_date(self, day: date | None) -> None:
        self.signed.setChecked(day is not None)
        if day is not None:
            self.on.setDate(to_qdate(day))

    def date(self) -> date | None:
        return to_date(self.on.date()) if self.signed.isChecked() else None


class ClientBillingForm(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.billing = combo(BILLING)
        self.sliding_fee = QLineEdit(placeholderText="none: the fee schedule")
        self.sliding_fee.setMaxLength(14)
        self.sex = combo(SEXES)
        self.primary = InsuranceForm()
        self.second = InsuranceForm()
        self.primary_box = QGroupBox("Insurance")
        QVBoxLayout(self.primary_box).addWidget(self.primary)
        self.second_box = QGroupBox("A second plan (for example through a spouse)")
        self.second_box.setCheckable(True)
        self.second_box.setChecked(False)
        QVBoxLayout(self.second_box).addWidget(self.second)
        self.release = SignatureOnFile("Release of information signed (claim box 12)")
        self.assignment = SignatureOnFile("Assignment of benefits signed (claim box 13)")
        content = QWidget()
        top = QFormLayout()
        top.addRow("Billed to", self.billing)
        top.addRow("Sliding-scale fee ($ per session)", self.sliding_fee)
        top.addRow("Sex (as on the insurance card)", self.sex)
        layout = QVBoxLayout(content)
        layout.addLayout(top)
        layout.addWidget(hint_label("A self-pay client gets a Good Faith Estimate before care "
                                    "(No Surprises Act); Today says when one is due."))
        layout.addWidget(self.primary_box)
        layout.addWidget(self.second_box)
        layout.addLayout(self.release)
        layout.addLayout(self.assignment)
        layout.addStretch(1)
        self.setWidget(content)
        # A new client is self-pay until a payer is typed, unless the therapist chose.
        set_combo(self.billing, BillingKind.SELF_PAY)
        self._chosen = False
        self.billing.activated.connect(self._choose)
        self.primary.payer.textChanged.connect(self._payer_typed)

    def _choose(self, _index: int) -> None:
        self._chosen = True

    def _payer_typed(self, text: str) -> None:
        if not self._chosen:
            set_combo(self.billing, BillingKind.INSURANCE if text.strip()
                      else BillingKind.SELF_PAY)

    def set_client(self, c: Client) -> None:
        self._chosen = True  # a stored client's billing stays as it was saved
        self.sliding_fee.setText(f"{c.sliding_fee:.2f}" if c.sliding_fee > 0 else "")
        set_combo(self.sex, c.sex)
        self.primary.set_insurance(c.insurance, _dob_text(c.insurance))
        self.second.set_insurance(c.secondary_insurance, _dob_text(c.secondary_insurance))
        self.second_box.setChecked(not c.secondary_insurance.is_empty)
        set_combo(self.billing, c.billing)
        self.release.set_date(c.release_on_file)
        self.assignment.set_date(c.assignment_on_file)

    def too_long(self) -> str | None:
        for form in (self.primary, self.second):
            for name, field in form.texts().items():
                if len(field.text().strip()) > LIMITS[name]:
                    field.setFocus()
                    return (f"The {name} is too long: it can have at most {LIMITS[name]} "
                            "characters.")
        return None

    def fields(self) -> tuple[str | None, dict[str, Any]]:
        """One sentence saying what cannot be used, or the client's billing fields."""
        too_long = self.too_long()
        if too_long:
            return too_long, {}
        fee = Decimal("0")
        if self.sliding_fee.text().strip():
            try:
                fee = parse_amount(self.sliding_fee.text(), allow_zero=True)
            except InvalidInput:
                return "The sliding-scale fee must be an amount such as 80 or 80.00.", {}
        plans: list[Insurance] = []
        for form, label in ((self.primary, "insurance"), (self.second, "second plan")):
            text = form.holder_dob.text().strip()
            born: date | None = None
            if text and form.holder_dob.isEnabled():
                try:
                    born = parse_date(text)
                except ValueError:
                    return (f"Write the {label}'s policy holder's date of birth as "
                            f"{date_hint()}, for example {date_text(date(1976, 2, 11))}."), {}
                if born > date.today():
                    return f"The {label}'s policy holder's date of birth is in the future.", {}
            plans.append(form.insurance(born))
        second = plans[1] if self.second_box.isChecked() else Insurance()
        return None, {
            "billing": BillingKind(self.billing.currentData()), "sliding_fee": fee,
            "sex": str(self.sex.currentData() or ""), "insurance": plans[0],
            "secondary_insurance": second, "release_on_file": self.release.date(),
            "assignment_on_file": self.assignment.date()}


def _dob_text(ins: Insurance) -> str:
    born = ins.subscriber.date_of_birth
    return date_text(born) if born else ""
