"""No PHI in plaintext anywhere on disk: vault, WAL, backups, temp files."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

from models.appointment import Appointment, AppointmentStatus
from models.client import Client, Diagnosis, Goal, Insurance
from models.note import Note, NoteSection
from models.practice import PracticeProfile
from storage.backup import backup_vault
from storage.vault import Vault
from tests.storage.conftest import PASSPHRASE

SECRETS = [
    "Quillfeather Marchbanks",  # client legal name
    "Ελένη Παπαδοπούλου",  # Greek name
    "陈美玲",  # Chinese name
    "qmarchbanks@example.com",
    "Generalized anxiety disorder",
    "F41.1",
    "Zephyrine Health Mutual",
    "XQ-MEMBER-778812",
    "recurring nightmares about the lighthouse",  # note text
    "private process musings about transference",
    "Addendum about the marmalade incident",
    "Reduce lighthouse avoidance",  # goal
    "Dr. Ottoline Vexley",  # clinician
]


def _fill(vault: Vault) -> None:
    ny = ZoneInfo("America/New_York")
    vault.practice.save(PracticeProfile(clinician_name="Dr. Ottoline Vexley", npi="1234567893"))
    client = vault.clients.add(Client(
        "Quillfeather Marchbanks", email="qmarchbanks@example.com",
        insurance=Insurance("Zephyrine Health Mutual", "XQ-MEMBER-778812"),
        diagnoses=[Diagnosis("F41.1", "Generalized anxiety disorder", True)]))
    vault.clients.add(Client("Ελένη Παπαδοπούλου"))
    vault.clients.add(Client("陈美玲"))
    cid = client.id or 0
    vault.goals.add(Goal(cid, "Reduce lighthouse avoidance"))
    appt = vault.appointments.add(Appointment(cid, datetime(2026, 3, 2, 10, tzinfo=ny),
                                              status=AppointmentStatus.ATTENDED,
                                              fee=Decimal("150")))
    note = vault.notes.save_draft(Note(
        appt.id or 0, cid, sections=[NoteSection("Subjective",
                                                 "recurring nightmares about the lighthouse")],
        process_notes="private process musings about transference"))
    vault.notes.sign(note.id or 0, "Dr. Ottoline Vexley", "PhD",
                     datetime(2026, 3, 2, 18, tzinfo=ny))
    vault.notes.add_addendum(note.id or 0, "Addendum about the marmalade incident",
                             "Dr. Ottoline Vexley", "PhD", datetime(2026, 3, 3, 9, tzinfo=ny))
    vault.settings.set("last_client_viewed", "Quillfeather Marchbanks")


def _all_files(*folders: Path) -> list[Path]:
    return [p for folder in folders for p in folder.rglob("*") if p.is_file()]


def _assert_no_secrets(files: list[Path]) -> None:
    assert files
    for path in files:
        data = path.read_bytes()
        for secret in SECRETS:
            for encoded in (secret.encode("utf-8"), secret.encode("utf-16-le")):
                assert encoded not in data, f"{secret!r} found in plaintext in {path.name}"


def test_no_phi_in_any_file_while_open(data_dir: Path, temp_dir: Path) -> None:
    vault, _ = Vault.create(data_dir / "vault", PASSPHRASE)
    _fill(vault)
    # while open the WAL holds the recent writes: it must be encrypted too
    assert (data_dir / "vault" / "stillnote.db-wal").exists()
    _assert_no_secrets(_all_files(data_dir, temp_dir))
    vault.close()


def test_no_phi_in_any_file_after_create_write_close_backup(data_dir: Path,
                                                            temp_dir: Path) -> None:
    vault, _ = Vault.create(data_dir / "vault", PASSPHRASE)
    _fill(vault)
    backup_vault(vault, data_dir / "backups" / "practice.stillnote-backup")
    vault.close()
    reopened = Vault.open(data_dir / "vault", PASSPHRASE)  # and a migration-free reopen
    assert reopened.notes.search("lighthouse")
    reopened.close()
    files = _all_files(data_dir, temp_dir)
    assert any(p.name == "practice.stillnote-backup" for p in files)
    _assert_no_secrets(files)
