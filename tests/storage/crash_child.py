"""A writer for the crash tests, run as ``python -m tests.storage.crash_child OP VAULT ...``.

It prints a line only after what it did was committed (or the file it wrote was in place), so
the parent knows what must survive a SIGKILL. With STILLNOTE_KILL_AT=N it kills itself at the
N-th rename (os.replace or os.rename), just before it (STILLNOTE_KILL_WHEN=before) or just
after; without it, it prints how many renames the operation made ("renames N").
"""

from __future__ import annotations

import os
import random
import signal
import sys
from datetime import UTC, datetime
from pathlib import Path

_calls = 0
_KILL_AT = int(os.environ.get("STILLNOTE_KILL_AT", "0"))
_BEFORE = os.environ.get("STILLNOTE_KILL_WHEN", "after") == "before"


def _counted(real):  # type: ignore[no-untyped-def]
    def rename(*args, **kwargs):  # type: ignore[no-untyped-def]
        global _calls
        _calls += 1
        if _calls == _KILL_AT and _BEFORE:
            os.kill(os.getpid(), signal.SIGKILL)
        result = real(*args, **kwargs)
        if _calls == _KILL_AT:
            os.kill(os.getpid(), signal.SIGKILL)
        return result
    return rename


os.replace = _counted(os.replace)
os.rename = _counted(os.rename)

from models.appointment import Appointment, AppointmentStatus  # noqa: E402
from models.client import Client  # noqa: E402
from models.note import Note, NoteSection  # noqa: E402
from storage.backup import backup_vault, restore_vault  # noqa: E402
from storage.vault import Vault  # noqa: E402


def _open(vault_dir: Path, passphrases: list[str]) -> tuple[Vault, str]:
    from models.errors import WrongPassphrase

    for phrase in passphrases:
        try:
            return Vault.open(vault_dir, phrase), phrase
        except WrongPassphrase:
            continue
    raise SystemExit("no passphrase opens the vault")


def write_forever(vault_dir: Path, passphrases: list[str], seed: int) -> None:
    """Random everyday writes until killed: clients with a session, notes signed and amended,
    settings, backups, passphrase changes."""
    rng = random.Random(seed)
    vault, phrase = _open(vault_dir, passphrases)
    backups = vault_dir.parent / "backups"
    while True:
        action = rng.choice(["client"] * 6 + ["note", "setting", "backup", "passphrase"])
        if action == "client":
            with vault.transaction():
                client = vault.clients.add(Client(f"Client {rng.randrange(10**6)}"))
                appt = vault.appointments.add(Appointment(
                    client.id or 0, datetime(2026, 3, 2, 10, tzinfo=UTC),
                    status=AppointmentStatus.ATTENDED))
            print(f"client {client.id} {appt.id}", flush=True)
        elif action == "note":
            appt_id = rng.choice([a.id for a in vault.appointments.all()] or [0])
            if appt_id and vault.notes.for_appointment(appt_id) is None:
                appt = vault.appointments.get(appt_id)
                note = vault.notes.save_draft(Note(appt_id, appt.client_id,
                                                   sections=[NoteSection("Data", "Text.")]))
                vault.notes.sign(note.id or 0, "J A", "LCSW", datetime.now(UTC))
                add = vault.notes.add_addendum(note.id or 0, "Later.", "J A", "LCSW",
                                               datetime.now(UTC))
                print(f"signed {note.id} {add.id}", flush=True)
        elif action == "setting":
            vault.settings.set("crash.test", rng.randrange(1000))
        elif action == "backup":
            backups.mkdir(exist_ok=True)
            backup_vault(vault, backups / "latest.bak")
        else:
            new = passphrases[1] if phrase == passphrases[0] else passphrases[0]
            vault.change_passphrase(phrase, new)
            phrase = new
            print(f"passphrase {passphrases.index(new)}", flush=True)


def one_operation(op: str, vault_dir: Path, passphrases: list[str]) -> None:
    if op == "restore":
        restore_vault(vault_dir, vault_dir.parent / "backups" / "latest.bak", passphrases[0])
    elif op == "open":  # an upgrade of an older vault happens here
        _open(vault_dir, passphrases)[0].close()
    else:
        vault, phrase = _open(vault_dir, passphrases)
        with vault:
            if op == "write":
                client = vault.clients.add(Client("Written once"))
                print(f"client {client.id} 0", flush=True)
            elif op == "backup":
                backup_vault(vault, vault_dir.parent / "backups" / "latest.bak")
            elif op == "passphrase":
                vault.change_passphrase(phrase, passphrases[1])
    print(f"renames {_calls}", flush=True)


if __name__ == "__main__":
    operation, folder, *rest = sys.argv[1:]
    phrases = [os.environ["STILLNOTE_PASSPHRASE"], os.environ.get("STILLNOTE_PASSPHRASE_2", "")]
    if operation == "forever":
        write_forever(Path(folder), phrases, int(rest[0]))
    else:
        one_operation(operation, Path(folder), phrases)
