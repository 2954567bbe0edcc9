"""Billing records: payments, insurance authorizations and the fee schedule."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any

from models.billing import Authorization, Payment
from storage.audit import AuditLog
from storage.codec import date_text, date_value, money_text, money_value
from storage.database import Database
from storage.repositories.base import Repository
from storage.repositories.estimates import EstimateRepository


def _payment(r: Any) -> Payment:
    return Payment(id=r[0], appointment_id=r[1], amount=money_value(r[2]),
                   paid_on=date_value(r[3]) or _missing(), method=r[4])


def _authorization(r: Any) -> Authorization:
    return Authorization(id=r[0], client_id=r[1], number=r[2], sessions_authorized=r[3],
                         start=date_value(r[4]) or _missing(), end=date_value(r[5]) or _missing(),
                         payer=r[6])


def _missing() -> Any:
    raise ValueError("a required date is missing")


class PaymentRepository(Repository):
    entity = "payment"
    _select = "SELECT id, appointment_id, amount, paid_on, method FROM payments"

    def add(self, payment: Payment) -> Payment:
        with self._db.transaction() as conn:
            cur = conn.execute(
                "INSERT INTO payments (id, appointment_id, amount, paid_on, method) "
                "VALUES (?, ?, ?, ?, ?)", (payment.id, payment.appointment_id,
                                           money_text(payment.amount), date_text(payment.paid_on),
                                           payment.method))
            stored = replace(payment, id=int(cur.lastrowid or 0))
            self._audit("create", stored.id, f"appointment {payment.appointment_id}")
        return stored

    def for_appointment(self, appt_id: int) -> list[Payment]:
        rows = self._db.query(self._select + " WHERE appointment_id = ? ORDER BY paid_on, id",
                                 (appt_id,))
        return [_payment(r) for r in rows]

    def for_client(self, client_id: int) -> list[Payment]:
        rows = self._db.query(
            self._select + " WHERE appointment_id IN (SELECT id FROM appointments "
            "WHERE client_id = ?) ORDER BY paid_on, id", (client_id,))
        return [_payment(r) for r in rows]

    def all(self) -> list[Payment]:
        return [_payment(r) for r in self._db.query(self._select + " ORDER BY paid_on, id")]

    def delete(self, payment_id: int) -> None:
        with self._db.transaction() as conn:
            conn.execute("DELETE FROM payments WHERE id = ?", (payment_id,))
            self._audit("delete", payment_id)


class AuthorizationRepository(Repository):
    entity = "authorization"
    _select = ("SELECT id, client_id, number, sessions_authorized, start_date, end_date, payer "
               "FROM authorizations")

    def add(self, auth: Authorization) -> Authorization:
        with self._db.transaction() as conn:
            cur = conn.execute(
                "INSERT INTO authorizations (id, client_id, number, sessions_authorized, "
                "start_date, end_date, payer) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (auth.id, auth.client_id, auth.number, auth.sessions_authorized,
                 date_text(auth.start), date_text(auth.end), auth.payer))
            stored = replace(auth, id=int(cur.lastrowid or 0))
            self._audit("create", stored.id, f"client {auth.client_id}")
        return stored

    def update(self, auth: Authorization) -> Authorization:
        if auth.id is None:
            raise ValueError("update needs a stored authorization")
        with self._db.transaction() as conn:
            self._row("SELECT id FROM authorizations WHERE id = ?", (auth.id,),
                      "The authorization")
            conn.execute(
                "UPDATE authorizations SET client_id = ?, number = ?, sessions_authorized = ?, "
                "start_date = ?, end_date = ?, payer = ? WHERE id = ?",
                (auth.client_id, auth.number, auth.sessions_authorized, date_text(auth.start),
                 date_text(auth.end), auth.payer, auth.id))
            self._audit("update", auth.id, f"client {auth.client_id}")
        return replace(auth)

    def for_client(self, client_id: int) -> list[Authorization]:
        rows = self._db.query(self._select + " WHERE client_id = ? ORDER BY start_date, id",
                                 (client_id,))
        return [_authorization(r) for r in rows]

    def all(self) -> list[Authorization]:
        return [_authorization(r) for r in self._db.query(self._select + " ORDER BY id")]


class FeeScheduleRepository(Repository):
    entity = "fee"

    def get_all(self) -> dict[str, Decimal]:
        rows = self._db.query("SELECT cpt, fee FROM fee_schedule ORDER BY cpt")
        return {str(r[0]): money_value(r[1]) for r in rows}

    def set(self, cpt: str, fee: Decimal) -> None:
        with self._db.transaction() as conn:
            conn.execute("INSERT INTO fee_schedule (cpt, fee) VALUES (?, ?) "
                         "ON CONFLICT(cpt) DO UPDATE SET fee = excluded.fee",
                         (cpt, money_text(fee)))
            self._audit("update", None, f"cpt {cpt}")


class BillingRepository:
    """vault.billing.payments / .authorizations / .fees / .estimates"""

    def __init__(self, db: Database, audit: AuditLog) -> None:
        self.payments = PaymentRepository(db, audit)
        self.authorizations = AuthorizationRepository(db, audit)
        self.fees = FeeScheduleRepository(db, audit)
        self.estimates = EstimateRepository(db, audit)
