"""Creating, opening and protecting the vault on real SQLCipher files."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

import pytest

from models.client import Client
from models.errors import InvalidInput, VaultError, VaultTooNew, WrongPassphrase
from storage.connection import DB_FILE
from storage.keys import KEYS_FILE, KeyFile
from storage.vault import Vault
from tests.storage.conftest import PASSPHRASE, file_hashes


def test_create_then_open_keeps_records(vault_dir: Path) -> None:
    vault, recovery = Vault.create(vault_dir, PASSPHRASE)
    assert len(recovery.split("-")) == 8
    client = vault.clients.add(Client("Maya Thornton"))
    vault.close()
    assert Vault.exists(vault_dir)
    with Vault.open(vault_dir, PASSPHRASE) as reopened:
        assert reopened.clients.get(client.id or 0).legal_name == "Maya Thornton"


def test_files_and_folder_are_owner_only(vault: Vault, vault_dir: Path) -> None:
    vault.clients.add(Client("Someone"))
    assert stat.S_IMODE(vault_dir.stat().st_mode) == 0o700
    for path in vault_dir.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name


def test_wal_mode_and_memory_temp_store(vault: Vault) -> None:
    assert vault.query_one("PRAGMA journal_mode")[0] == "wal"
    assert vault.query_one("PRAGMA temp_store")[0] == 2  # MEMORY
    assert vault.query_one("PRAGMA foreign_keys")[0] == 1


def test_db_file_does_not_open_as_plain_sqlite(vault: Vault, vault_dir: Path) -> None:
    vault.clients.add(Client("Maya Thornton"))
    vault.close()
    conn = sqlite3.connect(vault_dir / DB_FILE)
    with pytest.raises(sqlite3.DatabaseError, match="file is not a database"):
        conn.execute("SELECT * FROM sqlite_master").fetchall()
    conn.close()


def test_wrong_passphrase_changes_not_one_byte(vault: Vault, vault_dir: Path) -> None:
    vault.clients.add(Client("Maya Thornton"))
    vault.close()
    before = file_hashes(vault_dir)
    with pytest.raises(WrongPassphrase) as err:
        Vault.open(vault_dir, "wrong passphrase")
    assert str(err.value) == "The passphrase is not correct for this vault."
    with pytest.raises(WrongPassphrase):
        Vault.open_with_recovery_key(vault_dir, "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH")
    assert file_hashes(vault_dir) == before


def test_recovery_key_opens_and_is_forgiving_about_typing(vault_dir: Path) -> None:
    vault, recovery = Vault.create(vault_dir, PASSPHRASE)
    vault.close()
    typed = recovery.lower().replace("-", " ")
    Vault.open_with_recovery_key(vault_dir, typed).close()
    with pytest.raises(WrongPassphrase):
        Vault.open_with_recovery_key(vault_dir, "not a key")


def _pages(db: Path) -> list[bytes]:
    data = db.read_bytes()
    return [data[i:i + 4096] for i in range(0, len(data), 4096)]


def test_change_passphrase_rewraps_only(vault: Vault, vault_dir: Path) -> None:
    for i in range(200):
        vault.clients.add(Client(f"Client {i:03d}", email="c@example.com" * 10))
    vault.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    pages_before = _pages(vault_dir / DB_FILE)
    with pytest.raises(WrongPassphrase):
        vault.change_passphrase("not the old one", "new passphrase")
    vault.change_passphrase(PASSPHRASE, "new passphrase")
    vault.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    pages_after = _pages(vault_dir / DB_FILE)
    # Only the pages of its audit entry change (the vault checkpoints after every commit);
    # re-encrypting would have changed every one of them.
    changed = sum(a != b for a, b in zip(pages_before, pages_after, strict=False))
    assert len(pages_before) > 40 and changed <= 4
    vault.close()
    with pytest.raises(WrongPassphrase):
        Vault.open(vault_dir, PASSPHRASE)
    Vault.open(vault_dir, "new passphrase").close()


def test_empty_passphrase_is_refused(vault_dir: Path) -> None:
    with pytest.raises(InvalidInput):
        Vault.create(vault_dir, "  ")
    assert not vault_dir.exists() or not any(vault_dir.iterdir())


def test_create_refuses_an_existing_vault(vault: Vault, vault_dir: Path) -> None:
    with pytest.raises(VaultError, match="already exists"):
        Vault.create(vault_dir, PASSPHRASE)


def test_missing_vault_is_a_plain_error(data_dir: Path) -> None:
    with pytest.raises(VaultError, match="There is no vault"):
        Vault.open(data_dir / "nowhere", PASSPHRASE)


def test_too_new_schema_is_refused(vault: Vault, vault_dir: Path) -> None:
    vault.connection.execute("PRAGMA user_version = 999")
    vault.close()
    with pytest.raises(VaultTooNew, match="newer version"):
        Vault.open(vault_dir, PASSPHRASE)


def test_damaged_database_file(vault: Vault, vault_dir: Path) -> None:
    vault.clients.add(Client("Maya Thornton"))
    vault.close()
    db = vault_dir / DB_FILE
    data = bytearray(db.read_bytes())
    data[0:4096] = bytes(4096)  # wipe the first page: salt and schema are gone
    db.write_bytes(bytes(data))
    with pytest.raises(VaultError, match="The vault file is damaged"):
        Vault.open(vault_dir, PASSPHRASE)


def test_damaged_key_file(vault: Vault, vault_dir: Path) -> None:
    vault.close()
    (vault_dir / KEYS_FILE).write_text("{not json")
    with pytest.raises(VaultError, match="key file is damaged"):
        Vault.open(vault_dir, PASSPHRASE)


def test_key_file_holds_no_key_material_in_clear(vault: Vault, vault_dir: Path) -> None:
    text = (vault_dir / KEYS_FILE).read_text()
    key_file = KeyFile.loads(text)
    assert vault._data_key.hex() not in text  # noqa: SLF001 - the point of the test
    assert key_file.kdf_params["memory_cost"] >= 65536
    assert key_file.matches(vault._data_key)  # noqa: SLF001


def test_transaction_is_all_or_nothing_and_nests(vault: Vault) -> None:
    with pytest.raises(RuntimeError), vault.transaction():
        vault.clients.add(Client("Rolled Back"))
        raise RuntimeError("boom")
    assert vault.clients.list() == []
    with vault.transaction():
        vault.clients.add(Client("Kept"))
        with pytest.raises(RuntimeError), vault.transaction():
            vault.clients.add(Client("Inner Rolled Back"))
            raise RuntimeError("inner")
    assert [c.legal_name for c in vault.clients.list()] == ["Kept"]


def test_closed_vault_says_locked(vault: Vault) -> None:
    vault.close()
    with pytest.raises(VaultError, match="locked"):
        vault.clients.list()


def test_unlocked_on_a_worker_thread_used_on_another(vault: Vault, vault_dir: Path) -> None:
    import threading

    vault.close()
    opened: list[Vault] = []
    worker = threading.Thread(target=lambda: opened.append(Vault.open(vault_dir, PASSPHRASE)))
    worker.start()
    worker.join()
    with opened[0] as v:
        v.clients.add(Client("Used On Main Thread"))
        assert len(v.clients.list()) == 1
