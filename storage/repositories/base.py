"""What every repository shares: the vault's database and audit log, a 'must exist' lookup, row
SQL. Repositories know the Database, never the Vault that owns them (no import cycle)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from models.errors import VaultError
from storage.audit import AuditLog
from storage.database import Database


class Repository:
    table: str = ""
    entity: str = ""  # the name used in audit entries

    def __init__(self, db: Database, audit: AuditLog) -> None:
        self._db = db
        self._audit_log = audit

    def _row(self, sql: str, params: tuple[Any, ...], what: str) -> Any:
        row = self._db.query_one(sql, params)
        if row is None:
            raise VaultError(f"{what} was not found in the vault.")
        return row

    def _audit(self, action: str, entity_id: int | None, detail: str = "") -> None:
        self._audit_log.record(action, self.entity, entity_id, detail)


def row_sql(table: str, columns: Sequence[str]) -> tuple[str, str, str]:
    """SELECT, INSERT and UPDATE statements for rows of ``id`` followed by ``columns``.

    The INSERT takes the id first (None lets SQLite assign one); the UPDATE takes the id last.
    """
    names = ", ".join(columns)
    select = f"SELECT id, {names} FROM {table}"
    insert = f"INSERT INTO {table} (id, {names}) VALUES (?{', ?' * len(columns)})"
    update = f"UPDATE {table} SET {', '.join(c + ' = ?' for c in columns)} WHERE id = ?"
    return select, insert, update


def changed_fields(before: object, after: object, fields: tuple[str, ...]) -> str:
    """Audit detail for an update: the names of the fields that changed, never their values."""
    names = [f for f in fields if getattr(before, f) != getattr(after, f)]
    return "changed: " + ",".join(names) if names else "no change"
