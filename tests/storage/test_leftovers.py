"""Finding 6: what a killed writer leaves is cleared on the next open, and a restore killed
between its two renames is finished, saying where the previous vault is."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main
from models.client import Client
from storage.backup import backup_vault
from storage.vault import Vault
from tests.storage.conftest import PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_leftovers_of_dead_writers_are_cleared_and_nothing_else(vault: Vault,
                                                                vault_dir: Path) -> None:
    vault.close()
    dead = _dead_pid()
    leftovers = [f".keys.json.{dead}.ab12cd34.tmp", f".stillnote.head.{dead}.x9_y8z7w.tmp",
                 f".backup-{dead}-0badc0de.db", f".backup-{dead}-0badc0de.db-journal"]
    live = [f".keys.json.{os.getppid()}.ab12cd34.tmp", f".backup-{os.getpid()}-0badc0de.db"]
    mine = ["notes to self.txt", ".hidden"]
    restoring = vault_dir.parent / f".{vault_dir.name}.restoring-{dead}-0badc0de"
    restoring.mkdir()
    (restoring / "stillnote.db").write_bytes(b"x" * 4096)
    for name in leftovers + live + mine:
        (vault_dir / name).write_bytes(b"x" * 1024)
    Vault.open(vault_dir, PASSPHRASE).close()
    names = {p.name for p in vault_dir.iterdir()}
    assert not names & set(leftovers)
    assert set(live + mine) <= names  # a running process's files and the user's stay
    assert not restoring.exists()


def test_a_read_only_vault_keeps_its_leftovers(vault: Vault, vault_dir: Path) -> None:
    """Nothing at all is written or removed in a vault that failed its checks."""
    vault.close()
    (vault_dir / "stillnote.head").unlink()
    leftover = vault_dir / f".keys.json.{_dead_pid()}.ab12cd34.tmp"
    leftover.write_bytes(b"x")
    with Vault.open(vault_dir, PASSPHRASE) as reopened:
        assert reopened.problem is not None
    assert leftover.exists()


KILL_AT_SECOND_RESTORE_RENAME = """
import os, signal, sys
from pathlib import Path
real = os.rename
count = 0
def rename(src, dst):
    global count
    real(src, dst)
    if Path(dst).name.startswith(Path(sys.argv[1]).name + ".before-restore-"):
        os.kill(os.getpid(), signal.SIGKILL)  # the vault is aside, the copy not yet in
os.rename = rename
from storage.backup import restore_vault
restore_vault(Path(sys.argv[1]), Path(sys.argv[2]), os.environ["STILLNOTE_PASSPHRASE"])
"""


def test_a_restore_killed_between_its_renames_is_finished_on_the_next_open(
        vault: Vault, vault_dir: Path, data_dir: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    vault.clients.add(Client("In the backup"))
    backup = backup_vault(vault, data_dir / "b.bak")
    vault.clients.add(Client("Only in the vault"))
    vault.close()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "STILLNOTE_PASSPHRASE": PASSPHRASE}
    proc = subprocess.run([sys.executable, "-c", KILL_AT_SECOND_RESTORE_RENAME, str(vault_dir),
                           str(backup)], cwd=ROOT, env=env, capture_output=True, timeout=120)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    assert not vault_dir.exists()  # the moment the old restore left no vault at the path
    kept = next(data_dir.glob("vault.before-restore-*"))
    monkeypatch.setenv("STILLNOTE_PASSPHRASE", PASSPHRASE)
    assert main(["audit", "verify", "--vault", str(vault_dir)]) == 0
    out, err = capsys.readouterr()
    assert err == ("stillnote: A restore of the backup made on "
                   f"{backup_made(backup)} was interrupted and has now been completed; the "
                   f"previous vault is in {kept}.\n")
    with Vault.open(vault_dir, PASSPHRASE) as restored:
        assert [c.legal_name for c in restored.clients.list()] == ["In the backup"]
        assert [e.detail for e in restored.audit.entries()][-2:] == [
            "completed after an interruption", "passphrase"]
    with Vault.open(kept, PASSPHRASE) as previous:
        assert len(previous.clients.list()) == 2
    assert sorted(p.name for p in data_dir.iterdir()) == sorted(["b.bak", "vault", kept.name])
    # said once: the next open has nothing to finish
    assert main(["audit", "verify", "--vault", str(vault_dir)]) == 0
    assert capsys.readouterr().err == ""


def backup_made(backup: Path) -> str:
    import json
    import zipfile

    with zipfile.ZipFile(backup) as archive:
        return str(json.loads(archive.read("manifest.json"))["created_at"])[:10]


def test_restore_says_where_the_previous_vault_is(vault: Vault, vault_dir: Path, data_dir: Path,
                                                  capsys: pytest.CaptureFixture[str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    backup = backup_vault(vault, data_dir / "b.bak")
    vault.close()
    monkeypatch.setenv("STILLNOTE_PASSPHRASE", PASSPHRASE)
    assert main(["restore", "--vault", str(vault_dir), str(backup)]) == 0
    kept = next(data_dir.glob("vault.before-restore-*"))
    assert f"the previous vault was kept in {kept}" in capsys.readouterr().out
