"""The intake assessment of a 90791 session and the discharge summary, on a real vault: what
each starts from, what must be in it before it is signed, and what the record counts for it."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest

from app.documents.discharge import (
    episode_of,
    goal_outcomes,
    set_goal_outcomes,
    start_discharge,
)
from app.documents.plans import start_plan
from app.documents.workflow import blockers_of, open_document, sign_document
from app.notes import start_or_resume_note
from app.notes.queues import unsigned_queue
from app.notes.workflow import NotReadyToSign, add_addendum, addenda_of
from models.appointment import AppointmentStatus
from models.discharge import GoalOutcome
from models.errors import NoteLocked
from models.note import NoteFormat, NoteKind, NoteSection
from models.treatment_plan import problems_text
from tests.app.documents.helpers import (
    INTAKE_PROMPTS,
    PLAN_PROBLEM,
    PLAN_PROMPTS,
    add_client,
    add_session,
    intake_session,
    weekly_sessions,
)

AT = datetime(2026, 11, 10, 18, 0, tzinfo=UTC)


def test_a_90791_session_opens_the_intake_assessment(vault: Any) -> None:
    client = add_client(vault)
    note = start_or_resume_note(vault, intake_session(vault, client).id)
    assert note.format is NoteFormat.INTAKE and note.kind is NoteKind.INTAKE
    assert note.prompts == {"diagnosis": "F41.1 Generalized anxiety disorder"}
    progress = start_or_resume_note(vault, add_session(vault, client).id)
    assert progress.format is NoteFormat.SOAP  # the next session is a progress note again


def test_an_intake_needs_its_core_sections_and_a_risk_assessment(vault: Any) -> None:
    client = add_client(vault)
    note = start_or_resume_note(vault, intake_session(vault, client).id)
    note.prompts = {"referral": "self-referred; thoughts of suicide last month"}
    note.sections = [NoteSection("Reason for Referral", "Client self-referred.")]
    vault.notes.save_draft(note)
    reasons = blockers_of(open_document(vault, note.id))
    assert reasons[0] == ("A prompt mentions suicide: record the risk assessment before "
                          "signing.")
    assert "The mental status exam is missing." in reasons
    assert "The diagnostic impression has no diagnosis: pick one (ICD-10-CM)." in reasons
    with pytest.raises(NotReadyToSign):
        sign_document(vault, note, at=AT)
    note.prompts = dict(INTAKE_PROMPTS, diagnosis="F41.0 Panic disorder")
    assert blockers_of(open_document(vault, vault.notes.save_draft(note).id)) == []
    signed = sign_document(vault, note, at=AT)
    assert signed.is_signed and signed.prompts["diagnosis"] == "F41.0 Panic disorder"


def test_unsigned_documents_wait_in_the_queue_by_their_own_date(vault: Any) -> None:
    client = add_client(vault)
    intake = start_or_resume_note(vault, intake_session(vault, client).id)
    plan = start_plan(vault, client.id, date(2026, 11, 17))
    now = datetime(2026, 11, 20, 12, tzinfo=UTC)
    rows = {i.note_id: i for i in unsigned_queue(vault, now)}
    assert rows[intake.id].kind is NoteKind.INTAKE
    assert rows[intake.id].date_of_service == date(2026, 11, 10)
    assert rows[plan.id].kind is NoteKind.TREATMENT_PLAN and rows[plan.id].appointment_id is None
    assert rows[plan.id].date_of_service == date(2026, 11, 17)


def _client_with_plan(vault: Any) -> Any:
    client = add_client(vault)
    intake = start_or_resume_note(vault, intake_session(vault, client).id)
    intake.prompts = dict(INTAKE_PROMPTS, diagnosis="F41.0 Panic disorder")
    intake.sections = [NoteSection("Reason for Referral", "Referred by PCP.")]
    sign_document(vault, vault.notes.save_draft(intake), at=AT)
    plan = start_plan(vault, client.id, date(2026, 11, 17))
    plan.prompts.update(PLAN_PROMPTS, problems=problems_text([PLAN_PROBLEM]))
    plan.sections = [NoteSection("Diagnosis", "Diagnosis: F41.0 Panic disorder.")]
    sign_document(vault, vault.notes.save_draft(plan), at=AT)
    return client


def test_the_discharge_summary_counts_the_episode_from_the_record(vault: Any) -> None:
    client = _client_with_plan(vault)
    weekly_sessions(vault, client, 5)
    add_session(vault, client, start=datetime(2027, 1, 5, 9, tzinfo=UTC),
                status=AppointmentStatus.NO_SHOW)  # not a session attended
    assert episode_of(vault, client.id).sessions == 6  # the intake and 5 weekly sessions
    summary = start_discharge(vault, client.id, date(2027, 1, 10))
    assert summary.appointment_id is None and summary.written_on == date(2027, 1, 10)
    assert summary.prompts["episode"] == ("First session 11/10/2026; last session 12/15/2026; "
                                          "6 sessions attended")
    assert summary.prompts["intake_diagnosis"] == "F41.0 Panic disorder"
    assert summary.prompts["discharge_diagnosis"] == "F41.1 Generalized anxiety disorder"
    assert summary.prompts["goal_progress"] == (
        "Goal 1 (manage panic symptoms and return to highway driving):")
    assert start_discharge(vault, client.id).id == summary.id


def test_each_goal_of_the_last_plan_needs_its_outcome(vault: Any) -> None:
    client = _client_with_plan(vault)
    summary = start_discharge(vault, client.id, date(2027, 1, 10))
    summary.prompts.update(reason="goals met", risk="denies SI/HI", aftercare="none")
    summary.sections = [NoteSection("Course of Treatment", "Client attended 1 session.")]
    vault.notes.save_draft(summary)
    assert ("Record the progress on goal 1 of the last treatment plan."
            in blockers_of(open_document(vault, summary.id)))
    (goal,) = goal_outcomes(vault, summary)
    set_goal_outcomes(summary, [GoalOutcome(goal.number, goal.goal, "met",
                                            "no panic attacks since December")])
    assert summary.prompts["goal_progress"] == (
        "Goal 1 (manage panic symptoms and return to highway driving): met; no panic attacks "
        "since December")
    vault.notes.save_draft(summary)
    assert blockers_of(open_document(vault, summary.id)) == []
    signed = sign_document(vault, summary, at=datetime(2027, 1, 10, 18, tzinfo=UTC))
    with pytest.raises(NoteLocked):
        vault.notes.save_draft(signed)
    add_addendum(vault, signed.id, "Client called on 01/20 to say she is doing well.",
                 at=datetime(2027, 1, 20, 18, tzinfo=UTC))
    assert [a.text for a in addenda_of(vault, signed.id)] == [
        "Client called on 01/20 to say she is doing well."]
    assert vault.notes.get(signed.id).sections == signed.sections
