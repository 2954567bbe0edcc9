"""A writer killed with SIGKILL at any moment loses nothing it had committed, leaves a vault that
opens, and leaves nothing behind once the vault is opened again.

Two kinds of kill: at random moments of a writer doing everyday work (at least 50 times), and
at every rename the vault's operations make (commits writing the head file, backups, restores,
passphrase changes, the upgrade of an older vault), both just before and just after it. The
counts are printed (run with -s): tries, failures, records lost.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from models.client import Client
from models.errors import WrongPassphrase
from storage import keys
from storage.backup import backup_vault
from storage.head import HEAD_FILE
from storage.record_check import check_record
from storage.vault import Vault

ROOT = Path(__file__).resolve().parents[2]
PASSPHRASES = ("first crash passphrase", "second crash passphrase")
RANDOM_KILLS = 50
SAVED_V1 = Path(__file__).parent / "fixtures" / "vault-v1"
VAULT_FILES = {"stillnote.db", "keys.json", HEAD_FILE}


@pytest.fixture
def fast_kdf(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """argon2id at its smallest allowed cost: these tests unlock hundreds of times. The cost
    is stored in keys.json, so the child processes use it too."""
    monkeypatch.setattr(keys, "DEFAULT_KDF", {"time_cost": 1, "memory_cost": 8 * 1024,
                                              "parallelism": 1})
    yield


def _env(**extra: str) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "STILLNOTE_PASSPHRASE": PASSPHRASES[0],
            "STILLNOTE_PASSPHRASE_2": PASSPHRASES[1], **extra}


def _child(*args: str, **env: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "tests.storage.crash_child", *args],
                            cwd=ROOT, env=_env(**env), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def _open_any(vault_dir: Path, passphrases: tuple[str, ...]) -> Vault:
    for phrase in passphrases:
        try:
            return Vault.open(vault_dir, phrase)
        except WrongPassphrase:
            continue
    raise AssertionError("no passphrase opens the vault")


class Ledger:
    """What the children reported committed, checked against the vault after each kill."""

    def __init__(self) -> None:
        self.clients: dict[int, int] = {}  # client id -> appointment id
        self.signed: dict[int, int] = {}  # note id -> addendum id

    def read(self, lines: str) -> None:
        for line in lines.splitlines():
            kind, *values = line.split()
            if kind == "client":
                self.clients[int(values[0])] = int(values[1])
            elif kind == "signed":
                self.signed[int(values[0])] = int(values[1])

    def lost(self, vault: Vault) -> int:
        clients = {c.id for c in vault.clients.list()}
        appts = {a.id for a in vault.appointments.all()}
        notes = {n.id: n for n in vault.notes.all()}
        addenda = {a.id for adds in vault.notes.all_addenda().values() for a in adds}
        missing = [c for c, a in self.clients.items() if c not in clients or (a and a not in appts)]
        missing += [n for n, a in self.signed.items()
                    if n not in notes or not notes[n].is_signed or a not in addenda]
        return len(missing)


def _leftovers(vault_dir: Path) -> list[str]:
    inside = sorted(p.name for p in vault_dir.iterdir()
                    if p.name not in VAULT_FILES and ".before-upgrade." not in p.name)
    beside = sorted(p.name for p in vault_dir.parent.iterdir()
                    if p.name.startswith(f".{vault_dir.name}."))
    return inside + beside


def _check_after_kill(vault_dir: Path, ledger: Ledger,
                      passphrases: tuple[str, ...] = PASSPHRASES) -> tuple[bool, int, list[str]]:
    """(opened writable and checks out, records lost, leftovers after the open)."""
    try:
        vault = _open_any(vault_dir, passphrases)
    except Exception as exc:  # counted as a failure to open, reported below
        print(f"    did not open: {type(exc).__name__}: {exc}")
        return False, len(ledger.clients) + len(ledger.signed), []
    with vault:
        lost = ledger.lost(vault)
        verdict = check_record(vault)
        ok = vault.problem is None and verdict.ok and vault.query_one(
            "PRAGMA integrity_check")[0] == "ok"
        if not ok:
            print(f"    {vault.read_only_reason or verdict.message}")
    return ok, lost, _leftovers(vault_dir)


def test_random_sigkills_lose_nothing_committed(vault_dir: Path, fast_kdf: None) -> None:
    Vault.create(vault_dir, PASSPHRASES[0])[0].close()
    rng = random.Random(2026)
    ledger = Ledger()
    failures = lost_total = 0
    left: list[str] = []
    for attempt in range(RANDOM_KILLS):
        proc = _child("forever", str(vault_dir), str(attempt))
        assert proc.stdout is not None
        first = proc.stdout.readline()  # it is writing now (however long starting took)
        time.sleep(rng.uniform(0.0, 0.8))  # then a random moment of its work
        proc.send_signal(signal.SIGKILL)
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == -signal.SIGKILL, err
        ledger.read(first + out)
        ok, lost, leftovers = _check_after_kill(vault_dir, ledger)
        failures += not ok
        lost_total += lost
        left += leftovers
        if leftovers:
            print("    left:", leftovers)
    print(f"\nrandom SIGKILLs: {RANDOM_KILLS} tries, {failures} failures, {lost_total} records "
          f"lost, {len(left)} leftovers; {len(ledger.clients)} clients and "
          f"{len(ledger.signed)} signed notes committed")
    assert (failures, lost_total, left) == (0, 0, [])


def _renames(op: str, vault_dir: Path, passphrases: tuple[str, ...]) -> int:
    """How many renames ``op`` makes, counted by a run without a kill on a scratch copy."""
    scratch = vault_dir.parent.parent / "scratch"
    shutil.copytree(vault_dir.parent, scratch, symlinks=True)
    proc = _child(op, str(scratch / vault_dir.name), **_phrases(passphrases))
    out, err = proc.communicate(timeout=120)
    shutil.rmtree(scratch)
    assert proc.returncode == 0, err
    return int(out.split()[-1])


def _phrases(passphrases: tuple[str, ...]) -> dict[str, str]:
    return {"STILLNOTE_PASSPHRASE": passphrases[0],
            "STILLNOTE_PASSPHRASE_2": passphrases[-1]}


def _prepare(op: str, folder: Path) -> Path:
    vault_dir = folder / "vault"
    if op == "open":
        shutil.copytree(SAVED_V1, vault_dir)  # a schema-1 vault: opening it upgrades it
        return vault_dir
    vault, _ = Vault.create(vault_dir, PASSPHRASES[0])
    with vault:
        vault.clients.add(Client("In the backup"))
        (folder / "backups").mkdir()
        backup_vault(vault, folder / "backups" / "latest.bak")
        vault.clients.add(Client("Only in the vault"))
    return vault_dir


# (operation, passphrases that may open the vault afterwards)
OPERATIONS = {
    "write": PASSPHRASES, "backup": PASSPHRASES, "restore": PASSPHRASES,
    "passphrase": PASSPHRASES, "open": ("correct horse battery staple",),
}


@pytest.mark.parametrize("op", list(OPERATIONS))
def test_a_kill_at_every_rename(op: str, tmp_path: Path, fast_kdf: None) -> None:
    passphrases = OPERATIONS[op]
    template = tmp_path / "template"
    template.mkdir()
    template_vault = _prepare(op, template)
    total = _renames(op, template_vault, passphrases)
    assert total >= 2
    tries = failures = lost_total = 0
    left: list[str] = []
    for n in range(1, total + 1):
        for when in ("before", "after"):
            run = tmp_path / f"run-{n}-{when}"
            shutil.copytree(template, run, symlinks=True)
            vault_dir = run / "vault"
            before = _names_in(vault_dir) if op == "restore" else set()
            proc = _child(op, str(vault_dir), STILLNOTE_KILL_AT=str(n), STILLNOTE_KILL_WHEN=when,
                          **_phrases(passphrases))
            out, err = proc.communicate(timeout=120)
            assert proc.returncode == -signal.SIGKILL, (n, when, err)
            tries += 1
            ledger = Ledger()
            ledger.read(out)
            ok, lost, leftovers = _check_after_kill(vault_dir, ledger, passphrases)
            if ok and before:
                # a restore ends with the backup's clients or the vault's, never a mix or none
                ok = _names_in(vault_dir) in (before, {"In the backup"})
            failures += not ok
            lost_total += lost
            left += leftovers
    print(f"\nkill at each rename of {op!r}: {total} renames, {tries} tries, {failures} "
          f"failures, {lost_total} records lost, {len(left)} leftovers")
    assert (failures, lost_total, left) == (0, 0, [])


def _names_in(vault_dir: Path) -> set[str]:
    with _open_any(vault_dir, PASSPHRASES) as vault:
        return {c.legal_name for c in vault.clients.list()}
