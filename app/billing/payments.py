"""Marking sessions paid, and what is still owed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from app.billing.fees import fee_policy
from models.appointment import Appointment, AppointmentStatus
from models.billing import (
    Payment,
    coded_service,
    is_billable,
    missed_session_fee,
    money,
    session_fee,
)
from models.errors import InvalidInput

if TYPE_CHECKING:
    from storage.vault import Vault

METHODS = ("card", "cash", "check", "HSA/FSA", "bank transfer", "other")


def parse_amount(text: str | Decimal, *, allow_zero: bool = False) -> Decimal:
    """A positive amount of money with at most two decimals, e.g. "150" or "$1,200.50"."""
    try:
        value = Decimal(str(text).strip().replace("$", "").replace(",", ""))
    except InvalidOperation:
        raise InvalidInput(f"{str(text).strip() or 'An empty amount'} is not an amount of "
                           "money.") from None
    if not value.is_finite() or value < 0 or (value == 0 and not allow_zero):
        raise InvalidInput("An amount must be more than zero." if value == 0
                           else f"{str(text).strip()} is not an amount of money.")
    if value != value.quantize(Decimal("0.01")):
        raise InvalidInput("A payment has at most two decimals (cents).")
    return money(value)


def mark_paid(vault: Vault, appointment_id: int, amount: str | Decimal, paid_on: date,
              method: str = "card") -> Payment:
    """Record a payment for one session (several partial payments may add up)."""
    vault.appointments.get(appointment_id)  # VaultError if there is no such session
    method = method.strip()
    if not method:
        raise InvalidInput("Say how the session was paid (card, cash, check...).")
    stored: Payment = vault.billing.payments.add(
        Payment(appointment_id=appointment_id, amount=parse_amount(amount), paid_on=paid_on,
                method=method))
    return stored


@dataclass(frozen=True)
class Balance:
    appointment: Appointment
    fee: Decimal
    paid: Decimal

    @property
    def owed(self) -> Decimal:
        return self.fee - self.paid


def balances(vault: Vault, client_id: int) -> list[Balance]:
    """Each billable session of the client with its fee and what has been paid, oldest first."""
    policy = fee_policy(vault)
    fees = vault.billing.fees.get_all()
    sliding = vault.clients.get(client_id).sliding_fee
    paid = _paid_by_session(vault.billing.payments.for_client(client_id))
    result: list[Balance] = []
    for appt in vault.appointments.for_client(client_id):
        if not is_billable(appt, policy):
            continue
        if appt.status is AppointmentStatus.ATTENDED:
            fee = session_fee(appt, coded_service(appt), fees, sliding)
        else:
            fee = missed_session_fee(appt.status, policy)
        result.append(Balance(appt, fee, money(paid.get(appt.id or -1, Decimal("0")))))
    return result


def _paid_by_session(payments: list[Payment]) -> dict[int, Decimal]:
    paid: dict[int, Decimal] = {}
    for payment in payments:
        paid[payment.appointment_id] = paid.get(payment.appointment_id, Decimal("0")) \
            + payment.amount
    return paid


@dataclass(frozen=True)
class ClientBalance:
    """What a client has been charged and has paid, all sessions together."""

    charged: Decimal
    paid: Decimal

    @property
    def owed(self) -> Decimal:
        """Above zero: the client owes it; below zero: a credit (paid ahead)."""
        return self.charged - self.paid


def client_balance(vault: Vault, client_id: int) -> ClientBalance:
    """The client's balance for the client page's header: every billable session's fee (the
    same fees as statements and superbills) against every payment recorded, including
    payments made ahead for sessions not yet held."""
    charged = sum((b.fee for b in balances(vault, client_id)), Decimal("0.00"))
    paid = sum((p.amount for p in vault.billing.payments.for_client(client_id)),
               Decimal("0.00"))
    return ClientBalance(money(charged), money(paid))
