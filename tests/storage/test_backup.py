"""Encrypted single-file backup; restore checks the passphrase first and keeps the current vault."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from models.client import Client
from models.errors import InvalidInput, WrongPassphrase
from storage.backup import backup_vault, restore_vault
from storage.vault import Vault
from tests.storage.conftest import PASSPHRASE, file_hashes


def _backup(vault: Vault, data_dir: Path) -> Path:
    vault.clients.add(Client("Before Backup"))
    return backup_vault(vault, data_dir / "backups" / "b.stillnote-backup")


def test_backup_is_one_encrypted_file(vault: Vault, data_dir: Path) -> None:
    out = _backup(vault, data_dir)
    assert (out.stat().st_mode & 0o777) == 0o600
    with zipfile.ZipFile(out) as archive:
        assert sorted(archive.namelist()) == ["keys.json", "manifest.json", "stillnote.db"]
        assert not archive.read("stillnote.db").startswith(b"SQLite format 3")
    assert [p.name for p in vault.path.iterdir() if p.name.startswith(".backup")] == []


def test_restore_with_wrong_passphrase_changes_nothing(vault: Vault, vault_dir: Path,
                                                       data_dir: Path) -> None:
    out = _backup(vault, data_dir)
    vault.close()
    before = file_hashes(data_dir)
    with pytest.raises(WrongPassphrase):
        restore_vault(vault_dir, out, "not the passphrase")
    assert file_hashes(data_dir) == before
    assert sorted(p.name for p in data_dir.iterdir()) == ["backups", "vault"]


def test_restore_keeps_the_current_vault(vault: Vault, vault_dir: Path, data_dir: Path) -> None:
    out = _backup(vault, data_dir)
    vault.clients.add(Client("After Backup"))
    vault.close()
    kept = restore_vault(vault_dir, out, PASSPHRASE)
    assert kept is not None and kept.exists() and kept != vault_dir
    with Vault.open(vault_dir, PASSPHRASE) as restored:
        assert [c.legal_name for c in restored.clients.list()] == ["Before Backup"]
        assert restored.audit.verify().ok
    with Vault.open(kept, PASSPHRASE) as previous:
        assert {c.legal_name for c in previous.clients.list()} == {"Before Backup",
                                                                   "After Backup"}
    # a second restore in the same second keeps a second copy
    assert restore_vault(vault_dir, out, PASSPHRASE) not in (None, kept)


def test_restore_into_an_empty_place(vault: Vault, data_dir: Path) -> None:
    out = _backup(vault, data_dir)
    assert restore_vault(data_dir / "elsewhere", out, PASSPHRASE) is None
    Vault.open(data_dir / "elsewhere", PASSPHRASE).close()


def test_not_a_backup_is_refused(vault_dir: Path, data_dir: Path) -> None:
    bogus = data_dir / "bogus.zip"
    bogus.write_text("hello")
    with pytest.raises(InvalidInput, match="not a Stillnote backup"):
        restore_vault(vault_dir, bogus, PASSPHRASE)
    with pytest.raises(InvalidInput, match="does not exist"):
        restore_vault(vault_dir, data_dir / "missing.zip", PASSPHRASE)
