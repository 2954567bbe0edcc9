"""A writer killed with SIGKILL mid-way loses nothing it had committed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from storage.vault import Vault
from tests.storage.conftest import PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]

WRITER = textwrap.dedent("""
    import os, sys
    from datetime import datetime, timezone
    from models.client import Client
    from models.appointment import Appointment
    from storage.vault import Vault
    vault = Vault.open(sys.argv[1], os.environ["STILLNOTE_PASSPHRASE"])
    i = 0
    while True:
        with vault.transaction():
            c = vault.clients.add(Client(f"Client {i:05d}"))
            vault.appointments.add(Appointment(c.id, datetime(2026, 3, 2, 10, tzinfo=timezone.utc)))
        print(c.id, flush=True)  # printed only after COMMIT returned
        i += 1
""")


def test_sigkill_keeps_every_committed_record(vault_dir: Path) -> None:
    Vault.create(vault_dir, PASSPHRASE)[0].close()
    env = {**os.environ, "STILLNOTE_PASSPHRASE": PASSPHRASE, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(vault_dir)], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    committed: list[int] = []
    for line in proc.stdout:
        committed.append(int(line))
        if len(committed) >= 60:
            break
    proc.send_signal(signal.SIGKILL)
    rest, err = proc.communicate(timeout=30)
    committed += [int(x) for x in rest.split()]
    assert proc.returncode == -signal.SIGKILL, err
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        stored = {c.id: c.legal_name for c in vault.clients.list()}
        for client_id in committed:
            assert stored[client_id] == f"Client {client_id - 1:05d}"
            assert len(vault.appointments.for_client(client_id)) == 1
        assert vault.audit.verify().ok
        assert vault.query_one("PRAGMA integrity_check")[0] == "ok"
