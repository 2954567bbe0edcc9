"""The documents' schema step on a real vault saved just before it: every note, addendum, lock
and the full-text index carry over, and a note may now be dated by itself instead of a session."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlcipher3 import dbapi2

from models.appointment import Appointment
from models.client import Client
from models.note import Note, NoteFormat, NoteSection
from storage.connection import DB_FILE, configure_for_writing, connect
from storage.keys import new_key_file
from storage.migrations import apply_migrations, schema_version
from storage.migrations import m007_documents as documents_step
from storage.vault import Vault
from tests.storage.conftest import PASSPHRASE

BEFORE = documents_step.VERSION - 1


def _vault_before_documents(vault_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A vault made at the schema before documents, with one signed note (and its addendum)
    and one draft, their rows written with that schema's columns."""
    import storage.vault

    monkeypatch.setattr(storage.vault, "apply_migrations",
                        lambda conn: apply_migrations(conn, up_to=BEFORE))
    vault, _ = Vault.create(vault_dir, PASSPHRASE)
    monkeypatch.undo()
    with vault:
        client = vault.clients.add(Client("Maya T"))
        appts = [vault.appointments.add(Appointment(client.id or 0, datetime(2026, 3, d, 15,
                                                                             tzinfo=UTC)))
                 for d in (2, 9)]
        conn = vault.connection
        assert schema_version(conn) == BEFORE
        stamp = "2026-03-02T15:00:00+00:00"
        conn.execute("INSERT INTO notes (id, appointment_id, client_id, format, body, status, "
                     "signed_at, signed_by, created_at, updated_at) VALUES (1, ?, ?, 'soap', "
                     "'lighthouse panic', 'signed', ?, 'J A', ?, ?)",
                     (appts[0].id, client.id, stamp, stamp, stamp))
        conn.execute("INSERT INTO notes (id, appointment_id, client_id, format, body, "
                     "created_at, updated_at) VALUES (2, ?, ?, 'dap', 'draft words', ?, ?)",
                     (appts[1].id, client.id, stamp, stamp))
        conn.execute("INSERT INTO addenda (id, note_id, text, signed_at, signed_by, "
                     "content_hash) VALUES (1, 1, 'late entry', ?, 'J A', 'h')", (stamp,))


def _objects_at(folder: Path, version: int) -> set[tuple[str, str]]:
    """The triggers and indexes a fresh database has at ``version``."""
    _key_file, data_key, _ = new_key_file(PASSPHRASE)
    folder.mkdir(mode=0o700)
    conn = connect(folder / DB_FILE, data_key, create=True)
    configure_for_writing(conn)
    apply_migrations(conn, up_to=version)
    found = _objects(conn)
    conn.close()
    return found


def _objects(conn: dbapi2.Connection) -> set[tuple[str, str]]:
    return {(r[0], r[1]) for r in conn.execute(
        "SELECT type, name FROM sqlite_master WHERE type IN ('trigger', 'index')")}


def test_notes_and_their_locks_carry_over(vault_dir: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    _vault_before_documents(vault_dir, monkeypatch)
    before = _objects_at(vault_dir.parent / "scratch", BEFORE)
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        conn = vault.connection
        assert schema_version(conn) >= documents_step.VERSION
        assert before <= _objects(conn)  # every trigger and index of notes is back
        assert [n.id for n in vault.notes.for_client(1)] == [1, 2]
        assert vault.notes.get(1).is_signed and vault.notes.get(2).body_text() == ""
        assert [a.text for a in vault.notes.addenda(1)] == ["late entry"]
        assert vault.notes.search("lighthouse") == [1]
        for sql in ("UPDATE notes SET body = 'x' WHERE id = 1", "DELETE FROM notes WHERE id = 1",
                    "UPDATE addenda SET text = 'x'"):
            with pytest.raises(dbapi2.IntegrityError, match="signed note"):
                conn.execute(sql)
        with pytest.raises(dbapi2.IntegrityError, match="signed note"):
            conn.execute("INSERT INTO addenda (note_id, text, signed_at, signed_by, "
                         "content_hash) VALUES (2, 'x', 'now', 'J A', 'h')")
        plan = vault.notes.save_draft(Note(None, 1, NoteFormat.TREATMENT_PLAN,
                                           sections=[NoteSection("Diagnosis", "F41.1")],
                                           written_on=date(2026, 3, 9),
                                           review_on=date(2026, 6, 7)))
        assert vault.notes.get(plan.id).review_on == date(2026, 6, 7)
        vault.notes.sign(plan.id, "J A", "LCSW", datetime(2026, 3, 9, tzinfo=UTC))
        assert vault.notes.get(plan.id).is_signed
    assert (vault_dir / f"stillnote.v{BEFORE}.before-upgrade.db").exists()


def test_a_note_needs_a_session_or_a_date_of_its_own(vault_dir: Path) -> None:
    vault, _ = Vault.create(vault_dir, PASSPHRASE)
    with vault:
        client = vault.clients.add(Client("Maya T"))
        with pytest.raises(dbapi2.IntegrityError, match="CHECK"):
            vault.connection.execute(
                "INSERT INTO notes (client_id, format, created_at, updated_at) "
                "VALUES (?, 'treatment_plan', 'now', 'now')", (client.id,))
