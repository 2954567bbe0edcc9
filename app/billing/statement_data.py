"""What a statement (a period: balance forward, charges, payments, balance due) and a receipt
(one session: its charge and the payments received) hold, built from model objects (pure).

The charges are the same as on superbills and in Billing > Payments (the appointment's fee,
the sliding scale, or the fee schedule).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from models.appointment import Appointment, AppointmentStatus
from models.billing import (
    CPT_DESCRIPTIONS,
    FeePolicy,
    Payment,
    coded_service,
    is_billable,
    missed_session_fee,
    money,
    session_fee,
)
from models.client import Client
from models.common import date_text
from models.practice import PracticeProfile

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class SessionCharge:
    appointment_id: int | None
    day: date
    description: str
    code: str
    amount: Decimal


@dataclass(frozen=True)
class StatementEntry:
    """One line of the account in date order: a charge or a payment."""

    day: date
    description: str
    charge: Decimal = ZERO
    payment: Decimal = ZERO


@dataclass
class Statement:
    practice: PracticeProfile
    client: Client
    start: date
    end: date
    issued_on: date
    previous_balance: Decimal
    entries: list[StatementEntry] = field(default_factory=list)
    charges_missing_fee: list[date] = field(default_factory=list)
    left_out: list[date] = field(default_factory=list)  # sessions left out: note not signed

    @property
    def charges(self) -> Decimal:
        return money(sum((e.charge for e in self.entries), ZERO))

    @property
    def payments(self) -> Decimal:
        return money(sum((e.payment for e in self.entries), ZERO))

    @property
    def balance_due(self) -> Decimal:
        return money(self.previous_balance + self.charges - self.payments)


@dataclass
class Receipt:
    practice: PracticeProfile
    client: Client
    session: SessionCharge
    payments: list[Payment]
    issued_on: date

    @property
    def paid(self) -> Decimal:
        return money(sum((p.amount for p in self.payments), ZERO))

    @property
    def balance(self) -> Decimal:
        return money(self.session.amount - self.paid)


def session_charge(appt: Appointment, client: Client, fees: dict[str, Decimal],
                   policy: FeePolicy, day: date) -> SessionCharge:
    """What one billable session costs and how a statement names it."""
    if appt.status is AppointmentStatus.ATTENDED:
        coded = coded_service(appt)
        codes = " + ".join(coded.all_codes)
        what = CPT_DESCRIPTIONS.get(coded.primary, f"{appt.service.value.capitalize()} session")
        return SessionCharge(appt.id, day, f"{what} ({codes})" if codes else what, codes,
                             session_fee(appt, coded, fees, client.sliding_fee))
    label = "No-show" if appt.status is AppointmentStatus.NO_SHOW else "Late cancellation"
    return SessionCharge(appt.id, day, f"{label} fee (practice policy)", "",
                         missed_session_fee(appt.status, policy))


def build_statement(practice: PracticeProfile, client: Client,
                    appointments: Iterable[Appointment], payments: Iterable[Payment],
                    fees: dict[str, Decimal], policy: FeePolicy, start: date, end: date,
                    issued_on: date) -> Statement:
    """The account from ``start`` to ``end``: what was owed before, then each charge and
    payment in date order (a charge before a payment of the same day)."""
    zone = practice.zone
    previous = ZERO
    entries: list[tuple[date, int, StatementEntry]] = []
    missing_fee: list[date] = []
    session_days: dict[int, date] = {}
    for appt in sorted(appointments, key=lambda a: a.start):
        day = appt.start.astimezone(zone).date()
        if appt.client_id != client.id or day > end or not is_billable(appt, policy):
            continue
        charge = session_charge(appt, client, fees, policy, day)
        if appt.id is not None:
            session_days[appt.id] = day
        if day < start:
            previous += charge.amount
            continue
        if charge.amount <= 0:
            missing_fee.append(day)
        entries.append((day, 0, StatementEntry(day, charge.description, charge=charge.amount)))
    for payment in payments:
        if payment.paid_on > end:
            continue
        if payment.paid_on < start:
            previous -= payment.amount
            continue
        session = session_days.get(payment.appointment_id)
        what = f"Payment, {payment.method}" + (
            f", for the session of {date_text(session)}" if session else "")
        entries.append((payment.paid_on, 1, StatementEntry(payment.paid_on, what,
                                                           payment=payment.amount)))
    entries.sort(key=lambda e: (e[0], e[1]))
    return Statement(practice=practice, client=client, start=start, end=end,
                     issued_on=issued_on, previous_balance=money(previous),
                     entries=[e for _, _, e in entries], charges_missing_fee=missing_fee)


def statement_problems(statement: Statement) -> list[str]:
    """What a statement needs and lacks (never the client's name)."""
    missing = practice_problems(statement.practice)
    missing += [f"a fee for the session on {date_text(day)} (set one under Billing > Fees)"
                for day in statement.charges_missing_fee]
    return missing


def practice_problems(practice: PracticeProfile) -> list[str]:
    missing: list[str] = []
    if not (practice.practice_name.strip() or practice.clinician_name.strip()):
        missing.append("the practice name")
    if practice.address.is_empty():
        missing.append("the practice address")
    return missing
