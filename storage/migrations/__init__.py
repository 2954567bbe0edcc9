"""Numbered schema steps. Each runs in one transaction together with its PRAGMA user_version bump,
so a crash leaves the vault at the previous version, never half-way (see Vault._migrate).

A step is a module with VERSION and STATEMENTS, and optionally ``apply(conn)`` for the part SQL
alone cannot do (migration 3 makes the signing key and signs the notes already signed). A step
that rebuilds a table others refer to sets ``FOREIGN_KEYS_OFF``: foreign keys are off while it
runs (SQLite ignores that pragma inside a transaction, so it is set before) and every reference
is checked before the step commits (the documents' step, m007_documents)."""

from __future__ import annotations

from types import ModuleType

from storage.connection import Connection, DatabaseBug
from storage.migrations import (
    m001_initial,
    m002_billing_settings,
    m003_signatures,
    m004_measures,
    m005_billing_details,
    m006_client_details,
    m007_documents,
)

MIGRATIONS: tuple[ModuleType, ...] = (m001_initial, m002_billing_settings, m003_signatures,
                                      m004_measures, m005_billing_details, m006_client_details,
                                      m007_documents)
LATEST_VERSION: int = MIGRATIONS[-1].VERSION


def schema_version(conn: Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def apply_migrations(conn: Connection, up_to: int = LATEST_VERSION) -> list[int]:
    """Apply every step above the file's version up to ``up_to``; returns the versions applied."""
    applied: list[int] = []
    for step in MIGRATIONS:
        version = int(step.VERSION)
        if version <= schema_version(conn) or version > up_to:
            continue
        keys_off = bool(getattr(step, "FOREIGN_KEYS_OFF", False))
        if keys_off:
            conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in step.STATEMENTS:
                conn.execute(statement)
            if hasattr(step, "apply"):
                step.apply(conn)
            if keys_off and conn.execute("PRAGMA foreign_key_check").fetchone() is not None:
                raise DatabaseBug(f"schema step {version} left a broken reference")
            conn.execute(f"PRAGMA user_version = {version}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        finally:
            if keys_off:
                conn.execute("PRAGMA foreign_keys = ON")
        applied.append(version)
    return applied
