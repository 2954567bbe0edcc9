"""Finding 3, as the attack or the accident: a deleted WAL, a flipped WAL frame, a cut audit
chain, an older copy of the file put back, a damaged page, an edited key file.

A vault that lost changes opens read-only with one sentence, `audit verify` exits 1 naming what
failed, and not one byte of the database, its WAL, keys.json or the head file is written.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.cli import main
from models.client import Client
from models.errors import VaultError
from storage.audit import entry_hash
from storage.connection import DB_FILE, Connection, connect
from storage.head import HEAD_FILE
from storage.keys import KEYS_FILE
from storage.vault import Vault
from tests.storage.conftest import PASSPHRASE

WAL = f"{DB_FILE}-wal"


def _state(folder: Path) -> dict[str, str]:
    """What must not change: the database, its WAL, the key file and the head (not -shm, the
    WAL index SQLite rebuilds for any reader)."""
    return {name: hashlib.sha256((folder / name).read_bytes()).hexdigest()
            for name in (DB_FILE, WAL, KEYS_FILE, HEAD_FILE) if (folder / name).exists()}


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Iterator[
        object]:
    monkeypatch.setenv("STILLNOTE_PASSPHRASE", PASSPHRASE)

    def run(*argv: str) -> tuple[int, str, str]:
        code = main(list(argv))
        out, err = capsys.readouterr()
        return code, out, err

    yield run


def _crashed_copy(vault: Vault, clients: int, target: Path, *, reader: bool) -> Path:
    """The vault folder as a SIGKILL leaves it after ``clients`` committed clients: the files
    copied while the vault is still open. With ``reader``, another connection holds a read
    snapshot meanwhile (a second window, a backup), so checkpoints cannot empty the WAL."""
    held: Connection | None = None
    if reader:
        held = connect(vault.path / DB_FILE, vault._data_key)
        held.execute("BEGIN")
        held.execute("SELECT count(*) FROM clients").fetchone()
    for i in range(clients):
        vault.clients.add(Client(f"Client {i:02d}"))
    shutil.copytree(vault.path, target)
    if held is not None:
        held.execute("ROLLBACK")
        held.close()
    return target


def test_a_deleted_wal_loses_nothing_committed(vault: Vault, data_dir: Path, cli: object) -> None:
    """The measured choice: a checkpoint after every commit puts each record in the main file
    at once, so the WAL of a killed writer holds nothing that is not also there."""
    copy = _crashed_copy(vault, 30, data_dir / "copy", reader=False)
    (copy / WAL).unlink(missing_ok=True)
    with Vault.open(copy, PASSPHRASE) as reopened:
        assert reopened.problem is None
        assert len(reopened.clients.list()) == 30
    assert cli("audit", "verify", "--vault", str(copy))[0] == 0  # type: ignore[operator]


def _lost_wal(copy: Path) -> None:
    (copy / WAL).unlink()


def _flipped_frame(copy: Path) -> None:
    wal = bytearray((copy / WAL).read_bytes())
    assert len(wal) > 32 + 3 * 4120
    wal[32 + 2 * 4120 + 24 + 100] ^= 0x01  # inside the third frame's page
    (copy / WAL).write_bytes(bytes(wal))


def _flipped_header(copy: Path) -> None:
    wal = bytearray((copy / WAL).read_bytes())
    wal[20] ^= 0x01  # the WAL header's salt: every frame after it is ignored
    (copy / WAL).write_bytes(bytes(wal))


@pytest.mark.parametrize("damage", [_lost_wal, _flipped_frame, _flipped_header],
                         ids=["WAL deleted", "a WAL frame flipped", "the WAL header flipped"])
def test_a_vault_that_lost_committed_changes_opens_read_only(
        damage: object, vault: Vault, data_dir: Path, cli: object) -> None:
    copy = _crashed_copy(vault, 30, data_dir / "copy", reader=True)
    damage(copy)  # type: ignore[operator]
    before = _state(copy)
    reopened = Vault.open(copy, PASSPHRASE)
    try:
        assert reopened.problem is not None
        sentence = reopened.read_only_reason
        assert "older than the vault's last known state" in sentence
        assert "opens read-only" in sentence and "restore your latest backup" in sentence
        with pytest.raises(VaultError, match="read-only"):
            reopened.clients.add(Client("Written anyway"))
        # reading still works, and so does taking the records out
        assert len(reopened.clients.list()) < 30
    finally:
        reopened.close()
    code, out, err = cli("audit", "verify", "--vault", str(copy))  # type: ignore[operator]
    assert code == 1 and err.count("\n") == 1
    assert "older than the vault's last known state" in err and "are missing" in err
    code, _, err = cli("export", "practice", "--vault", str(copy),  # type: ignore[operator]
                       "--out", str(data_dir / "rescued.json"))
    assert code == 0 and "read-only" in err
    assert _state(copy) == before  # no unlock entry, no checkpoint, nothing


def test_an_older_copy_of_the_database_put_back(vault: Vault, vault_dir: Path, data_dir: Path,
                                                cli: object) -> None:
    vault.clients.add(Client("Before the copy"))
    vault.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    old = data_dir / "old.db"
    shutil.copyfile(vault_dir / DB_FILE, old)
    for i in range(5):
        vault.clients.add(Client(f"After the copy {i}"))
    vault.close()
    shutil.copyfile(old, vault_dir / DB_FILE)
    before = _state(vault_dir)
    code, _, err = cli("audit", "verify", "--vault", str(vault_dir))  # type: ignore[operator]
    assert code == 1
    assert err.startswith("stillnote: The vault file is older than the vault's last known "
                          "state: audit entries ")
    code, _, err = cli("export", "ics", "--vault", str(vault_dir),  # type: ignore[operator]
                       "--out", str(data_dir / "c.ics"))
    assert code == 0 and "opens read-only" in err
    code, _, err = cli("backup", "--vault", str(vault_dir),  # type: ignore[operator]
                       "--out", str(data_dir / "b.bak"))
    assert code == 2 and "read-only" in err
    assert _state(vault_dir) == before


def _drop_audit_triggers(conn: Connection) -> None:
    for name in ("audit_no_update", "audit_no_delete", "audit_append_only"):
        conn.execute(f"DROP TRIGGER {name}")


def test_a_cut_audit_chain_is_found(vault: Vault, vault_dir: Path, cli: object) -> None:
    for i in range(10):
        vault.clients.add(Client(f"Client {i}"))
    last = vault.audit.entries()[-1].id
    _drop_audit_triggers(vault.connection)
    vault.connection.execute("DELETE FROM audit_log WHERE id > ?", (last - 4,))
    assert vault.audit.verify().ok  # the chain alone cannot see a cut at its end
    vault.close()
    code, _, err = cli("audit", "verify", "--vault", str(vault_dir))  # type: ignore[operator]
    assert code == 1 and f"audit entries {last - 3} to {last} (4 recorded changes)" in err


def test_a_rewritten_chain_end_is_found(vault: Vault, vault_dir: Path, cli: object) -> None:
    """The last entry replaced by another with a correctly computed hash: the chain verifies,
    the count is right, only the head kept outside knows."""
    vault.clients.add(Client("Maya Thornton"))
    last = vault.audit.entries()[-1]
    conn = vault.connection
    _drop_audit_triggers(conn)
    conn.execute("DELETE FROM audit_log WHERE id = ?", (last.id,))
    at = last.at.isoformat()
    digest = entry_hash(last.id, at, last.actor, "export", "practice", None, "", last.prev_hash)
    conn.execute("INSERT INTO audit_log VALUES (?, ?, ?, 'export', 'practice', NULL, '', ?, ?)",
                 (last.id, at, last.actor, last.prev_hash, digest))
    assert vault.audit.verify().ok
    vault.close()
    code, _, err = cli("audit", "verify", "--vault", str(vault_dir))  # type: ignore[operator]
    assert code == 1 and "rewritten outside Stillnote" in err


@pytest.mark.parametrize("edit", ["missing", "damaged"])
def test_a_missing_or_edited_head_file(vault: Vault, vault_dir: Path, edit: str,
                                       cli: object) -> None:
    vault.close()
    head = vault_dir / HEAD_FILE
    if edit == "missing":
        head.unlink()
    else:
        data = json.loads(head.read_text())
        data["count"] = 0
        head.write_text(json.dumps(data))
    code, _, err = cli("audit", "verify", "--vault", str(vault_dir))  # type: ignore[operator]
    assert code == 1 and f"({HEAD_FILE}) is {edit}" in err


def test_accepting_a_vault_as_it_is(vault: Vault, vault_dir: Path, data_dir: Path,
                                    cli: object) -> None:
    vault.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    old = data_dir / "old.db"
    shutil.copyfile(vault_dir / DB_FILE, old)
    vault.clients.add(Client("Lost"))
    vault.close()
    shutil.copyfile(old, vault_dir / DB_FILE)
    code, out, _ = cli("audit", "accept", "--vault", str(vault_dir))  # type: ignore[operator]
    assert code == 0 and "Accepted the vault as it is" in out
    with Vault.open(vault_dir, PASSPHRASE) as accepted:
        assert accepted.problem is None
        accepted.clients.add(Client("Written again"))
        entry = next(e for e in accepted.audit.entries() if e.action == "accept")
        assert entry.detail.startswith("entries ") and entry.detail.endswith(" missing")
    assert cli("audit", "verify", "--vault", str(vault_dir))[0] == 0  # type: ignore[operator]


def test_a_damaged_page_refuses_to_open_before_anything_is_written(vault_dir: Path) -> None:
    vault, _ = Vault.create(vault_dir, PASSPHRASE)
    for i in range(200):
        vault.clients.add(Client(f"Client number {i}", email="someone@example.com" * 4))
    vault.close()
    db = vault_dir / DB_FILE
    data = bytearray(db.read_bytes())
    data[len(data) // 2 + 100] ^= 0x01  # a page of clients; the schema still reads
    db.write_bytes(bytes(data))
    before = _state(vault_dir)
    with pytest.raises(VaultError, match="damaged"):
        Vault.open(vault_dir, PASSPHRASE)
    assert _state(vault_dir) == before
    assert not (vault_dir / WAL).exists()


@pytest.mark.parametrize("field", ["salt", "ciphertext"])
def test_an_edited_key_file_is_damaged_not_a_wrong_passphrase(vault: Vault, vault_dir: Path,
                                                              field: str) -> None:
    vault.close()
    path = vault_dir / KEYS_FILE
    data = json.loads(path.read_text())
    section = "kdf" if field == "salt" else "passphrase_wrap"
    value = data[section][field]
    data[section][field] = ("B" if value[0] == "A" else "A") + value[1:]
    path.write_text(json.dumps(data))
    with pytest.raises(VaultError, match="key file is damaged"):
        Vault.open(vault_dir, PASSPHRASE)


def test_the_copy_from_before_an_upgrade_put_back(vault_dir: Path, data_dir: Path,
                                                  cli: object) -> None:
    """The older schema cannot be read by this version's queries: every command says what
    happened in one line (audit verify exits 1), none fails with an internal error."""
    from tests.storage.test_migrations import make_v1_vault

    make_v1_vault(vault_dir)
    Vault.open(vault_dir, PASSPHRASE).close()  # upgraded, its head written
    shutil.copyfile(vault_dir / "stillnote.v1.before-upgrade.db", vault_dir / DB_FILE)
    before = _state(vault_dir)
    code, _, err = cli("audit", "verify", "--vault", str(vault_dir))  # type: ignore[operator]
    assert code == 1 and "older than the vault's last known state" in err
    code, _, err = cli("export", "practice", "--vault", str(vault_dir),  # type: ignore[operator]
                       "--out", str(data_dir / "p.json"))
    assert code == 2 and err.count("\n") == 2 and "opens read-only" in err
    assert _state(vault_dir) == before
    assert cli("audit", "accept", "--vault", str(vault_dir))[0] == 0  # type: ignore[operator]
    with Vault.open(vault_dir, PASSPHRASE) as accepted:
        assert accepted.clients.get(1).legal_name == "Maya Thornton"
