"""Encrypted single-file backups and restoring them.

A backup is a zip (stored, not compressed) of three members: manifest.json (format, dates,
schema version: no PHI), keys.json (the wrapped keys, no PHI) and stillnote.db (an encrypted
copy made with sqlcipher_export). Whoever holds it needs the passphrase that was current when it
was made, or the recovery key. Restoring checks the passphrase and the copy before anything is
moved, and keeps the current vault beside the restored one.
"""

from __future__ import annotations

import json
import os
import shutil
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from models.errors import InvalidInput, StorageFull, VaultError, VaultTooNew, WrongPassphrase
from storage.connection import DB_FILE, DatabaseError, connect, pages_are_intact
from storage.files import copy_stream_atomic, write_atomic_with, write_bytes_atomic
from storage.head import ChainHead, chain_head, compare, write_head
from storage.keys import KEYS_FILE, KeyFile
from storage.migrations import LATEST_VERSION, schema_version
from storage.recovery import (
    RestoreJournal,
    forget_journal,
    journal_path,
    staging_name,
    write_journal,
)
from storage.vault import Vault

MANIFEST = "manifest.json"
BACKUP_FORMAT = "stillnote-backup"
BACKUP_VERSION = 1
# manifest.json and keys.json are a few hundred bytes; anything larger is not a backup.
_SMALL_MEMBER_BYTES = 64 * 1024
_PAGE = 4096  # SQLCipher's page size: the database is a whole number of pages


def backup_vault(vault: Vault, out: Path) -> Path:
    """Write an encrypted backup of the open vault to ``out`` (atomically); returns ``out``."""
    out = Path(out)
    if vault.problem is not None:
        raise VaultError(vault.read_only_reason)
    vault.audit.record("backup", "vault", None)
    # Created owner-only before SQLCipher attaches it, so the copy is never readable by others,
    # not even for the moment before a chmod (SQLite would create it with the umask's mode).
    # The name carries this process's id: a copy left by a killed backup is cleared on open.
    staging = _new_private(vault.path / f"{staging_name('backup')}.db")
    try:
        head = vault.export_copy(staging)
        manifest = {
            "format": BACKUP_FORMAT,
            "version": BACKUP_VERSION,
            "created_at": datetime.now(UTC).isoformat(),
            "schema_version": LATEST_VERSION,
            "vault_id": vault.vault_id,
            # The copy holds at least this much of the audit chain: a restore refuses a copy
            # whose chain was cut.
            "audit_head": {"count": head.count, "hash": head.hash},
        }

        def write(stream: BinaryIO) -> None:
            with zipfile.ZipFile(stream, "w", compression=zipfile.ZIP_STORED) as archive:
                archive.writestr(MANIFEST, json.dumps(manifest, indent=2))
                archive.writestr(KEYS_FILE, vault.key_file.dumps())
                archive.write(staging, DB_FILE)

        write_atomic_with(out, write)
    finally:
        staging.unlink(missing_ok=True)
    return out


def read_backup(backup: Path) -> tuple[dict[str, object], KeyFile]:
    """The manifest and key file of a backup, or InvalidInput if it is not one.

    Sizes are checked before anything is inflated: the small members must be small and the
    database stored (a Stillnote backup never compresses it); the restore then checks that
    the database is a whole number of pages and fits in the free space beside the vault.
    """
    not_backup = InvalidInput(f"{Path(backup).name} is not a Stillnote backup file.")
    try:
        with zipfile.ZipFile(backup) as archive:
            members = {info.filename: info for info in archive.infolist()}
            if not {MANIFEST, KEYS_FILE, DB_FILE} <= set(members):
                raise not_backup
            db = members[DB_FILE]
            if any(members[name].file_size > _SMALL_MEMBER_BYTES for name in (MANIFEST,
                                                                              KEYS_FILE)) \
                    or db.compress_type != zipfile.ZIP_STORED:
                raise not_backup
            manifest = json.loads(archive.read(MANIFEST))
            key_text = archive.read(KEYS_FILE)
    except FileNotFoundError:
        raise InvalidInput(f"The backup file {backup} does not exist.") from None
    except (zipfile.BadZipFile, ValueError, OSError, KeyError, RecursionError):
        raise not_backup from None
    if not isinstance(manifest, dict) or manifest.get("format") != BACKUP_FORMAT:
        raise not_backup
    schema = manifest.get("schema_version")
    if type(schema) is not int or schema < 1:
        raise not_backup
    try:
        key_file = KeyFile.loads(key_text)
    except VaultError:
        raise not_backup from None
    return manifest, key_file


def restore_vault(vault_dir: Path, backup: Path, passphrase: str) -> Path | None:
    """Replace the vault in ``vault_dir`` by the backup; the current vault is renamed aside.

    ``passphrase`` is the one that was current when the backup was made. Returns where the
    previous vault was kept (None if there was none). A wrong passphrase changes nothing; a
    restore killed half-way is finished on the next open (storage/recovery.py).
    """
    vault_dir = Path(vault_dir)
    manifest, key_file = read_backup(backup)
    if int(str(manifest["schema_version"])) > LATEST_VERSION:
        raise VaultTooNew("This backup was made by a newer version of Stillnote; "
                          "update Stillnote to restore it.")
    made = str(manifest.get("created_at", ""))[:10]
    try:
        data_key = key_file.unwrap_with_passphrase(passphrase)
    except WrongPassphrase:  # nothing was touched; say which passphrase the backup wants
        when = f" on {made}" if made else ""
        raise WrongPassphrase(
            f"The passphrase is not correct for this backup; it needs the passphrase the vault "
            f"had when the backup was made{when}.") from None
    parent = vault_dir.parent
    staging = parent / f".{vault_dir.name}.{staging_name('restoring')[1:]}"
    kept: Path | None = None
    try:
        parent.mkdir(parents=True, exist_ok=True)
        _check_room(parent, backup)
        staging.mkdir(mode=0o700)
        _unpack(backup, staging)
        write_bytes_atomic(staging / KEYS_FILE, key_file.dumps().encode("utf-8"))
        head = _check_copy(staging, data_key, manifest.get("audit_head"))
        write_head(staging, key_file.vault_id, data_key, head)
        if vault_dir.exists():
            kept = _kept_name(vault_dir)
        # From here on the journal lets the next open finish what a kill interrupts.
        write_journal(vault_dir, RestoreJournal(staging.name, kept.name if kept else "",
                                                f"on {made}" if made else "earlier"))
        try:
            if kept is not None:
                os.rename(vault_dir, kept)
            os.rename(staging, vault_dir)
        except OSError:
            if kept is not None and kept.exists() and not vault_dir.exists():
                os.rename(kept, vault_dir)  # put the current vault back where it was
            forget_journal(vault_dir)
            raise
    except OSError as exc:
        where = (f"; the previous vault is in {kept}" if kept is not None and kept.exists()
                 else "; the current vault was not changed")
        raise StorageFull(f"The backup could not be restored ({exc.strerror}){where}.") from None
    finally:
        if staging.exists() and not journal_path(vault_dir).exists():
            shutil.rmtree(staging, ignore_errors=True)
    # Recorded here rather than by each caller, so a restore from the window leaves the same
    # trace as one from the command line (an older backup is also upgraded right away).
    with Vault._open_with_key(vault_dir, key_file, data_key, "restore") as restored:
        restored.audit.record("restore", "vault", None, f"backup of {made}" if made else "")
    forget_journal(vault_dir)
    return kept


def _kept_name(vault_dir: Path) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    kept = vault_dir.with_name(f"{vault_dir.name}.before-restore-{stamp}")
    n = 2
    while kept.exists():
        kept = vault_dir.with_name(f"{vault_dir.name}.before-restore-{stamp}-{n}")
        n += 1
    return kept


def _check_room(parent: Path, backup: Path) -> None:
    with zipfile.ZipFile(backup) as archive:
        size = archive.getinfo(DB_FILE).file_size
    if size == 0 or size % _PAGE:
        raise VaultError("The backup file is damaged; the current vault was not changed.")
    free = shutil.disk_usage(parent).free
    if size + 16 * 2**20 > free:
        raise StorageFull(f"The backup needs {size // 2**20 + 1} MB free beside the vault, and "
                          f"only {free // 2**20} MB are; the current vault was not changed.")


def _unpack(backup: Path, staging: Path) -> None:
    """The database member into ``staging``; its CRC is checked as the last bytes are read."""
    damaged = VaultError("The backup file is damaged; the current vault was not changed.")
    try:
        with zipfile.ZipFile(backup) as archive, archive.open(DB_FILE) as src:
            copy_stream_atomic(src, staging / DB_FILE)
    except (zipfile.BadZipFile, EOFError, ValueError):
        raise damaged from None


def _new_private(path: Path) -> Path:
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)
    return path


def _check_copy(folder: Path, data_key: bytes, recorded: object) -> ChainHead:
    """The restored copy's audit head, once the copy proved whole: it opens, its pages pass,
    its chain is intact and reaches the head recorded in the manifest."""
    damaged = VaultError("The backup file is damaged; the current vault was not changed.")
    try:
        conn = connect(folder / DB_FILE, data_key, read_only=True)
    except VaultError:
        raise damaged from None
    try:
        version = schema_version(conn)
        if version == 0:
            raise damaged
        if version > LATEST_VERSION:
            raise VaultTooNew("This backup was made by a newer version of Stillnote; "
                              "update Stillnote to restore it.")
        if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok" \
                or not pages_are_intact(conn):
            raise damaged
        if isinstance(recorded, dict) and type(recorded.get("count")) is int \
                and isinstance(recorded.get("hash"), str) \
                and compare(conn, ChainHead(recorded["count"], recorded["hash"])) is not None:
            raise VaultError("The backup's audit log is shorter than when the backup was "
                                 "made (it was cut); the current vault was not changed.")
        return chain_head(conn)
    except DatabaseError:
        raise damaged from None
    finally:
        conn.close()
