"""Statements and receipts for self-pay clients from the vault: gather (statement_data holds
what they contain), check, write the PDF (app/pdf/statement_pdf.py), record the export."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from app.billing.fees import fee_policy
from app.billing.statement_data import (
    Receipt,
    SessionCharge,
    Statement,
    build_statement,
    practice_problems,
    session_charge,
    statement_problems,
)
from app.billing.unsigned import UnsignedChoice, guard_unsigned
from app.pdf.statement_pdf import render_receipt, render_statement
from models.billing import is_billable
from models.common import date_text, day_bounds
from models.errors import InvalidInput, MissingBillingData

if TYPE_CHECKING:
    from storage.vault import Vault

__all__ = ["Receipt", "SessionCharge", "Statement", "export_receipt", "export_statement",
           "receipt_for", "self_pay_sessions", "statement_for"]


def statement_for(vault: Vault, client_id: int, start: date, end: date, *,
                  issued_on: date | None = None,
                  unsigned: UnsignedChoice = UnsignedChoice.ASK) -> Statement:
    """Gather the client's statement from the vault (sessions up to ``end``, guarded)."""
    if end < start:
        raise InvalidInput("The statement's end date is before its start date.")
    practice = vault.practice.get()
    client = vault.clients.get(client_id)
    policy = fee_policy(vault)
    _, until = day_bounds(end, end, practice.zone)
    appts = [a for a in vault.appointments.for_client(client_id)
             if a.start < until and is_billable(a, policy)]
    guarded = guard_unsigned(vault, client_id, appts, unsigned, practice.zone)
    left_out = {a.id for a in guarded.left_out}
    payments = [p for p in vault.billing.payments.for_client(client_id)
                if p.appointment_id not in left_out]
    statement = build_statement(practice, client, guarded.appointments, payments,
                                vault.billing.fees.get_all(), policy, start, end,
                                issued_on or date.today())
    statement.left_out = [a.start.astimezone(practice.zone).date() for a in guarded.left_out
                          if a.start.astimezone(practice.zone).date() >= start]
    return statement


def export_statement(vault: Vault, client_id: int, start: date, end: date, out: Path, *,
                     issued_on: date | None = None,
                     unsigned: UnsignedChoice = UnsignedChoice.ASK) -> Statement:
    """Write the client's statement for ``start``..``end``; MissingBillingData before any file
    is written, InvalidInput when there is nothing to state."""
    statement = statement_for(vault, client_id, start, end, issued_on=issued_on,
                              unsigned=unsigned)
    missing = statement_problems(statement)
    if missing:
        raise MissingBillingData(missing, "The statement")
    if not statement.entries and statement.previous_balance == 0:
        raise InvalidInput(f"There is nothing to state between {date_text(start)} and "
                           f"{date_text(end)}: no charge, payment or balance.")
    render_statement(statement, Path(out))
    vault.audit.record("export", "statement", client_id,
                       f"{start.isoformat()}..{end.isoformat()} lines={len(statement.entries)}")
    return statement


def receipt_for(vault: Vault, appointment_id: int, *, issued_on: date | None = None) -> Receipt:
    appt = vault.appointments.get(appointment_id)
    practice = vault.practice.get()
    client = vault.clients.get(appt.client_id)
    policy = fee_policy(vault)
    day = appt.start.astimezone(practice.zone).date()
    if not is_billable(appt, policy):
        raise InvalidInput(f"The session on {date_text(day)} was not held or charged, so it "
                           "has no receipt.")
    charge = session_charge(appt, client, vault.billing.fees.get_all(), policy, day)
    return Receipt(practice, client, charge, vault.billing.payments.for_appointment(appointment_id),
                   issued_on or date.today())


def export_receipt(vault: Vault, appointment_id: int, out: Path, *,
                   issued_on: date | None = None) -> Receipt:
    """Write a receipt for one session's payments (money received: no note guard)."""
    receipt = receipt_for(vault, appointment_id, issued_on=issued_on)
    missing = practice_problems(receipt.practice)
    if missing:
        raise MissingBillingData(missing, "The receipt")
    if not receipt.payments:
        raise InvalidInput(f"No payment is recorded for the session on "
                           f"{date_text(receipt.session.day)}; record it under Billing > "
                           "Payments first.")
    render_receipt(receipt, Path(out))
    vault.audit.record("export", "receipt", appointment_id,
                       f"client {receipt.client.id} payments={len(receipt.payments)}")
    return receipt


def self_pay_sessions(vault: Vault, client_id: int) -> Sequence[SessionCharge]:
    """The client's billable sessions with their charges, newest first (the receipt picker)."""
    practice = vault.practice.get()
    client = vault.clients.get(client_id)
    policy = fee_policy(vault)
    fees = vault.billing.fees.get_all()
    found = [session_charge(a, client, fees, policy, a.start.astimezone(practice.zone).date())
             for a in vault.appointments.for_client(client_id) if is_billable(a, policy)]
    return sorted(found, key=lambda c: c.day, reverse=True)
