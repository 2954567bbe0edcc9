"""One insurance plan as a form: payer, member and group, where claims go, and the policy holder
when the client is a dependent. The client editor shows two: the primary plan and a second."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLineEdit, QWidget

from models.common import Address, date_hint
from models.insurance import Insurance, PlanType, Relationship, Subscriber

RELATIONSHIPS = (("The client is the policy holder", Relationship.SELF),
                 ("The client is the holder's spouse", Relationship.SPOUSE),
                 ("The client is the holder's child", Relationship.CHILD),
                 ("Other dependent of the holder", Relationship.OTHER))
PLAN_TYPES = (("Group health plan (most employer plans)", PlanType.GROUP),
              ("Other (individual, marketplace)", PlanType.OTHER),
              ("Medicare", PlanType.MEDICARE), ("Medicaid", PlanType.MEDICAID),
              ("TRICARE", PlanType.TRICARE), ("CHAMPVA", PlanType.CHAMPVA),
              ("FECA / Black Lung", PlanType.FECA))
SEXES = (("Not recorded", ""), ("Female", "F"), ("Male", "M"))
# Longest sensible value of each field (as the client editor's LIMITS).
LIMITS = {"payer": 200, "member ID": 60, "group number": 60, "plan name": 200,
          "claims street": 200, "claims city": 100, "policy holder's name": 200,
          "policy holder's phone": 40}


def combo(items: tuple[tuple[str, object], ...]) -> QComboBox:
    box = QComboBox()
    for label, value in items:
        box.addItem(label, value)
    return box


def set_combo(box: QComboBox, value: object) -> None:
    index = box.findData(value)
    box.setCurrentIndex(max(index, 0))


class AddressRow(QHBoxLayout):
    def __init__(self, street_hint: str = "") -> None:
        super().__init__()
        self.street = QLineEdit(placeholderText=street_hint or "Street or PO Box")
        self.city = QLineEdit(placeholderText="City")
        self.state = QLineEdit(placeholderText="ST")
        self.state.setMaxLength(2)
        self.state.setFixedWidth(50)
        self.postal_code = QLineEdit(placeholderText="ZIP")
        self.postal_code.setFixedWidth(90)
        for w in (self.street, self.city):
            self.addWidget(w, 1)
        self.addWidget(self.state)
        self.addWidget(self.postal_code)

    def set_address(self, a: Address) -> None:
        self.street.setText(a.street)
        self.city.setText(a.city)
        self.state.setText(a.state)
        self.postal_code.setText(a.postal_code)

    def address(self) -> Address:
        return Address(self.street.text().strip(), self.city.text().strip(),
                       self.state.text().strip().upper(), self.postal_code.text().strip())


class InsuranceForm(QWidget):
    """``problem_and_insurance`` reads it back: one sentence if a field cannot be used."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.payer = QLineEdit(placeholderText="e.g. Blue Harbor Health")
        self.member_id = QLineEdit()
        self.group_number = QLineEdit()
        self.plan_name = QLineEdit(placeholderText="As on the card, e.g. Blue Harbor PPO")
        self.plan_type = combo(PLAN_TYPES)
        self.claims = AddressRow("Where paper claims go")
        self.relationship = combo(RELATIONSHIPS)
        self.holder_name = QLineEdit(placeholderText="First and last name, as on the card")
        self.holder_dob = QLineEdit(placeholderText=date_hint())  # the app's date format
        self.holder_sex = combo(SEXES)
        self.holder_phone = QLineEdit()
        self.holder_address = AddressRow("Leave empty if it is the client's address")
        form = QFormLayout(self)
        form.addRow("Payer", self.payer)
        form.addRow("Member ID", self.member_id)
        form.addRow("Group number", self.group_number)
        form.addRow("Plan name", self.plan_name)
        form.addRow("Kind of plan", self.plan_type)
        form.addRow("Claims address", self.claims)
        form.addRow("Policy holder", self.relationship)
        form.addRow("Holder's name", self.holder_name)
        form.addRow("Holder's date of birth", self.holder_dob)
        form.addRow("Holder's sex (as on the card)", self.holder_sex)
        form.addRow("Holder's phone", self.holder_phone)
        form.addRow("Holder's address", self.holder_address)
        self.relationship.currentIndexChanged.connect(self._holder_fields)
        self._holder_fields()

    def _holder_fields(self, _index: int = 0) -> None:
        dependent = self.relationship.currentData() != Relationship.SELF
        for w in (self.holder_name, self.holder_dob, self.holder_sex, self.holder_phone,
                  self.holder_address.street, self.holder_address.city,
                  self.holder_address.state, self.holder_address.postal_code):
            w.setEnabled(dependent)

    def set_insurance(self, ins: Insurance, date_text: str) -> None:
        self.payer.setText(ins.payer)
        self.member_id.setText(ins.member_id)
        self.group_number.setText(ins.group_number)
        self.plan_name.setText(ins.plan_name)
        set_combo(self.plan_type, ins.plan_type)
        self.claims.set_address(ins.claim_address)
        set_combo(self.relationship, ins.relationship)
        sub = ins.subscriber
        self.holder_name.setText(sub.name)
        self.holder_dob.setText(date_text)
        set_combo(self.holder_sex, sub.sex)
        self.holder_phone.setText(sub.phone)
        self.holder_address.set_address(sub.address)

    def texts(self) -> dict[str, QLineEdit]:
        """The free-text fields by the name a sentence about them uses (length checks)."""
        return {"payer": self.payer, "member ID": self.member_id,
                "group number": self.group_number, "plan name": self.plan_name,
                "claims street": self.claims.street, "claims city": self.claims.city,
                "policy holder's name": self.holder_name,
                "policy holder's phone": self.holder_phone}

    def insurance(self, holder_born: date | None) -> Insurance:
        relationship = Relationship(self.relationship.currentData())
        subscriber = (Subscriber(" ".join(self.holder_name.text().split()), holder_born,
                                 str(self.holder_sex.currentData() or ""),
                                 self.holder_address.address(), self.holder_phone.text().strip())
                      if relationship is not Relationship.SELF else Subscriber())
        return Insurance(payer=self.payer.text().strip(), member_id=self.member_id.text().strip(),
                         group_number=self.group_number.text().strip(),
                         plan_name=self.plan_name.text().strip(),
                         plan_type=PlanType(self.plan_type.currentData()),
                         claim_address=self.claims.address(), relationship=relationship,
                         subscriber=subscriber)
