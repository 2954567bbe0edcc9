"""The database itself refuses to change or delete a signed note, whoever asks."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlcipher3 import dbapi2

from models.appointment import Appointment
from models.client import Client
from models.note import Note, NoteSection
from storage.vault import Vault


def _signed_note_id(vault: Vault) -> int:
    client = vault.clients.add(Client("Maya Thornton"))
    appt = vault.appointments.add(Appointment(client.id or 0, datetime(2026, 3, 2, 15, tzinfo=UTC)))
    note = vault.notes.save_draft(Note(appt.id or 0, client.id or 0,
                                       sections=[NoteSection("Data", "text")]))
    vault.notes.sign(note.id or 0, "J A", "LCSW", datetime(2026, 3, 2, 18, tzinfo=UTC))
    return note.id or 0


def test_raw_sql_update_of_signed_note_is_refused(vault: Vault) -> None:
    note_id = _signed_note_id(vault)
    vault.notes.add_addendum(note_id, "late entry", "J A", "LCSW", datetime.now(UTC))
    conn = vault.connection
    with pytest.raises(dbapi2.IntegrityError, match="signed note"):
        conn.execute("UPDATE notes SET body = 'forged' WHERE id = ?", (note_id,))
    with pytest.raises(dbapi2.IntegrityError, match="signed note"):
        conn.execute("UPDATE notes SET status = 'draft' WHERE id = ?", (note_id,))
    with pytest.raises(dbapi2.IntegrityError, match="signed note"):
        conn.execute("DELETE FROM notes WHERE id = ?", (note_id,))
    with pytest.raises(dbapi2.IntegrityError, match="signed note"):
        conn.execute("UPDATE addenda SET text = 'x'")
    assert vault.notes.get(note_id).sections[0].text == "text"


def test_raw_sql_update_of_a_draft_is_allowed(vault: Vault) -> None:
    client = vault.clients.add(Client("Maya Thornton"))
    appt = vault.appointments.add(Appointment(client.id or 0, datetime(2026, 3, 2, 15, tzinfo=UTC)))
    note = vault.notes.save_draft(Note(appt.id or 0, client.id or 0))
    vault.connection.execute("UPDATE notes SET process_notes = 'x' WHERE id = ?", (note.id,))
    assert vault.notes.get(note.id or 0).process_notes == "x"
