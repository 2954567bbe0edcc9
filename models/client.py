"""Clients, their diagnoses and treatment-plan goals."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from models.common import Address
from models.insurance import BillingKind, Insurance

__all__ = ["BillingKind", "Client", "ClientStatus", "ContactMethod", "Diagnosis",
           "EmergencyContact", "Goal", "GoalStatus", "Insurance"]


class ClientStatus(StrEnum):
    ACTIVE = "active"
    DISCHARGED = "discharged"


class ContactMethod(StrEnum):
    """How the client prefers to be reached ("" when they did not say)."""

    PHONE = "phone"
    TEXT = "text"
    EMAIL = "email"
    MAIL = "mail"

    @property
    def label(self) -> str:
        return {"phone": "Phone call", "text": "Text message", "email": "Email",
                "mail": "Letter"}[self.value]


@dataclass
class EmergencyContact:
    name: str = ""
    relationship: str = ""
    phone: str = ""

    def one_line(self) -> str:
        who = f"{self.name} ({self.relationship})" if self.relationship and self.name \
            else self.name or self.relationship
        return ", ".join(p for p in (who, self.phone) if p)

    def is_empty(self) -> bool:
        return not (self.name or self.relationship or self.phone)


@dataclass
class Diagnosis:
    code: str  # ICD-10-CM, e.g. "F41.1"
    description: str = ""
    is_primary: bool = False


class GoalStatus(StrEnum):
    ACTIVE = "active"
    MET = "met"
    DISCONTINUED = "discontinued"


@dataclass
class Goal:
    client_id: int
    text: str
    status: GoalStatus = GoalStatus.ACTIVE
    target_date: date | None = None
    id: int | None = None


def display_name_of(legal_name: str, preferred_name: str) -> str:
    """A client's name as the pages show it (see Client.display_name)."""
    if preferred_name:
        last = legal_name.split()[-1] if " " in legal_name.strip() else ""
        return f"{preferred_name} {last}".strip()
    return legal_name


@dataclass
class Client:
    legal_name: str
    preferred_name: str = ""
    pronouns: str = ""
    date_of_birth: date | None = None
    email: str = ""
    phone: str = ""
    address: Address = field(default_factory=Address)
    insurance: Insurance = field(default_factory=Insurance)
    diagnoses: list[Diagnosis] = field(default_factory=list)
    ai_consent: bool = False
    ai_consent_date: date | None = None
    status: ClientStatus = ClientStatus.ACTIVE
    discharged_on: date | None = None
    # Neutral label for calendar exports instead of initials (billing/calendar issue).
    calendar_code: str = ""
    last_note_format: str = ""  # the format of this client's latest note
    note_format: str = ""  # the format chosen for this client's notes ("" = practice default)
    emergency_contact: EmergencyContact = field(default_factory=EmergencyContact)
    contact_method: str = ""  # a ContactMethod value, or "" when not given
    referral_source: str = ""  # who referred the client (free text: "Dr. Lee", "website")
    created_at: datetime | None = None
    # Billing (issue 12): who is billed, a second plan, the client's agreed fee, claim details.
    billing: BillingKind = BillingKind.INSURANCE
    secondary_insurance: Insurance = field(default_factory=Insurance)
    sliding_fee: Decimal = Decimal("0")  # the client's fee per session; 0 = the fee schedule
    sex: str = ""  # "F", "M" or "" (CMS-1500 box 3, as on the insurance card)
    release_on_file: date | None = None  # signed release of information (box 12)
    assignment_on_file: date | None = None  # signed assignment of benefits (box 13)
    id: int | None = None

    @property
    def display_name(self) -> str:
        """Preferred first name if given, with the legal last name: what the therapist says."""
        return display_name_of(self.legal_name, self.preferred_name)

    @property
    def initials(self) -> str:
        return "".join(w[0].upper() for w in self.legal_name.split() if w[:1].isalpha())

    @property
    def primary_diagnosis(self) -> Diagnosis | None:
        for dx in self.diagnoses:
            if dx.is_primary:
                return dx
        return self.diagnoses[0] if self.diagnoses else None

    def age_on(self, day: date) -> int | None:
        """Whole years on ``day`` (None without a date of birth); a Feb 29 birthday counts
        from Mar 1 in other years."""
        born = self.date_of_birth
        if born is None or day < born:
            return None
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))

    @property
    def is_active(self) -> bool:
        return self.status is ClientStatus.ACTIVE

    @property
    def is_self_pay(self) -> bool:
        return self.billing is BillingKind.SELF_PAY
