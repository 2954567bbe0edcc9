"""One open SQLCipher connection shared by the vault, its audit log and its repositories.

A lock serializes threads (a backup on a worker while the window reads), ``transaction`` makes
each write atomic (nested calls become savepoints of the outer one), and every SQLite error is
sorted by ``storage.connection.translate``. Repositories and the audit log hold this, not the
Vault, so the vault can import them without the two knowing each other.

A database that failed the vault's checks on unlock carries a ``refusal`` (the sentence saying
why): it refuses every transaction and is closed without a checkpoint, so nothing is written
to it; one whose schema is older than this version's (an older copy put back after an upgrade)
refuses reads too (``readable``), since this version's queries do not fit it.
``after_commit`` runs after each outermost commit (the vault keeps its audit head there).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from typing import Any

from models.errors import VaultError
from storage.connection import Connection, DatabaseError, translate

Params = Sequence[Any] | dict[str, Any]


class Database:
    def __init__(self, conn: Connection, refusal: str = "") -> None:
        self._conn: Connection | None = conn
        self.lock = threading.RLock()
        self._depth = 0
        self.refusal = refusal
        self.readable = True
        self.after_commit: Callable[[Connection], None] | None = None

    @property
    def connection(self) -> Connection:
        if self._conn is None:
            raise VaultError("The vault is locked; unlock it again to continue.")
        return self._conn

    @property
    def is_open(self) -> bool:
        return self._conn is not None

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One atomic write; nested calls become savepoints of the outer transaction."""
        with self.lock:
            conn = self.connection
            if self.refusal:
                raise VaultError(self.refusal)
            depth = self._depth
            try:
                conn.execute("BEGIN IMMEDIATE" if depth == 0 else f"SAVEPOINT sp{depth}")
            except DatabaseError as exc:
                raise translate(exc) from None
            self._depth += 1
            try:
                yield conn
            except BaseException as exc:
                self._depth -= 1
                # SQLite may already have rolled back by itself (e.g. disk full).
                with suppress(DatabaseError):
                    if depth == 0:
                        conn.execute("ROLLBACK")
                    else:
                        conn.execute(f"ROLLBACK TO sp{depth}")
                        conn.execute(f"RELEASE sp{depth}")
                if isinstance(exc, DatabaseError):
                    raise translate(exc) from None
                raise
            else:
                self._depth -= 1
                try:
                    conn.execute("COMMIT" if depth == 0 else f"RELEASE sp{depth}")
                except DatabaseError as exc:
                    if depth == 0:
                        with suppress(DatabaseError):
                            conn.execute("ROLLBACK")
                    raise translate(exc) from None
                if depth == 0 and self.after_commit is not None:
                    self.after_commit(conn)

    def query(self, sql: str, params: Params = ()) -> list[Any]:
        with self.lock:
            if not self.readable:
                raise VaultError(self.refusal)
            try:
                return list(self.connection.execute(sql, params).fetchall())
            except DatabaseError as exc:
                raise translate(exc) from None

    def query_one(self, sql: str, params: Params = ()) -> Any:
        rows = self.query(sql, params)
        return rows[0] if rows else None

    def close(self) -> None:
        with self.lock:
            if self._conn is None:
                return
            if not self.refusal:
                with suppress(DatabaseError):
                    # Fold the WAL back into the main file so the folder is one file at rest.
                    self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self._conn.close()
            self._conn = None
