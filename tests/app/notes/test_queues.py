from __future__ import annotations

from datetime import timedelta
from typing import Any

from app.notes import autosave, risk_follow_up, sign_note, start_or_resume_note, unsigned_queue
from app.notes.queues import format_age
from models.note import NoteSection
from tests.app.notes.helpers import FULL_PROMPTS, add_client, add_session, hours_ago


def _note(vault: Any, client: Any, hours: float, risk: str = "Denies SI/HI.") -> Any:
    appt = add_session(vault, client, start=hours_ago(hours))
    note = start_or_resume_note(vault, appt.id)
    note.prompts = {**FULL_PROMPTS, "risk": risk}
    note.sections = [NoteSection("Subjective", "Work stress.")]
    return autosave(vault, note)


def test_unsigned_queue_oldest_first_with_overdue(vault: Any) -> None:
    ana = add_client(vault)
    bo = add_client(vault, "Bo Chen")
    fresh = _note(vault, ana, 3)
    old = _note(vault, bo, 50)
    signed = _note(vault, ana, 100)
    sign_note(vault, signed)
    items = unsigned_queue(vault)
    assert [i.note_id for i in items] == [old.id, fresh.id]
    assert [i.overdue for i in items] == [True, False]
    assert items[0].client_name == "Bo Chen"
    assert items[0].age > timedelta(hours=48)
    assert items[1].age_text == "2 h"


def test_format_age() -> None:
    assert format_age(timedelta(minutes=5)) == "5 min"
    assert format_age(timedelta(hours=30)) == "30 h"
    assert format_age(timedelta(days=3, hours=2)) == "3 days"


def test_risk_follow_up_lists_recent_elevated_risk_once_per_client(vault: Any) -> None:
    ana = add_client(vault)
    bo = add_client(vault, "Bo Chen")
    cy = add_client(vault, "Cy Diaz")
    _note(vault, ana, 24 * 3, "Passive SI without plan or intent; safety plan reviewed.")
    latest = _note(vault, ana, 24 * 1, "Endorses passive ideation.")
    _note(vault, bo, 24 * 2, "Denies SI, HI, plan or intent.")
    _note(vault, cy, 24 * 40, "Suicidal ideation with a plan.")  # older than 30 days
    items = risk_follow_up(vault)
    assert [(i.client_name, i.note_id) for i in items] == [("Ana Lima", latest.id)]
    assert items[0].risk_text == "Endorses passive ideation."
