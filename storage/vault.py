"""The vault: one encrypted SQLCipher file plus its key file in a folder the owner alone can read.

Opening order matters for "a wrong passphrase changes not one byte": keys.json is read, the data
key is unwrapped and verified, and only then is the database opened at all, first read-only:
its pages, schema version and audit head (storage/head.py) are checked before anything is
written. A vault that lost changes stays open read-only and says so (``read_only_reason``).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any

from models.errors import StillnoteError, VaultError, VaultTooNew
from storage import keyring_store
from storage.audit import GENESIS, AuditLog
from storage.connection import (
    DAMAGED,
    DB_FILE,
    Connection,
    DatabaseError,
    configure_for_writing,
    connect,
    key_pragma,
    pages_are_intact,
    translate,
)
from storage.database import Database, Params
from storage.files import copy_file_atomic, is_vault
from storage.head import (
    HEAD_FILE,
    ChainHead,
    HeadProblem,
    chain_head,
    head_problem,
    write_head,
)
from storage.keys import KEYS_FILE, KeyFile, has_checksum, new_key_file
from storage.migrations import LATEST_VERSION, apply_migrations, schema_version
from storage.recovery import (
    finish_interrupted_restore,
    forget_journal,
    remove_leftovers,
    take_notice,
)
from storage.repositories import (
    AppointmentRepository,
    BillingRepository,
    ClientRepository,
    GoalRepository,
    MeasureRepository,
    NoteRepository,
    PracticeRepository,
    SettingsRepository,
)
from storage.signing import Signatures

log = logging.getLogger(__name__)


class Vault:
    """An unlocked practice. Create with ``Vault.create`` or ``Vault.open``; close when done."""

    def __init__(self, path: Path, conn: Connection, key_file: KeyFile, data_key: bytes,
                 problem: HeadProblem | None = None) -> None:
        self.path = path
        self.actor = "clinician"  # solo practice: the one person who can unlock the vault
        # A vault that failed its checks on unlock (``problem``) refuses every write.
        self.problem = problem
        self._db = Database(conn, problem.read_only_sentence if problem is not None else "")
        self._db.after_commit = self._after_commit
        self._key_file = key_file
        self._data_key = data_key
        self._head: ChainHead | None = None  # the head last written to stillnote.head
        self.notices: list[str] = []  # sentences for the user about this unlock
        self.audit = AuditLog(self._db, self.actor)
        self.signing = Signatures(self._db)
        self.practice = PracticeRepository(self._db, self.audit)
        self.clients = ClientRepository(self._db, self.audit)
        self.goals = GoalRepository(self._db, self.audit)
        self.appointments = AppointmentRepository(self._db, self.audit)
        self.notes = NoteRepository(self._db, self.audit, self.signing)
        self.billing = BillingRepository(self._db, self.audit)
        self.settings = SettingsRepository(self._db, self.audit)
        self.measures = MeasureRepository(self._db, self.audit)

    # --- creating and opening ---------------------------------------------------------------
    @staticmethod
    def exists(vault_dir: Path) -> bool:
        finish_interrupted_restore(Path(vault_dir))
        return is_vault(vault_dir)

    @classmethod
    def create(cls, vault_dir: Path, passphrase: str) -> tuple[Vault, str]:
        """A new empty vault and its recovery key (show it once; it is stored nowhere)."""
        vault_dir = Path(vault_dir)
        if (vault_dir / KEYS_FILE).exists():
            raise VaultError(f"A vault already exists in {vault_dir}.")
        if (vault_dir / DB_FILE).exists():
            # Without keys.json nothing can open that file, but deleting it is the user's call.
            raise VaultError(f"The folder {vault_dir} holds a vault file without its key file; "
                             "move it away or choose another folder.")
        key_file, data_key, recovery_key = new_key_file(passphrase)
        try:
            vault_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
            os.chmod(vault_dir, 0o700)
        except OSError as exc:
            raise VaultError(
                f"The folder {vault_dir} cannot be created ({exc.strerror}).") from None
        conn = connect(vault_dir / DB_FILE, data_key, create=True)
        try:
            configure_for_writing(conn)
            write_head(vault_dir, key_file.vault_id, data_key, ChainHead(0, GENESIS))
            apply_migrations(conn)
            # keys.json last: a folder without it is not a vault.
            key_file.save(vault_dir)
        except BaseException as exc:
            conn.close()
            for name in (DB_FILE, f"{DB_FILE}-wal", f"{DB_FILE}-shm", HEAD_FILE):
                (vault_dir / name).unlink(missing_ok=True)  # an empty new file: nothing lost
            if isinstance(exc, DatabaseError):
                raise translate(exc) from None
            raise
        vault = cls(vault_dir, conn, key_file, data_key)
        vault.audit.record("create", "vault", None)
        return vault, recovery_key

    @classmethod
    def open(cls, vault_dir: Path, passphrase: str) -> Vault:
        vault_dir = Path(vault_dir)
        key_file = cls._key_file_of(vault_dir)
        data_key = key_file.unwrap_with_passphrase(passphrase)
        return cls._open_with_key(vault_dir, key_file, data_key, "passphrase")

    @classmethod
    def open_with_recovery_key(cls, vault_dir: Path, recovery_key: str) -> Vault:
        vault_dir = Path(vault_dir)
        key_file = cls._key_file_of(vault_dir)
        data_key = key_file.unwrap_with_recovery_key(recovery_key)
        return cls._open_with_key(vault_dir, key_file, data_key, "recovery key")

    @staticmethod
    def check_present(vault_dir: Path) -> None:
        """VaultError naming what is missing unless both of the vault's files are there."""
        vault_dir = Path(vault_dir)
        finish_interrupted_restore(vault_dir)
        has_keys = (vault_dir / KEYS_FILE).is_file()
        has_db = (vault_dir / DB_FILE).is_file()
        if has_keys and has_db:
            return
        if has_db:
            raise VaultError(f"The vault's key file ({KEYS_FILE}) is missing from {vault_dir}, "
                             "so the vault cannot be unlocked; restore it from a backup.")
        if has_keys:
            raise VaultError(f"The vault file ({DB_FILE}) is missing from {vault_dir}; "
                             "restore it from a backup.")
        raise VaultError(f"There is no vault in {vault_dir}.")

    @staticmethod
    def _key_file_of(vault_dir: Path) -> KeyFile:
        Vault.check_present(vault_dir)
        return KeyFile.load(vault_dir)

    @classmethod
    def _open_with_key(cls, vault_dir: Path, key_file: KeyFile, data_key: bytes,
                       how: str) -> Vault:
        """Open after the key was verified against keys.json; migrate an older schema.

        Everything is checked on a read-only connection first; a vault that fails is returned
        read-only with its ``problem`` set, and nothing at all is written to it. The unlock is
        recorded here, in one place, so that the window, the command line and anything else
        that opens a vault leave the same trace (``how``: never a secret).
        """
        checking = connect(vault_dir / DB_FILE, data_key, read_only=True)
        with _closed_on_failure(checking):
            version = schema_version(checking)
            if version == 0:
                # create() migrates before keys.json exists, so a real vault is never at 0:
                # this file lost its contents.
                raise VaultError(DAMAGED)
            if version > LATEST_VERSION:
                raise VaultTooNew("This vault was written by a newer version of Stillnote; "
                                  "update Stillnote to open it.")
            if not pages_are_intact(checking):
                raise VaultError(DAMAGED)
            head, problem = head_problem(checking, vault_dir, key_file.vault_id, data_key,
                                         version)
        notice = take_notice(vault_dir)
        if problem is not None:
            log.warning("vault opened read-only: %s", problem.detail)
            vault = cls(vault_dir, checking, key_file, data_key, problem)
            vault._db.readable = version == LATEST_VERSION
            vault.notices = [n for n in (notice, problem.read_only_sentence) if n]
            return vault
        checking.close()
        conn = connect(vault_dir / DB_FILE, data_key)
        with _closed_on_failure(conn):
            configure_for_writing(conn)
            if head is None:  # a vault from before heads: its first, before it is upgraded
                write_head(vault_dir, key_file.vault_id, data_key, chain_head(conn))
            if version < LATEST_VERSION:
                _backup_before_migrating(conn, vault_dir, version)
                apply_migrations(conn)
            if not has_checksum(vault_dir):
                key_file.save(vault_dir)  # the same keys, now with the checksum of version 2
            remove_leftovers(vault_dir)
        vault = cls(vault_dir, conn, key_file, data_key)
        try:
            vault.audit.record("unlock", "vault", None, how)
            if version < LATEST_VERSION:
                vault.audit.record("upgrade", "vault", None,
                                   f"schema {version} to {LATEST_VERSION}")
            if notice:
                vault.audit.record("restore", "vault", None, "completed after an interruption")
                forget_journal(vault_dir)
                vault.notices.append(notice)
        except BaseException:
            vault.close()
            raise
        return vault

    @property
    def read_only_reason(self) -> str:
        """"" for a vault that may be written, else the sentence saying why it may not."""
        return self.problem.read_only_sentence if self.problem is not None else ""

    def accept_as_is(self) -> Vault:
        """Accept a vault that lost changes as it now is, and reopen it for writing.

        The loss is recorded in the audit log (which entries were missing) and the head is
        written for the chain as it is; the caller keeps using the returned vault.
        """
        problem = self.problem
        if problem is None:
            return self
        data_key = self._data_key
        with self._db.lock:
            conn = self.connection
            current = chain_head(conn)
            self.close()
        write_head(self.path, self.vault_id, data_key, current)
        reopened = Vault._open_with_key(self.path, self._key_file, data_key, "accept")
        reopened.audit.record("accept", "vault", None, problem.detail)
        return reopened

    # --- key management ---------------------------------------------------------------------
    @property
    def vault_id(self) -> str:
        return self._key_file.vault_id

    def change_passphrase(self, old: str, new: str) -> None:
        """Rewrap the data key for ``new``; the database itself is not re-encrypted."""
        self._key_file.unwrap_with_passphrase(old)  # WrongPassphrase if ``old`` is wrong
        rewrapped = self._key_file.rewrapped_for_passphrase(self._data_key, new)
        rewrapped.save(self.path)
        self._key_file = rewrapped
        self.audit.record("change_passphrase", "vault", None)

    def remember_on_device(self, enabled: bool) -> str:
        if enabled:
            keyring_store.remember(self.vault_id, self._data_key)
            self.audit.record("remember_on_device", "vault", None)
            return "This vault will unlock on this device without the passphrase."
        forgot = keyring_store.forget(self.vault_id)
        self.audit.record("forget_on_device", "vault", None)
        if forgot:
            return "This device no longer remembers the vault; the passphrase will be asked for."
        return "Nothing was remembered on this device; the passphrase will be asked for."

    def export_copy(self, target: Path) -> ChainHead:
        """Write a consistent encrypted copy of the database (same key) to ``target``; returns
        the audit head of the copy.

        sqlcipher_export copies schema and rows into an attached database keyed like this one,
        so the copy is never plaintext, not even in a temp file.
        """
        key = key_pragma(self._data_key).split("=", 1)[1].strip()
        with self._db.lock:
            conn = self.connection
            version = schema_version(conn)
            try:
                conn.execute(f"ATTACH DATABASE ? AS backup KEY {key}", (str(target),))
                try:
                    # One transaction: every table is copied from the same snapshot even if
                    # another process writes meanwhile.
                    conn.execute("BEGIN IMMEDIATE")
                    try:
                        conn.execute("SELECT sqlcipher_export('backup')").fetchall()
                        conn.execute(f"PRAGMA backup.user_version = {version}")
                        head = chain_head(conn)
                        conn.execute("COMMIT")
                    except BaseException:
                        conn.execute("ROLLBACK")
                        raise
                finally:
                    conn.execute("DETACH DATABASE backup")
            except DatabaseError as exc:
                raise translate(exc) from None
        return head

    @property
    def key_file(self) -> KeyFile:
        return self._key_file

    # --- connection and transactions (app/ writes several records in one) -----------------
    @property
    def connection(self) -> Connection:
        return self._db.connection

    def transaction(self) -> AbstractContextManager[Connection]:
        """One atomic write; nested calls become savepoints of the outer transaction."""
        return self._db.transaction()

    def _after_commit(self, conn: Connection) -> None:
        """Keep the head file up to date and the committed pages in the main file.

        Neither is needed for the commit itself, which is already durable: a failure here is
        logged and made up for by the next commit (a head behind the database is allowed).
        """
        try:
            self._write_head(conn)
            self._checkpoint(conn)
        except (DatabaseError, StillnoteError) as exc:
            log.warning("after a commit: %s", type(exc).__name__)

    def _write_head(self, conn: Connection) -> None:
        head = chain_head(conn)
        if head != self._head:
            write_head(self.path, self.vault_id, self._data_key, head)
            self._head = head

    def _checkpoint(self, conn: Connection) -> None:
        # PASSIVE never waits for a reader; whatever it cannot copy now, the next one does.
        conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()

    def query(self, sql: str, params: Params = ()) -> list[Any]:
        return self._db.query(sql, params)

    def query_one(self, sql: str, params: Params = ()) -> Any:
        return self._db.query_one(sql, params)

    # --- closing ----------------------------------------------------------------------------
    def close(self) -> None:
        with self._db.lock:
            self._db.close()
            self._data_key = b""

    @property
    def is_open(self) -> bool:
        return self._db.is_open

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def __repr__(self) -> str:  # never the key
        return f"<Vault {self.path} {'open' if self.is_open else 'closed'}>"


@contextmanager
def _closed_on_failure(conn: Connection) -> Iterator[None]:
    """Close ``conn`` if the block fails; a SQLite error becomes the user's sentence."""
    try:
        yield
    except DatabaseError as exc:
        conn.close()
        raise translate(exc) from None
    except BaseException:
        conn.close()
        raise


def open_vault_with_keyring(vault_dir: Path) -> Vault | None:
    """The vault unlocked with a key remembered on this device, or None (ask for the passphrase)."""
    vault_dir = Path(vault_dir)
    if not Vault.exists(vault_dir):
        return None
    key_file = KeyFile.load(vault_dir)
    data_key = keyring_store.recall(key_file.vault_id)
    if data_key is None or not key_file.matches(data_key):
        return None
    return Vault._open_with_key(vault_dir, key_file, data_key, "device keyring")


def _backup_before_migrating(conn: Connection, vault_dir: Path, version: int) -> Path:
    """An encrypted copy of the vault as it was, kept beside it, before the schema changes.

    The same key opens the copy, and keys.json already wraps it: a byte copy stays encrypted.
    A copy that cannot be written (StorageFull) stops the upgrade before anything changed.
    """
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    target = vault_dir / f"stillnote.v{version}.before-upgrade.db"
    copy_file_atomic(vault_dir / DB_FILE, target)
    return target
