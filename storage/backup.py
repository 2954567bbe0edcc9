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
import secrets
import shutil
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from models.errors import InvalidInput, StorageFull, VaultError, VaultTooNew, WrongPassphrase
from storage.connection import DB_FILE, DatabaseError, connect
from storage.files import copy_stream_atomic, write_atomic_with, write_bytes_atomic
from storage.keys import KEYS_FILE, KeyFile
from storage.migrations import LATEST_VERSION, schema_version
from storage.vault import Vault

MANIFEST = "manifest.json"
BACKUP_FORMAT = "stillnote-backup"
BACKUP_VERSION = 1


def backup_vault(vault: Vault, out: Path) -> Path:
    """Write an encrypted backup of the open vault to ``out`` (atomically); returns ``out``."""
    out = Path(out)
    vault.audit.record("backup", "vault", None)
    # Created owner-only before SQLCipher attaches it, so the copy is never readable by others,
    # not even for the moment before a chmod (SQLite would create it with the umask's mode).
    staging = _new_private(vault.path / f".backup-{secrets.token_hex(4)}.db")
    try:
        vault.export_copy(staging)
        manifest = {
            "format": BACKUP_FORMAT,
            "version": BACKUP_VERSION,
            "created_at": datetime.now(UTC).isoformat(),
            "schema_version": LATEST_VERSION,
            "vault_id": vault.vault_id,
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
    """The manifest and key file of a backup, or InvalidInput if it is not one."""
    not_backup = InvalidInput(f"{Path(backup).name} is not a Stillnote backup file.")
    try:
        with zipfile.ZipFile(backup) as archive:
            names = set(archive.namelist())
            if not {MANIFEST, KEYS_FILE, DB_FILE} <= names:
                raise not_backup
            manifest = json.loads(archive.read(MANIFEST))
            key_text = archive.read(KEYS_FILE)
    except FileNotFoundError:
        raise InvalidInput(f"The backup file {backup} does not exist.") from None
    except (zipfile.BadZipFile, ValueError, OSError, KeyError):
        raise not_backup from None
    if not isinstance(manifest, dict) or manifest.get("format") != BACKUP_FORMAT:
        raise not_backup
    try:
        key_file = KeyFile.loads(key_text)
    except VaultError:
        raise not_backup from None
    return manifest, key_file


def restore_vault(vault_dir: Path, backup: Path, passphrase: str) -> Path | None:
    """Replace the vault in ``vault_dir`` by the backup; the current vault is renamed aside.

    ``passphrase`` is the one that was current when the backup was made. Returns where the
    previous vault was kept (None if there was none). A wrong passphrase changes nothing.
    """
    vault_dir = Path(vault_dir)
    manifest, key_file = read_backup(backup)
    if int(str(manifest.get("schema_version", 0))) > LATEST_VERSION:
        raise VaultTooNew("This backup was made by a newer version of Stillnote; "
                          "update Stillnote to restore it.")
    try:
        data_key = key_file.unwrap_with_passphrase(passphrase)
    except WrongPassphrase:  # nothing was touched; say which passphrase the backup wants
        made = str(manifest.get("created_at", ""))[:10]
        when = f" on {made}" if made else ""
        raise WrongPassphrase(
            f"The passphrase is not correct for this backup; it needs the passphrase the vault "
            f"had when the backup was made{when}.") from None
    parent = vault_dir.parent
    staging = parent / f".{vault_dir.name}.restoring-{secrets.token_hex(4)}"
    try:
        parent.mkdir(parents=True, exist_ok=True)
        staging.mkdir(mode=0o700)
        with zipfile.ZipFile(backup) as archive, archive.open(DB_FILE) as src:
            copy_stream_atomic(src, staging / DB_FILE)
        write_bytes_atomic(staging / KEYS_FILE, key_file.dumps().encode("utf-8"))
        _check_copy(staging, data_key)
        kept: Path | None = None
        if vault_dir.exists():
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
            kept = vault_dir.with_name(f"{vault_dir.name}.before-restore-{stamp}")
            n = 2
            while kept.exists():
                kept = vault_dir.with_name(f"{vault_dir.name}.before-restore-{stamp}-{n}")
                n += 1
            os.rename(vault_dir, kept)
        try:
            os.rename(staging, vault_dir)
        except OSError:
            if kept is not None:
                os.rename(kept, vault_dir)  # put the current vault back where it was
            raise
    except OSError as exc:
        raise StorageFull(f"The backup could not be restored ({exc.strerror}); "
                          "the current vault was not changed.") from None
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    # Recorded here rather than by each caller, so a restore from the window leaves the same
    # trace as one from the command line (an older backup is also upgraded right away).
    with Vault._open_with_key(vault_dir, key_file, data_key, "restore") as restored:
        made = str(manifest.get("created_at", ""))[:10]
        restored.audit.record("restore", "vault", None, f"backup of {made}" if made else "")
    return kept


def _new_private(path: Path) -> Path:
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)
    return path


def _check_copy(folder: Path, data_key: bytes) -> None:
    damaged = VaultError("The backup file is damaged; the current vault was not changed.")
    try:
        conn = connect(folder / DB_FILE, data_key)
    except VaultError:
        raise damaged from None
    try:
        if schema_version(conn) == 0:
            raise damaged
        if schema_version(conn) > LATEST_VERSION:
            raise VaultTooNew("This backup was made by a newer version of Stillnote; "
                              "update Stillnote to restore it.")
        if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise damaged
    except DatabaseError:
        raise damaged from None
    finally:
        conn.close()
