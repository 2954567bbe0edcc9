"""Benchmark: what durability costs. Each commit of the vault is fsynced in the WAL
(synchronous=FULL), checkpointed into the main file (PASSIVE) and followed by an atomic write of
the audit head; each unlock reads every page's HMAC and the audit head before writing.

Prints the milliseconds per commit (a client added: one row and its audit entry) for the old
setting and each step added, and the unlock checks on a ten-year practice (the vault of
bench_vault.py, about 100 MB).

Run (prints the tables; skipped unless STILLNOTE_BENCH=1):
    STILLNOTE_BENCH=1 .venv/bin/python -m pytest tests/benchmarks/bench_durability.py -s -q
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from models.client import Client
from storage.connection import pages_are_intact
from storage.head import head_problem
from storage.vault import Vault

pytestmark = [pytest.mark.benchmark, pytest.mark.slow, pytest.mark.skipif(
    os.environ.get("STILLNOTE_BENCH") != "1", reason="set STILLNOTE_BENCH=1 to run the benchmark")]

PASSPHRASE = "benchmark passphrase"
COMMITS = 300


@contextmanager
def _setting(vault: Vault, synchronous: str, checkpoint: bool, head: bool) -> Iterator[None]:
    """The vault with one durability step or another switched off."""
    saved = Vault._checkpoint, Vault._write_head
    vault.connection.execute(f"PRAGMA synchronous = {synchronous}")
    if not checkpoint:
        Vault._checkpoint = lambda self, conn: None  # type: ignore[method-assign]
    if not head:
        Vault._write_head = lambda self, conn: None  # type: ignore[method-assign]
    try:
        yield
    finally:
        Vault._checkpoint, Vault._write_head = saved  # type: ignore[method-assign]
        vault.connection.execute("PRAGMA synchronous = FULL")


SETTINGS = [
    ("before: NORMAL, no checkpoint, no head", "NORMAL", False, False),
    ("FULL", "FULL", False, False),
    ("FULL + checkpoint after each commit", "FULL", True, False),
    ("FULL + checkpoint + head file (what ships)", "FULL", True, True),
]


def test_cost_of_each_commit(tmp_path: Path) -> None:
    vault, _ = Vault.create(tmp_path / "vault", PASSPHRASE)
    rows = []
    with vault:
        for label, synchronous, checkpoint, head in SETTINGS:
            with _setting(vault, synchronous, checkpoint, head):
                times = []
                for i in range(COMMITS):
                    start = time.perf_counter()
                    vault.clients.add(Client(f"Client {i}"))
                    times.append((time.perf_counter() - start) * 1000)
            rows.append((label, statistics.median(times), sorted(times)[int(COMMITS * 0.95)]))
    print(f"\n{'one committed client (' + str(COMMITS) + ' commits)':52} {'median':>8} "
          f"{'95th':>8}")
    for label, median, p95 in rows:
        print(f"{label:52} {median:6.2f} ms {p95:6.2f} ms")
    assert len(rows) == len(SETTINGS)


def test_cost_of_the_unlock_checks(tmp_path: Path) -> None:
    from storage.connection import DB_FILE, connect
    from tests.benchmarks.bench_vault import _fill

    vault, _ = Vault.create(tmp_path / "ten-years", PASSPHRASE)
    _fill(vault.connection)
    data_key, vault_id = vault._data_key, vault.vault_id
    vault.close()
    size = (tmp_path / "ten-years" / DB_FILE).stat().st_size / 1e6
    conn = connect(tmp_path / "ten-years" / DB_FILE, data_key, read_only=True)
    timings = {}
    for name, check in [
            ("every page's HMAC (cipher_integrity_check)", lambda: pages_are_intact(conn)),
            ("audit head compared", lambda: head_problem(conn, tmp_path / "ten-years",
                                                         vault_id, data_key, 3))]:
        runs = []
        for _ in range(3):
            start = time.perf_counter()
            check()
            runs.append((time.perf_counter() - start) * 1000)
        timings[name] = min(runs)
    conn.close()
    runs = []
    for _ in range(3):
        start = time.perf_counter()
        Vault.open(tmp_path / "ten-years", PASSPHRASE).close()
        runs.append((time.perf_counter() - start) * 1000)
    print(f"\nunlock checks on a ten-year practice ({size:.0f} MB):")
    for name, ms in timings.items():
        print(f"  {name:48} {ms:7.0f} ms")
    print(f"  {'whole unlock (argon2id, checks, unlock entry)':48} {min(runs):7.0f} ms")
    assert timings
