"""The hash-chained audit log: entries for every change, ids only, tampering detected."""

from __future__ import annotations

from datetime import UTC, datetime

from models.appointment import Appointment
from models.client import Client
from models.note import Note, NoteSection
from storage.vault import Vault


def test_changes_are_recorded_without_names_or_text(vault: Vault) -> None:
    client = vault.clients.add(Client("Quillfeather Marchbanks"))
    client.phone = "555-0100"
    vault.clients.update(client)
    appt = vault.appointments.add(Appointment(client.id or 0, datetime(2026, 3, 2, 15, tzinfo=UTC)))
    note = vault.notes.save_draft(Note(appt.id or 0, client.id or 0,
                                       sections=[NoteSection("Data", "lighthouse dreams")]))
    vault.notes.sign(note.id or 0, "J A", "LCSW", datetime(2026, 3, 2, 18, tzinfo=UTC))
    vault.audit.record("export", "note", note.id, "pdf")
    entries = vault.audit.entries()
    actions = [(e.action, e.entity) for e in entries]
    assert ("create", "vault") in actions
    assert ("create", "client") in actions and ("update", "client") in actions
    assert ("sign", "note") in actions and ("export", "note") in actions
    update = next(e for e in entries if e.action == "update" and e.entity == "client")
    assert update.detail == "changed: phone" and update.entity_id == client.id
    for e in entries:
        assert "Quillfeather" not in e.detail and "lighthouse" not in e.detail
    assert [e.id for e in entries] == list(range(1, len(entries) + 1))
    assert entries[0].prev_hash == "0" * 64
    assert all(b.prev_hash == a.hash for a, b in zip(entries, entries[1:], strict=False))
    verdict = vault.audit.verify()
    assert verdict.ok and verdict.first_broken_id is None


def _tamper(vault: Vault, sql: str, params: tuple[object, ...]) -> None:
    """What someone holding the key could do: drop the guard triggers and edit history."""
    conn = vault.connection
    conn.execute("DROP TRIGGER audit_no_update")
    conn.execute("DROP TRIGGER audit_no_delete")
    conn.execute(sql, params)


def test_edited_entry_is_named(vault: Vault) -> None:
    for i in range(5):
        vault.clients.add(Client(f"Client {i}"))
    _tamper(vault, "UPDATE audit_log SET detail = 'innocent' WHERE id = ?", (3,))
    verdict = vault.audit.verify()
    assert not verdict.ok and verdict.first_broken_id == 3
    assert "entry 3" in verdict.message


def test_deleted_entry_is_named(vault: Vault) -> None:
    for i in range(5):
        vault.clients.add(Client(f"Client {i}"))
    _tamper(vault, "DELETE FROM audit_log WHERE id = ?", (4,))
    verdict = vault.audit.verify()
    assert not verdict.ok and verdict.first_broken_id == 4


def test_audit_log_refuses_plain_updates(vault: Vault) -> None:
    import pytest
    from sqlcipher3 import dbapi2

    with pytest.raises(dbapi2.IntegrityError, match="append-only"):
        vault.connection.execute("UPDATE audit_log SET actor = 'x'")


def test_reordered_entries_are_named(vault: Vault) -> None:
    for i in range(5):
        vault.clients.add(Client(f"Client {i}"))
    entries = vault.audit.entries()
    a, b = entries[2], entries[3]
    # Swap the contents of two rows (ids stay in order): history told in another order.
    _tamper(vault, "UPDATE audit_log SET at = ?, action = ?, entity = ?, entity_id = ?, "
                   "detail = ?, prev_hash = ?, hash = ? WHERE id = ?",
            (b.at.isoformat(), b.action, b.entity, b.entity_id, b.detail, b.prev_hash, b.hash,
             a.id))
    vault.connection.execute(
        "UPDATE audit_log SET at = ?, action = ?, entity = ?, entity_id = ?, detail = ?, "
        "prev_hash = ?, hash = ? WHERE id = ?",
        (a.at.isoformat(), a.action, a.entity, a.entity_id, a.detail, a.prev_hash, a.hash, b.id))
    verdict = vault.audit.verify()
    assert not verdict.ok and verdict.first_broken_id == a.id
