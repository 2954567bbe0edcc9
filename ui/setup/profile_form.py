"""The practice profile as a form: who signs the notes and bills the sessions."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLineEdit, QWidget

from models.common import Address
from models.practice import PracticeProfile

COMMON_ZONES = (
    "America/New_York", "America/Chicago", "America/Denver", "America/Phoenix",
    "America/Los_Angeles", "America/Anchorage", "Pacific/Honolulu", "Europe/London", "UTC",
)


def _local_zone_name() -> str:
    tz = datetime.now().astimezone().tzinfo
    key = getattr(tz, "key", "")
    return key or "America/New_York"


class PracticeProfileForm(QWidget):
    """Fields of a PracticeProfile; ``problem()`` says in one sentence what is missing."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.practice_name = QLineEdit(placeholderText="e.g. Maple Street Counseling (optional)")
        self.clinician_name = QLineEdit(placeholderText="Your name as you sign notes")
        self.credentials = QLineEdit(placeholderText="e.g. LCSW, PhD")
        self.license_number = QLineEdit()
        self.license_state = QLineEdit(placeholderText="e.g. NY")
        self.license_state.setMaxLength(2)
        self.license_state.setFixedWidth(80)
        self.npi = QLineEdit(placeholderText="10 digits")
        self.npi.setMaxLength(10)
        self.taxonomy = QLineEdit(placeholderText="e.g. 1041C0700X")
        self.tax_id_kind = QComboBox()
        self.tax_id_kind.addItems(["EIN", "SSN"])
        self.tax_id = QLineEdit()
        self.street = QLineEdit()
        self.city = QLineEdit(placeholderText="City")
        self.state = QLineEdit()
        self.state.setMaxLength(2)
        self.state.setFixedWidth(60)
        self.state.setPlaceholderText("NY")
        self.postal_code = QLineEdit()
        self.postal_code.setFixedWidth(100)
        self.phone = QLineEdit()
        self.timezone = QComboBox()
        self.timezone.setEditable(True)
        self.timezone.addItems(COMMON_ZONES)
        self.timezone.setCurrentText(_local_zone_name())

        tax_row = QHBoxLayout()
        tax_row.addWidget(self.tax_id_kind)
        tax_row.addWidget(self.tax_id, 1)
        license_row = QHBoxLayout()
        license_row.addWidget(self.license_number, 1)
        license_row.addWidget(self.license_state)
        city_row = QHBoxLayout()
        city_row.addWidget(self.city, 1)
        city_row.addWidget(self.state)
        city_row.addWidget(self.postal_code)

        form = QFormLayout(self)
        form.addRow("Clinician name", self.clinician_name)
        form.addRow("Credentials", self.credentials)
        form.addRow("Practice name", self.practice_name)
        form.addRow("License number, state", license_row)
        form.addRow("NPI", self.npi)
        form.addRow("Taxonomy code", self.taxonomy)
        form.addRow("Tax ID (EIN or SSN)", tax_row)
        form.addRow("Street", self.street)
        form.addRow("City, state, ZIP", city_row)
        form.addRow("Phone", self.phone)
        form.addRow("Time zone", self.timezone)
        order = (self.clinician_name, self.credentials, self.practice_name, self.license_number,
                 self.license_state, self.npi, self.taxonomy, self.tax_id_kind, self.tax_id,
                 self.street, self.city, self.state, self.postal_code, self.phone, self.timezone)
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def problem(self) -> str | None:
        if not self.clinician_name.text().strip():
            return "Enter the clinician's name; it goes on every signed note."
        npi = self.npi.text().strip()
        if npi and (len(npi) != 10 or not npi.isdigit()):
            return "An NPI has exactly 10 digits."
        return None

    def profile(self) -> PracticeProfile:
        return PracticeProfile(
            practice_name=self.practice_name.text().strip(),
            clinician_name=self.clinician_name.text().strip(),
            credentials=self.credentials.text().strip(),
            license_number=self.license_number.text().strip(),
            license_state=self.license_state.text().strip().upper(),
            npi=self.npi.text().strip(),
            taxonomy_code=self.taxonomy.text().strip(),
            tax_id=self.tax_id.text().strip(),
            tax_id_kind=self.tax_id_kind.currentText(),
            address=Address(street=self.street.text().strip(), city=self.city.text().strip(),
                            state=self.state.text().strip().upper(),
                            postal_code=self.postal_code.text().strip()),
            phone=self.phone.text().strip(),
            timezone=self.timezone.currentText().strip() or _local_zone_name(),
        )

    def set_profile(self, p: PracticeProfile) -> None:
        self.practice_name.setText(p.practice_name)
        self.clinician_name.setText(p.clinician_name)
        self.credentials.setText(p.credentials)
        self.license_number.setText(p.license_number)
        self.license_state.setText(p.license_state)
        self.npi.setText(p.npi)
        self.taxonomy.setText(p.taxonomy_code)
        self.tax_id_kind.setCurrentText(p.tax_id_kind or "EIN")
        self.tax_id.setText(p.tax_id)
        self.street.setText(p.address.street)
        self.city.setText(p.address.city)
        self.state.setText(p.address.state)
        self.postal_code.setText(p.address.postal_code)
        self.phone.setText(p.phone)
        self.timezone.setCurrentText(p.timezone)
