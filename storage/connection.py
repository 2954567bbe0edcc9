"""Opening the SQLCipher file with the raw data key, and turning SQLite errors into plain ones.

The connection runs in autocommit mode; ``Vault.transaction`` issues BEGIN IMMEDIATE / SAVEPOINT
itself so every repository write and its audit entry commit together.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import TypeAlias, cast

import sqlcipher3
from sqlcipher3 import dbapi2

from models.errors import NoteLocked, StillnoteError, StorageFull, VaultError

DB_FILE = "stillnote.db"
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


def connect(db_path: Path, data_key: bytes, *, create: bool = False) -> Connection:
    """An open, keyed connection. Reads only until the caller decides to write."""
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
        conn = cast(Connection, sqlcipher3.connect(
            str(db_path), isolation_level=None, check_same_thread=False, timeout=5.0))
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
        conn.execute("PRAGMA synchronous = NORMAL")  # WAL + NORMAL: committed survives a crash
        conn.execute("PRAGMA foreign_keys = ON")
        # Freed pages are overwritten, so deleted drafts do not linger in the file.
        conn.execute("PRAGMA secure_delete = ON")
    except dbapi2.Error as exc:
        raise translate(exc) from None


def translate(exc: BaseException) -> StillnoteError:
    """The user-facing error for a SQLite failure (the message never carries row content)."""
    text = str(exc).lower()
    if SIGNED_NOTE_MESSAGE in text:
        return NoteLocked("The note is signed and cannot be changed; add an addendum instead.")
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return VaultError(DAMAGED)
    if "disk is full" in text or "database or disk is full" in text:
        return StorageFull("The disk is full, so the change was not saved; nothing was lost.")
    if "database is locked" in text or "database is busy" in text:
        return VaultError("The vault is in use by another Stillnote window; close it and "
                          "try again.")
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return VaultError("The vault file cannot be written; check the folder's permissions.")
    if "foreign key" in text:
        return VaultError("The record refers to a client or appointment that does not exist.")
    if isinstance(exc, dbapi2.IntegrityError):
        return VaultError("The change conflicts with a record already in the vault.")
    return VaultError("The vault could not be read or written "
                      f"({type(exc).__name__}); nothing was changed.")
