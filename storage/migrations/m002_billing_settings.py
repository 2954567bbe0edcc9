"""Schema v2: billing (payments, authorizations, fee schedule) and in-vault settings."""

from __future__ import annotations

VERSION = 2

STATEMENTS: tuple[str, ...] = (
    """CREATE TABLE payments (
        id INTEGER PRIMARY KEY,
        appointment_id INTEGER NOT NULL REFERENCES appointments(id),
        amount TEXT NOT NULL,
        paid_on TEXT NOT NULL,
        method TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX payments_appointment ON payments(appointment_id)",
    """CREATE TABLE authorizations (
        id INTEGER PRIMARY KEY,
        client_id INTEGER NOT NULL REFERENCES clients(id),
        number TEXT NOT NULL,
        sessions_authorized INTEGER NOT NULL,
        start_date TEXT NOT NULL,
        end_date TEXT NOT NULL,
        payer TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX authorizations_client ON authorizations(client_id)",
    """CREATE TABLE fee_schedule (
        cpt TEXT PRIMARY KEY,
        fee TEXT NOT NULL
    )""",
    """CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    )""",
)
