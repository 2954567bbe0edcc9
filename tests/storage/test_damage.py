"""Damaged files, odd key files and the unlock trace: one plain sentence, nothing invented."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from models.client import Client
from models.errors import VaultError, WrongPassphrase
from storage.backup import backup_vault, restore_vault
from storage.connection import DB_FILE
from storage.head import HEAD_FILE
from storage.keys import KEYS_FILE
from storage.vault import Vault, open_vault_with_keyring
from tests.storage.conftest import PASSPHRASE, file_hashes


def _closed_vault(vault_dir: Path) -> None:
    vault, _ = Vault.create(vault_dir, PASSPHRASE)
    for i in range(40):
        vault.clients.add(Client(f"Client number {i}", email=f"c{i}@example.com" * 20))
    vault.close()


def test_an_emptied_database_is_damaged_not_a_new_vault(vault_dir: Path) -> None:
    _closed_vault(vault_dir)
    (vault_dir / DB_FILE).write_bytes(b"")
    before = file_hashes(vault_dir)
    with pytest.raises(VaultError, match="damaged"):
        Vault.open(vault_dir, PASSPHRASE)
    assert file_hashes(vault_dir) == before


def test_zeroed_pages_are_damaged_and_sqlcipher_stays_quiet(
        vault_dir: Path, capfd: pytest.CaptureFixture[str]) -> None:
    _closed_vault(vault_dir)
    db = vault_dir / DB_FILE
    data = bytearray(db.read_bytes())
    data[0:4096] = bytes(4096)  # the first page: the schema cannot be read
    db.write_bytes(bytes(data))
    with pytest.raises(VaultError, match="damaged"):
        Vault.open(vault_dir, PASSPHRASE)
    # SQLCipher's own "hmac check failed" log lines would add to the one sentence
    assert "hmac" not in capfd.readouterr().err


def test_truncated_database_is_damaged_when_read(vault_dir: Path) -> None:
    _closed_vault(vault_dir)
    db = vault_dir / DB_FILE
    db.write_bytes(db.read_bytes()[: db.stat().st_size // 2 + 100])
    with pytest.raises(VaultError, match="damaged"), Vault.open(vault_dir, PASSPHRASE) as vault:
        vault.clients.list()


@pytest.mark.parametrize("edit", [
    lambda d: d["kdf"].__setitem__("memory_cost", 10**12),  # would allocate a terabyte
    lambda d: d["kdf"].__setitem__("time_cost", 0),  # argon2 refuses it
    lambda d: d["passphrase_wrap"].__setitem__("nonce", "AAAA"),  # a nonce of 3 bytes
    lambda d: d.__setitem__("key_check", "00"),
    lambda d: d.__setitem__("vault_id", "not a uuid"),
])
def test_an_edited_key_file_is_damaged(vault_dir: Path, edit: object) -> None:
    _closed_vault(vault_dir)
    path = vault_dir / KEYS_FILE
    data = json.loads(path.read_text())
    edit(data)  # type: ignore[operator]
    path.write_text(json.dumps(data))
    with pytest.raises(VaultError, match="key file is damaged"):
        Vault.open(vault_dir, PASSPHRASE)


def test_a_missing_key_file_is_named(vault_dir: Path) -> None:
    _closed_vault(vault_dir)
    (vault_dir / KEYS_FILE).unlink()
    with pytest.raises(VaultError, match="key file .keys.json. is missing"):
        Vault.open(vault_dir, PASSPHRASE)


def test_a_missing_database_is_named(vault_dir: Path) -> None:
    _closed_vault(vault_dir)
    (vault_dir / DB_FILE).unlink()
    with pytest.raises(VaultError, match="vault file .stillnote.db. is missing"):
        Vault.open(vault_dir, PASSPHRASE)


def test_every_way_of_unlocking_is_audited(vault_dir: Path, memory_keyring: object) -> None:
    vault, recovery = Vault.create(vault_dir, PASSPHRASE)
    vault.remember_on_device(True)
    vault.close()
    Vault.open(vault_dir, PASSPHRASE).close()
    Vault.open_with_recovery_key(vault_dir, recovery).close()
    remembered = open_vault_with_keyring(vault_dir)
    assert remembered is not None
    unlocks = [e.detail for e in remembered.audit.entries() if e.action == "unlock"]
    assert unlocks == ["passphrase", "recovery key", "device keyring"]
    assert remembered.audit.verify().ok
    remembered.close()


def test_wrong_passphrase_leaves_no_wal_and_no_keyring_entry(vault_dir: Path,
                                                             memory_keyring: object) -> None:
    import keyring

    _closed_vault(vault_dir)
    before = file_hashes(vault_dir)
    with pytest.raises(WrongPassphrase):
        Vault.open(vault_dir, "not it")
    assert file_hashes(vault_dir) == before
    assert sorted(p.name for p in vault_dir.iterdir()) == sorted([DB_FILE, KEYS_FILE, HEAD_FILE])
    key_file = json.loads((vault_dir / KEYS_FILE).read_text())
    assert keyring.get_password("Stillnote", key_file["vault_id"]) is None


def test_backup_from_before_a_passphrase_change(vault: Vault, vault_dir: Path,
                                                data_dir: Path) -> None:
    vault.clients.add(Client("Maya Thornton"))
    old_backup = backup_vault(vault, data_dir / "old.bak")
    vault.change_passphrase(PASSPHRASE, "the new passphrase")
    vault.close()
    before = file_hashes(data_dir)
    with pytest.raises(WrongPassphrase) as err:
        restore_vault(vault_dir, old_backup, "the new passphrase")
    assert "when the backup was made on 20" in str(err.value)
    assert file_hashes(data_dir) == before
    kept = restore_vault(vault_dir, old_backup, PASSPHRASE)
    assert kept is not None and Vault.open(kept, "the new passphrase")
    with Vault.open(vault_dir, PASSPHRASE) as restored:
        assert [c.legal_name for c in restored.clients.list()] == ["Maya Thornton"]
        last = [(e.action, e.detail) for e in restored.audit.entries()][-3:]
        assert last[0] == ("unlock", "restore") and last[1][0] == "restore"
        assert restored.audit.verify().ok


def test_a_backup_with_an_emptied_database_is_refused(vault: Vault, vault_dir: Path,
                                                      data_dir: Path) -> None:
    import zipfile

    out = backup_vault(vault, data_dir / "b.bak")
    vault.close()
    broken = data_dir / "broken.bak"
    with zipfile.ZipFile(out) as src, zipfile.ZipFile(broken, "w") as dst:
        for name in src.namelist():
            dst.writestr(name, b"" if name == DB_FILE else src.read(name))
    before = file_hashes(vault_dir)
    with pytest.raises(VaultError, match="backup file is damaged"):
        restore_vault(vault_dir, broken, PASSPHRASE)
    assert file_hashes(vault_dir) == before
