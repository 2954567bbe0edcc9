"""What goes on a superbill: the practice, the client, one line per billable session, totals.

``build_superbill`` is a pure function of model objects (tested without a vault);
``superbill_for`` gathers those objects from an open vault for one client and a date range.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from app.billing.fees import fee_policy
from app.billing.icd10 import description_of
from app.billing.unsigned import UnsignedChoice, guard_unsigned
from models.appointment import Appointment, AppointmentStatus
from models.billing import (
    CPT_DESCRIPTIONS,
    FeePolicy,
    Payment,
    coded_service,
    diagnosis_pointers,
    is_billable,
    missed_session_fee,
    modifiers_for,
    money,
    no_code_reason,
    place_of_service,
    session_fee,
)
from models.client import Client, Diagnosis
from models.common import day_bounds
from models.errors import InvalidInput
from models.practice import PracticeProfile

if TYPE_CHECKING:
    from storage.vault import Vault

ZERO = Decimal("0.00")
MAX_DIAGNOSES = 12  # boxes A-L on the claim form


@dataclass(frozen=True)
class SuperbillLine:
    appointment_id: int | None
    date_of_service: date
    place_of_service: str
    cpt: str  # primary code; "" when the session has none (readiness refuses that)
    add_ons: tuple[tuple[str, int], ...]
    modifiers: tuple[str, ...]
    units: int
    pointers: str
    fee: Decimal
    paid: Decimal
    description: str
    missed: bool = False  # a no-show or late cancellation charged by policy
    no_code_reason: str = ""  # why no code was suggested, when ``cpt`` is ""

    @property
    def codes_text(self) -> str:
        """The CPT cell: primary code, then add-ons with their units when above one."""
        parts = [self.cpt] if self.cpt else []
        for code, units in self.add_ons:
            parts.append(f"+{code}" + (f" x{units}" if units > 1 else ""))
        return " ".join(parts)


@dataclass(frozen=True)
class DiagnosisLine:
    pointer: str
    code: str
    description: str


@dataclass
class Superbill:
    practice: PracticeProfile
    client: Client
    start: date
    end: date
    lines: list[SuperbillLine] = field(default_factory=list)
    diagnoses: list[DiagnosisLine] = field(default_factory=list)
    issued_on: date | None = None
    payments: list[Payment] = field(default_factory=list)  # for the lines above, by date
    left_out: list[date] = field(default_factory=list)  # sessions left out: note not signed

    @property
    def total_fee(self) -> Decimal:
        return money(sum((line.fee for line in self.lines), ZERO))

    @property
    def total_paid(self) -> Decimal:
        return money(sum((line.paid for line in self.lines), ZERO))

    @property
    def balance(self) -> Decimal:
        return self.total_fee - self.total_paid


def ordered_diagnoses(client: Client) -> list[Diagnosis]:
    """Primary diagnosis first (pointer A), then the others as entered, at most twelve."""
    primary = client.primary_diagnosis
    rest = [dx for dx in client.diagnoses if dx is not primary]
    return ([primary] if primary else []) + rest[: MAX_DIAGNOSES - 1]


def build_superbill(practice: PracticeProfile, client: Client,
                    appointments: Iterable[Appointment], payments: Iterable[Payment],
                    fees: dict[str, Decimal], policy: FeePolicy, start: date, end: date,
                    *, issued_on: date | None = None,
                    describe: Callable[[str], str] | None = None) -> Superbill:
    """The superbill of ``client`` for sessions dated ``start``..``end`` (inclusive)."""
    tz = practice.zone
    diagnoses = ordered_diagnoses(client)
    dx_lines = [DiagnosisLine(pointer=chr(ord("A") + i), code=dx.code,
                              description=dx.description or (describe(dx.code) if describe else ""))
                for i, dx in enumerate(diagnoses)]
    pointers = diagnosis_pointers(len(dx_lines))
    payments = list(payments)
    paid_by_appt: dict[int, Decimal] = {}
    for payment in payments:
        paid_by_appt[payment.appointment_id] = (paid_by_appt.get(payment.appointment_id, ZERO)
                                                + payment.amount)
    lines: list[SuperbillLine] = []
    for appt in sorted(appointments, key=lambda a: a.start):
        day = appt.start.astimezone(tz).date()
        if appt.client_id != client.id or not start <= day <= end or not is_billable(appt, policy):
            continue
        paid = money(paid_by_appt.get(appt.id, ZERO)) if appt.id is not None else ZERO
        pos = place_of_service(appt.modality, practice.telehealth_pos or "10")
        if appt.status is AppointmentStatus.ATTENDED:
            coded = coded_service(appt)
            fee = session_fee(appt, coded, fees, client.sliding_fee)
            lines.append(SuperbillLine(
                appointment_id=appt.id, date_of_service=day, place_of_service=pos,
                cpt=coded.primary, add_ons=coded.add_ons,
                modifiers=modifiers_for(appt.modality, practice.telehealth_modifier),
                units=1, pointers=pointers, fee=fee, paid=paid,
                description=CPT_DESCRIPTIONS.get(coded.primary, ""),
                no_code_reason=no_code_reason(appt)))
        else:
            label = "No-show" if appt.status is AppointmentStatus.NO_SHOW else "Late cancellation"
            lines.append(SuperbillLine(
                appointment_id=appt.id, date_of_service=day, place_of_service=pos, cpt="",
                add_ons=(), modifiers=(), units=1, pointers="",
                fee=missed_session_fee(appt.status, policy), paid=paid,
                description=f"{label} fee (practice policy; not billable to insurance)",
                missed=True))
    billed = {line.appointment_id for line in lines if line.appointment_id is not None}
    received = sorted((p for p in payments if p.appointment_id in billed),
                      key=lambda p: (p.paid_on, p.id or 0))
    return Superbill(practice=practice, client=client, start=start, end=end, lines=lines,
                     diagnoses=dx_lines, issued_on=issued_on, payments=received)


def payments_for(vault: Vault, appointments: Sequence[Appointment]) -> list[Payment]:
    found: list[Payment] = []
    for appt in appointments:
        if appt.id is not None:
            found.extend(vault.billing.payments.for_appointment(appt.id))
    return found


def superbill_for(vault: Vault, client_id: int, start: date, end: date,
                  *, issued_on: date | None = None,
                  unsigned: UnsignedChoice = UnsignedChoice.ASK) -> Superbill:
    """Gather everything for one client's superbill from an open vault (no checks yet).

    Sessions whose note is not signed follow ``unsigned`` (UnsignedSessions when ASK).
    """
    if end < start:
        raise InvalidInput("The superbill's end date is before its start date.")
    practice = vault.practice.get()
    client = vault.clients.get(client_id)
    policy = fee_policy(vault)
    lo, hi = day_bounds(start, end, practice.zone)
    appts = [a for a in vault.appointments.between(lo, hi, client_id=client_id)
             if a.client_id == client_id and is_billable(a, policy)]
    guarded = guard_unsigned(vault, client_id, appts, unsigned, practice.zone)
    bill = build_superbill(practice, client, guarded.appointments,
                           payments_for(vault, guarded.appointments),
                           vault.billing.fees.get_all(), policy, start, end,
                           issued_on=issued_on or date.today(), describe=description_of)
    bill.left_out = [a.start.astimezone(practice.zone).date() for a in guarded.left_out]
    return bill
