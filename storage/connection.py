"""Opening the SQLCipher file with the raw data key, and sorting SQLite errors by their code.

The user's environment (a damaged file, a full disk, a folder that cannot be written, another
process holding the file) becomes one plain sentence; an error in Stillnote's own SQL becomes a
DatabaseBug, which the CLI reports with exit 70 and the window as "something went wrong", as
qutebrowser's misc/sql.py does.

The connection runs in autocommit mode; ``Vault.transaction`` issues BEGIN IMMEDIATE / SAVEPOINT
itself so every repository write and its audit entry commit together.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TypeAlias, cast

import sqlcipher3
from sqlcipher3 import dbapi2

from models.errors import (
    InvalidInput,
    NoteLocked,
    StillnoteBug,
    StillnoteError,
    StorageFull,
    VaultError,
)
from storage.files import DB_FILE as DB_FILE  # the name the vault's modules use

log = logging.getLogger(__name__)

DAMAGED = "The vault file is damaged and cannot be opened; restore it from a backup."
SIGNED_NOTE_MESSAGE = "signed note is locked"

# sqlcipher3 is the sqlite3 DB-API with encryption; it ships no type hints, so the standard
# library's types describe it.
Connection: TypeAlias = sqlite3.Connection
DatabaseError = dbapi2.DatabaseError


def key_pragma(data_key: bytes) -> str:
    # A raw 256-bit key in x'..' form: SQLCipher skips its own PBKDF2, so opening is instant;
    # the memory-hard work happened once in argon2id when the key was unwrapped.
    return f"PRAGMA key = \"x'{data_key.hex()}'\""


def connect(db_path: Path, data_key: bytes, *, create: bool = False,
            read_only: bool = False) -> Connection:
    """An open, keyed connection. Reads only until the caller decides to write.

    ``read_only`` opens it so that SQLite can write nothing (not even a checkpoint of the WAL
    when it closes): how a vault is checked before anything is written, and how a vault that
    failed those checks stays open. Without a WAL the file is opened as immutable, so SQLite
    does not even create an empty one (a lost WAL stays lost, visibly).
    """
    if create:
        # An empty file is a valid new database; creating it ourselves fixes its mode to 0600,
        # and SQLite gives the -wal and -shm files the same mode as the database file.
        fd = os.open(db_path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        os.close(fd)
    elif not db_path.exists():
        raise VaultError(f"The vault file {db_path.name} is missing; restore it from a backup.")
    elif db_path.stat().st_size == 0:
        # SQLite takes an empty file for a new database and would quietly start an empty vault
        # in place of a practice truncated by a crash or a sync client.
        raise VaultError(DAMAGED)
    try:
        target = str(db_path)
        if read_only:
            has_wal = Path(f"{db_path}-wal").exists()
            target = f"{Path(db_path).resolve().as_uri()}?{'mode=ro' if has_wal else 'immutable=1'}"
        conn = cast(Connection, sqlcipher3.connect(
            target, isolation_level=None, check_same_thread=False, timeout=5.0,
            uri=read_only))
    except dbapi2.Error as exc:
        raise translate(exc) from None
    try:
        # SQLCipher logs decryption failures (page numbers, no content) straight to stderr;
        # the user gets one sentence from translate() instead.
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(key_pragma(data_key))
        conn.execute("PRAGMA temp_store = MEMORY")
        # Reading the schema is the first real use of the key: a damaged or foreign file fails here.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except dbapi2.Error as exc:
        conn.close()
        raise translate(exc) from None
    return conn


def configure_for_writing(conn: Connection) -> None:
    try:
        conn.execute("PRAGMA journal_mode = WAL").fetchone()
        # FULL: each commit is fsynced in the WAL before COMMIT returns, so a power cut keeps
        # it too (NORMAL keeps it through a crash only), and the audit head written after a
        # commit never runs ahead of what is on disk. The vault also checkpoints after every
        # commit (Vault._after_commit), so a committed record is in the main file right away
        # and a lost or damaged WAL costs nothing already committed. Measured in
        # tests/benchmarks/bench_durability.py.
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        # A REPLACE conflict then fires DELETE triggers too (the signed-note triggers of
        # migration 3 refuse REPLACE on their own, for connections without this pragma).
        conn.execute("PRAGMA recursive_triggers = ON")
        # Freed pages are overwritten, so deleted drafts do not linger in the file.
        conn.execute("PRAGMA secure_delete = ON")
    except dbapi2.Error as exc:
        raise translate(exc) from None


def pages_are_intact(conn: Connection) -> bool:
    """Whether every page of the main file passes its HMAC (SQLCipher reads the whole file).

    Run on unlock before anything is written: a damaged page elsewhere in the file would
    otherwise surface only when read, after the unlock had already written to the vault.
    """
    try:
        return not conn.execute("PRAGMA cipher_integrity_check").fetchall()
    except dbapi2.DatabaseError:
        return False


class DatabaseBug(StillnoteBug):
    """SQLite refused Stillnote's own SQL (a syntax error, a missing column, a misuse): our bug.

    ``str`` is the SQLite error name and code only; the message may quote SQL or values.
    """


# Primary result codes (https://sqlite.org/rescode.html); extended codes keep them in the low byte.
SQLITE_PERM, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_NOMEM, SQLITE_READONLY = 3, 5, 6, 7, 8
SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_PROTOCOL = 10, 11, 13, 14, 15
SQLITE_TOOBIG, SQLITE_CONSTRAINT, SQLITE_NOTADB = 18, 19, 26

IN_USE = "The vault is in use by another Stillnote window; close it and try again."
NOT_WRITABLE = "The vault file cannot be written; check the folder's permissions."
DISK_FULL = "The disk is full, so the change was not saved; nothing was lost."

# What the user's environment causes, by primary code: the sentence they see.
_ENVIRONMENT: dict[int, Callable[[], StillnoteError]] = {
    SQLITE_CORRUPT: lambda: VaultError(DAMAGED),
    SQLITE_NOTADB: lambda: VaultError(DAMAGED),
    SQLITE_FULL: lambda: StorageFull(DISK_FULL),
    SQLITE_BUSY: lambda: VaultError(IN_USE),
    SQLITE_LOCKED: lambda: VaultError(IN_USE),
    SQLITE_PROTOCOL: lambda: VaultError(IN_USE),
    SQLITE_READONLY: lambda: VaultError(NOT_WRITABLE),
    SQLITE_PERM: lambda: VaultError(NOT_WRITABLE),
    SQLITE_CANTOPEN: lambda: VaultError(NOT_WRITABLE),
    SQLITE_IOERR: lambda: VaultError("The vault file could not be read or written (a disk "
                                     "error); nothing was changed."),
    SQLITE_NOMEM: lambda: StorageFull("This computer ran out of memory, so nothing was changed; "
                                      "close other programs and try again."),
    SQLITE_TOOBIG: lambda: InvalidInput("The text is too long to be saved; shorten it."),
}

# Errors raised without a code (by the driver itself, or built in a test) are sorted by their
# message, as qutebrowser does for drivers that do not report one; anything else is a bug.
_ENVIRONMENT_WORDS: tuple[tuple[tuple[str, ...], int], ...] = (
    (("not a database", "malformed", "corrupt"), SQLITE_CORRUPT),
    (("disk is full",), SQLITE_FULL),
    (("database is locked", "database is busy"), SQLITE_BUSY),
    (("readonly", "read-only", "unable to open"), SQLITE_READONLY),
)


def _constraint(exc: BaseException) -> StillnoteError | None:
    """A refused write the user can cause (a signed note, a missing or duplicate record).

    The driver reports only the primary code, so the kind of constraint comes from the fixed
    words SQLite (or our trigger) puts first in the message.
    """
    text = str(exc).lower()
    if SIGNED_NOTE_MESSAGE in text:
        return NoteLocked()
    if "append-only" in text or "signing keys cannot be changed" in text:
        return VaultError("The vault's history cannot be changed; nothing was written.")
    if "foreign key" in text:
        return VaultError("The record refers to a client or appointment that does not exist.")
    if "unique" in text:
        return VaultError("The change conflicts with a record already in the vault.")
    return None  # NOT NULL, CHECK and other triggers: Stillnote wrote what it should not


def translate(exc: BaseException) -> StillnoteError | DatabaseBug:
    """The user's sentence for an environment failure, else a DatabaseBug (logged, no PHI)."""
    code = getattr(exc, "sqlite_errorcode", None)
    name = str(getattr(exc, "sqlite_errorname", "") or type(exc).__name__)
    if not isinstance(code, int):  # no code: sort by the words SQLite uses for each case
        text = str(exc).lower()
        code = next((c for words, c in _ENVIRONMENT_WORDS if any(w in text for w in words)),
                    SQLITE_CONSTRAINT if isinstance(exc, dbapi2.IntegrityError) else -1)
    primary = code & 0xFF if code >= 0 else code
    if primary == SQLITE_CONSTRAINT:
        refused = _constraint(exc)
        if refused is not None:
            return refused
    elif primary in _ENVIRONMENT:
        return _ENVIRONMENT[primary]()
    elif SIGNED_NOTE_MESSAGE in str(exc).lower():  # a trigger's RAISE seen without its code
        return NoteLocked()
    log.error("database error in Stillnote's own SQL: %s (%s)", name, code)
    return DatabaseBug(f"{name} ({code})")
