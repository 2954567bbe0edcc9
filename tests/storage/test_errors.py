"""SQLite failures sorted by their code: the user's environment is one plain sentence of the right
kind, an error in Stillnote's own SQL is a bug (logged without PHI), never the user's problem."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlcipher3 import dbapi2

from models.errors import NoteLocked, StillnoteError, StorageFull, VaultError
from storage.connection import DatabaseBug, translate
from storage.vault import Vault
from tests.storage.conftest import PASSPHRASE


@pytest.mark.parametrize(("message", "kind", "words"), [
    ("database or disk is full", StorageFull, "disk is full"),
    ("file is not a database", VaultError, "damaged"),
    ("database disk image is malformed", VaultError, "damaged"),
    ("database is locked", VaultError, "in use"),
    ("signed note is locked: add an addendum instead", NoteLocked, "addendum"),
])
def test_translation(message: str, kind: type[Exception], words: str) -> None:
    err = translate(dbapi2.OperationalError(message))
    assert type(err) is kind
    assert words in str(err)
    assert str(err).endswith(".") and "\n" not in str(err)


def _connection() -> dbapi2.Connection:
    conn = dbapi2.connect(":memory:", isolation_level=None)
    conn.execute("CREATE TABLE t (a INTEGER PRIMARY KEY, b TEXT NOT NULL UNIQUE)")
    conn.execute("INSERT INTO t VALUES (1, 'one')")
    return conn


def _raised(sql: str, conn: dbapi2.Connection | None = None) -> BaseException:
    conn = conn or _connection()
    with pytest.raises(dbapi2.DatabaseError) as raised:
        conn.execute(sql).fetchall()
    return raised.value


@pytest.mark.parametrize("sql", [
    "SELECT no_such_column FROM t",  # our SQL is wrong: SQLITE_ERROR
    "SELECT * FROM no_such_table",
    "INSERT INTO t (a, b) VALUES (2, NULL)",  # NOT NULL: Stillnote wrote what it should not
])
def test_our_own_sql_errors_are_bugs_not_the_users_problem(
        sql: str, caplog: pytest.LogCaptureFixture) -> None:
    err = translate(_raised(sql))
    assert isinstance(err, DatabaseBug) and not isinstance(err, StillnoteError)
    assert str(err).startswith("SQLITE_") and "no_such" not in str(err)
    logged = " ".join(r.getMessage() for r in caplog.records)
    assert "own SQL" in logged and "no_such" not in logged and "NULL" not in logged


def test_a_duplicate_record_is_the_users_conflict_by_its_code() -> None:
    err = translate(_raised("INSERT INTO t (a, b) VALUES (2, 'one')"))
    assert type(err) is VaultError and "conflicts" in str(err)


def test_a_foreign_file_is_damaged_by_its_code(tmp_path: Path) -> None:
    foreign = tmp_path / "foreign.db"
    foreign.write_bytes(b"not a database at all, only words " * 200)
    conn = dbapi2.connect(str(foreign))
    exc = _raised("SELECT count(*) FROM sqlite_master", conn)
    assert getattr(exc, "sqlite_errorname", "") == "SQLITE_NOTADB"
    err = translate(exc)
    assert type(err) is VaultError and "damaged" in str(err)


def test_a_file_held_by_another_process_is_in_use_by_its_code(tmp_path: Path) -> None:
    path = tmp_path / "busy.db"
    holder = dbapi2.connect(str(path), isolation_level=None)
    holder.execute("CREATE TABLE t (a)")
    holder.execute("BEGIN IMMEDIATE")
    other = dbapi2.connect(str(path), isolation_level=None, timeout=0)
    exc = _raised("BEGIN IMMEDIATE", other)
    assert getattr(exc, "sqlite_errorname", "") == "SQLITE_BUSY"
    err = translate(exc)
    assert type(err) is VaultError and "in use" in str(err)
    holder.execute("ROLLBACK")


def test_a_vault_query_with_a_bug_is_not_reported_as_the_users_file(vault_dir: Path) -> None:
    with Vault.create(vault_dir, PASSPHRASE)[0] as vault, pytest.raises(DatabaseBug):
        vault.query("SELECT legal_name_typo FROM clients")
