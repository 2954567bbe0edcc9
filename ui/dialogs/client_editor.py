"""Create or edit a client: identity, contact, billing (ui/dialogs/client_billing_form.py),
diagnoses, consent to AI drafting."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.clients import add_client, update_client
from app.workspace import Workspace
from models.client import Client, ContactMethod, EmergencyContact
from models.common import Address, date_hint
from models.note import NoteFormat
from ui.date_fields import DATE_FORMAT, date_edit, parse_date, to_date, to_qdate
from ui.dialogs.client_billing_form import ClientBillingForm
from ui.dialogs.diagnosis_table import DiagnosisTable
from ui.errors import message_for, show_calendar_problem
from ui.timefmt import date_text
from ui.widgets import error_label, hint_label

# Longest sensible value of each field: a stray paste (a whole document) is refused with a
# sentence naming the field, instead of being saved into a name and printed on superbills.
LIMITS = {"legal name": 200, "preferred name": 200, "pronouns": 40, "date of birth": 20,
          "email": 254, "phone": 40, "street": 200, "city": 100, "state": 2, "ZIP code": 20,
          "calendar label": 20, "emergency contact's name": 200, "relationship": 60,
          "emergency phone": 40, "referral source": 200}
FORMAT_CHOICES = (("The practice's default", ""),
                  *((f.value.upper(), f.value) for f in NoteFormat))


class ClientEditor(QDialog):
    """Emits ``saved(client_id)`` after a successful write."""

    saved = Signal(int)

    def __init__(self, workspace: Workspace, client: Client | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.client = client
        self.setWindowTitle("Edit client" if client else "New client")
        self.setModal(True)
        self.resize(560, 520)

        self.legal_name = QLineEdit(placeholderText="First and last name, as on insurance")
        self.preferred_name = QLineEdit(placeholderText="What they like to be called")
        self.pronouns = QComboBox(editable=True)
        self.pronouns.addItems(["", "she/her", "he/him", "they/them"])
        self.calendar_code = QLineEdit(placeholderText="Initials by default, e.g. “C-7”")
        self.calendar_code.setToolTip("What exported calendars (.ics) show for this client's "
                                      "sessions instead of a name; calendars often sync to a "
                                      "cloud.")
        self.dob = QLineEdit(placeholderText=date_hint())
        self.email = QLineEdit()
        self.phone = QLineEdit()
        self.street = QLineEdit()
        self.city = QLineEdit()
        self.state = QLineEdit()
        self.state.setMaxLength(2)
        self.state.setFixedWidth(60)
        self.postal_code = QLineEdit()
        self.postal_code.setFixedWidth(100)
        self.billing = ClientBillingForm()  # the Billing tab (ui/dialogs/client_billing_form)
        self.payer = self.billing.primary.payer
        self.member_id = self.billing.primary.member_id
        self.group_number = self.billing.primary.group_number
        self.diagnoses = DiagnosisTable()
        self.contact_method = QComboBox()
        self.contact_method.addItem("Not said", "")
        for method in ContactMethod:
            self.contact_method.addItem(method.label, method.value)
        self.emergency_name = QLineEdit(placeholderText="Who to call in an emergency")
        self.emergency_relationship = QLineEdit(placeholderText="e.g. sister, partner")
        self.emergency_phone = QLineEdit()
        self.referral_source = QLineEdit(placeholderText="e.g. Dr. Lee, a friend, the website")
        self.note_format = QComboBox()
        for label, value in FORMAT_CHOICES:
            self.note_format.addItem(label, value)
        self.note_format.setToolTip("The format this client's new notes start in.")
        self.consent = QCheckBox("Client consented to AI-assisted documentation")
        self.consent_date = date_edit(date.today(), DATE_FORMAT)
        self.consent_date.setEnabled(False)
        self.consent.toggled.connect(self.consent_date.setEnabled)
        consent_hint = hint_label("Drafting a note with the on-device model needs this consent; "
                                  "nothing leaves this computer either way.")

        person = QWidget()
        pf = QFormLayout(person)
        pf.addRow("Legal name", self.legal_name)
        pf.addRow("Preferred name", self.preferred_name)
        pf.addRow("Pronouns", self.pronouns)
        pf.addRow("Date of birth", self.dob)
        pf.addRow("Email", self.email)
        pf.addRow("Phone", self.phone)
        pf.addRow("Street", self.street)
        city_row = QHBoxLayout()
        city_row.addWidget(self.city, 1)
        city_row.addWidget(self.state)
        city_row.addWidget(self.postal_code)
        pf.addRow("City, state, ZIP", city_row)
        pf.addRow("Calendar label", self.calendar_code)
        pf.addRow("", self.consent)
        pf.addRow("Consent date", self.consent_date)
        pf.addRow("", consent_hint)
        details = QWidget()
        df = QFormLayout(details)
        df.addRow("Preferred contact", self.contact_method)
        df.addRow("Emergency contact", self.emergency_name)
        df.addRow("Relationship", self.emergency_relationship)
        df.addRow("Emergency phone", self.emergency_phone)
        df.addRow("Referred by", self.referral_source)
        df.addRow("Note format", self.note_format)
        tabs = QTabWidget()
        tabs.addTab(person, "Client")
        tabs.addTab(self.billing, "Billing")
        tabs.addTab(details, "Contact and referral")
        tabs.addTab(self.diagnoses, "Diagnoses")
        self.tabs = tabs

        self.error = error_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        if client is not None:
            self._fill(client)
        self.legal_name.setFocus()

    def _fill(self, c: Client) -> None:
        self.legal_name.setText(c.legal_name)
        self.preferred_name.setText(c.preferred_name)
        self.pronouns.setCurrentText(c.pronouns)
        self.calendar_code.setText(c.calendar_code)
        self.dob.setText(date_text(c.date_of_birth) if c.date_of_birth else "")
        self.email.setText(c.email)
        self.phone.setText(c.phone)
        self.street.setText(c.address.street)
        self.city.setText(c.address.city)
        self.state.setText(c.address.state)
        self.postal_code.setText(c.address.postal_code)
        self.billing.set_client(c)
        self.diagnoses.set_diagnoses(c.diagnoses)
        self.contact_method.setCurrentIndex(max(self.contact_method.findData(c.contact_method),
                                                0))
        self.emergency_name.setText(c.emergency_contact.name)
        self.emergency_relationship.setText(c.emergency_contact.relationship)
        self.emergency_phone.setText(c.emergency_contact.phone)
        self.referral_source.setText(c.referral_source)
        self.note_format.setCurrentIndex(max(self.note_format.findData(c.note_format), 0))
        self.consent.setChecked(c.ai_consent)
        if c.ai_consent_date:
            self.consent_date.setDate(to_qdate(c.ai_consent_date))

    def _too_long(self) -> str | None:
        fields = {"legal name": self.legal_name, "preferred name": self.preferred_name,
                  "pronouns": self.pronouns.lineEdit(), "date of birth": self.dob,
                  "email": self.email, "phone": self.phone, "street": self.street,
                  "city": self.city, "state": self.state, "ZIP code": self.postal_code,
                  "calendar label": self.calendar_code,
                  "emergency contact's name": self.emergency_name,
                  "relationship": self.emergency_relationship,
                  "emergency phone": self.emergency_phone,
                  "referral source": self.referral_source}
        for name, field in fields.items():
            if field is not None and len(field.text().strip()) > LIMITS[name]:
                tab = field.parentWidget()
                while tab is not None and self.tabs.indexOf(tab) < 0:
                    tab = tab.parentWidget()
                if tab is not None:
                    self.tabs.setCurrentWidget(tab)
                field.setFocus()
                return (f"The {name} is too long: it can have at most {LIMITS[name]} "
                        "characters.")
        return None

    def _problem_and_client(self) -> tuple[str | None, Client | None]:
        too_long = self._too_long()
        if too_long:
            return too_long, None
        legal = " ".join(self.legal_name.text().split())
        if not legal:
            return "Enter the client's legal name.", None
        dob: date | None = None
        if self.dob.text().strip():
            try:
                dob = parse_date(self.dob.text())
            except ValueError:
                example = date_text(date(1987, 4, 23))
                return (f"Write the date of birth as {date_hint()}, for example {example}.",
                        None)
            if dob is not None and dob > date.today():
                return "The date of birth is in the future.", None
        email = self.email.text().strip()
        if email and ("@" not in email or " " in email):
            return "That email address does not look right.", None
        diagnoses, problem = self.diagnoses.diagnoses()
        if problem:
            self.tabs.setCurrentWidget(self.diagnoses)
            return problem, None
        problem, billing = self.billing.fields()
        if problem:
            self.tabs.setCurrentWidget(self.billing)
            return problem, None
        consent = self.consent.isChecked()
        consent_date = to_date(self.consent_date.date()) if consent else None
        if consent_date is not None and consent_date > date.today():
            return "The consent date is in the future.", None
        fields: dict[str, Any] = dict(
            legal_name=legal, preferred_name=self.preferred_name.text().strip(),
            pronouns=self.pronouns.currentText().strip(), date_of_birth=dob, email=email,
            phone=self.phone.text().strip(),
            address=Address(self.street.text().strip(), self.city.text().strip(),
                            self.state.text().strip().upper(), self.postal_code.text().strip()),
            **billing, diagnoses=diagnoses, ai_consent=consent, ai_consent_date=consent_date,
            calendar_code=self.calendar_code.text().strip(),
            emergency_contact=EmergencyContact(self.emergency_name.text().strip(),
                                               self.emergency_relationship.text().strip(),
                                               self.emergency_phone.text().strip()),
            contact_method=str(self.contact_method.currentData() or ""),
            referral_source=self.referral_source.text().strip(),
            note_format=str(self.note_format.currentData() or ""))
        client = replace(self.client, **fields) if self.client else Client(**fields)
        return None, client

    def save(self) -> None:
        problem, client = self._problem_and_client()
        if problem or client is None:
            self.error.setText(problem or "")
            return
        calendar_problem = ""
        try:
            if client.id is None:
                saved = self.workspace.do(add_client, client)
            else:
                # A new name, initials or calendar code changes the events of the subscribed
                # .ics, so an update rewrites it too.
                calendar_problem = self.workspace.do(update_client, client,
                                                     self.workspace.settings)
                saved = client
        except Exception as exc:
            self.error.setText(message_for(exc))
            return
        assert saved.id is not None
        show_calendar_problem(self, calendar_problem)
        self.saved.emit(saved.id)
        self.accept()
