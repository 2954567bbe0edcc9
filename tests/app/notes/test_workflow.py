from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import pytest

from app.notes import (
    NotReadyToSign,
    acknowledge_all_flags,
    add_addendum,
    autosave,
    completeness_of,
    load_context,
    sign_note,
    start_or_resume_note,
    update_session_details,
)
from models.appointment import AppointmentStatus, Modality
from models.errors import InvalidInput, NoteLocked
from models.flags import Flag, FlagKind
from models.note import NoteFormat, NoteSection
from tests.app.notes.helpers import FULL_PROMPTS, add_client, add_session


def _ready_note(vault: Any, prompts: dict[str, str] | None = None) -> Any:
    client = add_client(vault)
    appt = add_session(vault, client)
    note = start_or_resume_note(vault, appt.id)
    note.prompts = dict(FULL_PROMPTS if prompts is None else prompts)
    note.sections = [NoteSection("Subjective", "Client reported work stress."),
                     NoteSection("Plan", "Weekly sessions.")]
    return autosave(vault, note)


def test_start_then_resume_uses_clients_last_format(vault: Any) -> None:
    client = add_client(vault)
    vault.clients.set_last_note_format(client.id, "dap")
    appt = add_session(vault, client)
    note = start_or_resume_note(vault, appt.id)
    assert note.id is not None and note.format is NoteFormat.DAP
    note.prompts["presenting_concerns"] = "Grief"
    autosave(vault, note)
    again = start_or_resume_note(vault, appt.id)
    assert again.id == note.id and again.prompts["presenting_concerns"] == "Grief"


def test_only_attended_sessions_get_notes(vault: Any) -> None:
    client = add_client(vault)
    appt = add_session(vault, client, status=AppointmentStatus.NO_SHOW)
    with pytest.raises(InvalidInput, match="attended"):
        start_or_resume_note(vault, appt.id)


def test_autosave_skips_unchanged_and_ignores_signed(vault: Any) -> None:
    note = _ready_note(vault)
    before = len(vault.audit.entries())
    autosave(vault, note)
    autosave(vault, note)
    assert len(vault.audit.entries()) == before  # nothing changed: nothing written
    note.prompts["plan"] = "Biweekly."
    autosave(vault, note)
    assert vault.notes.get(note.id).prompts["plan"] == "Biweekly."


def test_sign_locks_note_and_database_refuses_update(vault: Any) -> None:
    note = _ready_note(vault)
    at = datetime(2026, 11, 20, 18, 0, tzinfo=UTC)
    signed = sign_note(vault, note, at=at)
    assert signed.is_signed and signed.signed_by == "Dana Reyes"
    assert signed.signer_credentials == "LCSW" and signed.signed_at == at
    assert len(signed.content_hash) == 64
    assert vault.clients.get(signed.client_id).last_note_format == "soap"
    with pytest.raises(NoteLocked):
        vault.notes.save_draft(note)
    with pytest.raises(Exception):  # noqa: B017 - the trigger's error type is storage's business
        vault.connection.execute("UPDATE notes SET body = 'changed' WHERE id = ?", (note.id,))
    assert vault.notes.get(note.id).sections == signed.sections
    autosave(vault, signed)  # a signed note: a no-op, not an error


def test_risk_mention_without_assessment_refuses_signing(vault: Any) -> None:
    prompts = dict(FULL_PROMPTS)
    prompts["presenting_concerns"] = "Spoke about her brother's suicide attempt."
    del prompts["risk"]
    note = _ready_note(vault, prompts)
    note.risk_not_assessed = True
    with pytest.raises(NotReadyToSign) as info:
        sign_note(vault, note)
    assert str(info.value).startswith("A prompt mentions suicid")
    assert "risk assessment before signing" in str(info.value)
    assert not vault.notes.get(note.id).is_signed


def test_unacknowledged_flags_block_signing(vault: Any) -> None:
    note = _ready_note(vault)
    note.flags = [Flag(FlagKind.EMPTY_FIELD, "Plan", "Empty.", "x", acknowledged=False)]
    with pytest.raises(NotReadyToSign, match="flagged"):
        sign_note(vault, note)
    acknowledge_all_flags(note)
    assert sign_note(vault, note).is_signed


def test_completeness_uses_suggested_code_and_office_address(vault: Any) -> None:
    note = _ready_note(vault)
    context = load_context(vault, note)
    assert context.service_code == "90837"
    assert "Springfield" in context.location
    assert completeness_of(context).complete


def test_telehealth_location_can_be_recorded(vault: Any) -> None:
    client = add_client(vault)
    appt = add_session(vault, client, modality=Modality.TELEHEALTH)
    vault.practice.save(replace(vault.practice.get(), telehealth_pos="02"))
    note = start_or_resume_note(vault, appt.id)
    assert "location" in completeness_of(load_context(vault, note)).gap_keys()
    update_session_details(vault, appt.id, location="Client's car, parked")
    assert "location" not in completeness_of(load_context(vault, note)).gap_keys()


def test_addendum_only_on_signed_note(vault: Any) -> None:
    note = _ready_note(vault)
    with pytest.raises(InvalidInput):
        add_addendum(vault, note.id, "Late entry.")
    sign_note(vault, note)
    with pytest.raises(InvalidInput):
        add_addendum(vault, note.id, "   ")
    add = add_addendum(vault, note.id, "Client called to confirm homework.")
    assert add.signed_by == "Dana Reyes" and add.signed_at.tzinfo is not None
    assert [a.text for a in vault.notes.addenda(note.id)] == ["Client called to confirm homework."]


def test_signing_needs_a_signer_name(vault: Any) -> None:
    note = _ready_note(vault)
    vault.practice.save(replace(vault.practice.get(), clinician_name=""))
    with pytest.raises(InvalidInput, match="name"):
        sign_note(vault, note)
