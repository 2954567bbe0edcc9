"""Finding 2 inside the vault: a signature that proves content, and notes signed before it.

The attacker here holds the data key (raw SQL through the project's own connection, triggers
dropped) but not a way around Ed25519: every field a signature covers is changed in turn, each
time with the old SHA-256 content hash recomputed, and each change is caught.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from models.appointment import Appointment, AppointmentStatus
from models.client import Client
from models.flags import Flag, FlagKind
from models.note import Addendum, Note, NoteSection, NoteStatus, addendum_hash, content_hash
from models.signed_record import SealKind
from storage.connection import DB_FILE, configure_for_writing, connect
from storage.keys import new_key_file
from storage.migrations import LATEST_VERSION, apply_migrations
from storage.record_check import check_record
from storage.repositories.notes import _note
from storage.signing import short_fingerprint
from storage.vault import Vault
from tests.storage.conftest import PASSPHRASE

SIGNED_AT = datetime(2026, 3, 2, 18, tzinfo=UTC)


def _signed_note(vault: Vault) -> int:
    client = vault.clients.add(Client("Maya Thornton"))
    appt = vault.appointments.add(Appointment(client.id or 0, datetime(2026, 3, 2, 15, tzinfo=UTC),
                                              status=AppointmentStatus.ATTENDED))
    note = vault.notes.save_draft(Note(
        appt.id or 0, client.id or 0, prompts={"risk": "Denies SI."},
        sections=[NoteSection("Data", "Discussed sleep.")], process_notes="private",
        flags=[Flag(FlagKind.UNGROUNDED, "Data", "m", "t", acknowledged=True)]))
    vault.notes.sign(note.id or 0, "J A", "LCSW", SIGNED_AT)
    vault.notes.add_addendum(note.id or 0, "Late entry.", "J A", "LCSW", datetime.now(UTC))
    return note.id or 0


def test_a_signed_note_checks_out_and_names_its_key(vault: Vault) -> None:
    note = vault.notes.get(_signed_note(vault))
    assert note.signature is not None and note.signature.how is SealKind.SIGNING
    assert vault.notes.signature_problem(note) == ""
    own = vault.signing.trusted()[0]
    assert note.signature.key == own.fingerprint and len(short_fingerprint(own.fingerprint)) == 39
    assert check_record(vault).ok


EDITS = {
    "section text": ("sections", json.dumps([{"heading": "Data", "text": "Discussed work."}])),
    "prompt": ("prompts", json.dumps({"risk": "Reports SI."})),
    "flag acknowledgement": ("flags", json.dumps([{"kind": "ungrounded", "section": "Data",
                                                   "message": "m", "text": "t"}])),
    "risk not assessed": ("risk_not_assessed", 1),
    "process notes": ("process_notes", "something else"),
    "signer": ("signed_by", "Someone Else"),
    "signing time": ("signed_at", "2020-01-01T00:00:00+00:00"),
    "format": ("format", "dap"),
    "client": ("client_id", 99),
}


@pytest.mark.parametrize("field", list(EDITS), ids=list(EDITS))
def test_every_signed_field_is_covered(vault: Vault, field: str) -> None:
    note_id = _signed_note(vault)
    column, value = EDITS[field]
    conn = vault.connection
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("DROP TRIGGER notes_signed_no_update")
    conn.execute(f"UPDATE notes SET {column} = ? WHERE id = ?", (value, note_id))
    edited = vault.notes.get(note_id)
    # the old hash recomputed, as anyone can: it does not help
    conn.execute("UPDATE notes SET content_hash = ? WHERE id = ?", (content_hash(edited), note_id))
    problem = vault.notes.signature_problem(vault.notes.get(note_id))
    assert problem == f"Signed note {note_id} was changed after it was signed."
    assert check_record(vault).message == problem


def test_an_edited_addendum_is_caught(vault: Vault) -> None:
    note_id = _signed_note(vault)
    conn = vault.connection
    conn.execute("DROP TRIGGER addenda_no_update")
    conn.execute("UPDATE addenda SET text = 'Nothing to add.'")
    add = vault.notes.addenda(note_id)[0]
    conn.execute("UPDATE addenda SET content_hash = ?", (addendum_hash(add),))
    assert "Addendum" in vault.notes.signature_problem(vault.notes.get(note_id))


def test_a_signature_copied_from_another_note_does_not_fit(vault: Vault) -> None:
    first = _signed_note(vault)
    second = _signed_note(vault)
    conn = vault.connection
    conn.execute("DROP TRIGGER notes_signed_no_update")
    conn.execute("UPDATE notes SET signature = (SELECT signature FROM notes WHERE id = ?) "
                 "WHERE id = ?", (first, second))
    assert "changed" in vault.notes.signature_problem(vault.notes.get(second))


def _v2_vault(vault_dir: Path) -> None:
    """A vault as Stillnote wrote it before signatures: two signed notes (one edited behind the
    app's back since), an addendum, and the audit entries of schema 2."""
    key_file, data_key, _ = new_key_file(PASSPHRASE)
    vault_dir.mkdir(mode=0o700)
    conn = connect(vault_dir / DB_FILE, data_key, create=True)
    configure_for_writing(conn)
    assert apply_migrations(conn, up_to=2) == [1, 2]
    conn.execute("INSERT INTO clients (id, legal_name, created_at) VALUES (1, 'M T', ?)",
                 (SIGNED_AT.isoformat(),))
    for i in (1, 2):
        conn.execute("INSERT INTO appointments (id, client_id, start_utc, start_local, minutes, "
                     "modality, service, status, uid) VALUES (?, 1, ?, ?, 50, 'office', "
                     "'individual', 'attended', ?)",
                     (i, f"2026-03-0{i}T15:00:00.000000Z", f"2026-03-0{i}T15:00:00+00:00",
                      f"u{i}"))
        note = Note(i, 1, sections=[NoteSection("Data", f"Session {i}.")],
                    status=NoteStatus.SIGNED, signed_at=SIGNED_AT, signed_by="J A", id=i)
        conn.execute("INSERT INTO notes (id, appointment_id, client_id, format, sections, status, "
                     "signed_at, signed_by, content_hash, created_at, updated_at) "
                     "VALUES (?, ?, 1, 'soap', ?, 'signed', ?, 'J A', ?, ?, ?)",
                     (i, i, json.dumps([{"heading": "Data", "text": f"Session {i}."}]),
                      SIGNED_AT.isoformat(), content_hash(note), SIGNED_AT.isoformat(),
                      SIGNED_AT.isoformat()))
    add = Addendum(1, "Late entry.", SIGNED_AT, "J A", id=1)
    conn.execute("INSERT INTO addenda (id, note_id, text, signed_at, signed_by, content_hash) "
                 "VALUES (1, 1, 'Late entry.', ?, 'J A', ?)",
                 (SIGNED_AT.isoformat(), addendum_hash(add)))
    conn.execute("DROP TRIGGER notes_signed_no_update")  # note 2 edited before the upgrade
    conn.execute("""UPDATE notes SET sections = '[{"heading": "Data", "text": "Forged."}]'
                    WHERE id = 2""")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    key_file.save(vault_dir)


def test_notes_signed_before_signatures_are_signed_at_the_upgrade(vault_dir: Path) -> None:
    _v2_vault(vault_dir)
    before = datetime.now(UTC)
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        kept = vault.notes.get(1)
        assert kept.signature is not None and kept.signature.how is SealKind.UPGRADE
        assert kept.signature.at >= before
        assert vault.notes.signature_problem(kept) == ""
        assert vault.notes.addenda(1)[0].signature is not None
        # the note edited before the upgrade is not vouched for, and every check says so
        assert vault.notes.get(2).signature is None
        assert check_record(vault).message == ("Signed note 2 carries no signature, so nothing "
                                               "shows it is as it was signed.")
        assert [e.detail for e in vault.audit.entries() if e.action == "upgrade"] == [
            f"schema 2 to {LATEST_VERSION}"]  # past 3, the signatures' step, in one upgrade
        # still locked, as before
        with pytest.raises(Exception, match="signed note is locked"):
            vault.connection.execute("UPDATE notes SET signature = 'x' WHERE id = 2")
        # and the upgrade signature is tied to the note as it is: a later edit is caught
        vault.connection.execute("DROP TRIGGER notes_signed_no_update")
        vault.connection.execute("UPDATE notes SET process_notes = 'x' WHERE id = 1")
        assert "changed" in vault.notes.signature_problem(vault.notes.get(1))


def test_stored_rows_read_back_to_the_same_signature(vault: Vault) -> None:
    """The payload is built from what is read back, so a round trip through the columns must
    not change a byte of it (sorted JSON, ISO times)."""
    note_id = _signed_note(vault)
    row = vault.query_one("SELECT id, appointment_id, client_id, format, prompts, sections, flags, "
                          "body, status, process_notes, risk_not_assessed, signed_at, signed_by, "
                          "signer_credentials, content_hash, created_at, updated_at, signature, "
                          "written_on, review_on, revises FROM notes WHERE id = ?", (note_id,))
    assert vault.notes.signature_problem(_note(row)) == ""
