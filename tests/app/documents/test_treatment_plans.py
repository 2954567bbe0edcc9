"""Treatment plans on a real vault: the first plan, signing, revising (the signed version stays
as it was and readable), the plan in force, review dates and what progress notes take from it."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlcipher3 import dbapi2

from app.documents.export import export_note_pdf
from app.documents.listing import documents_of_client
from app.documents.plans import (
    current_plan,
    plans_due,
    progress_picks,
    set_review_date,
    standing_of,
    start_plan,
)
from app.documents.workflow import blockers_of, open_document, sign_document
from app.notes.signature import signature_problem
from models.errors import InvalidInput, NoteLocked
from models.note import NoteFormat, NoteSection
from models.treatment_plan import Objective, Problem, parse_problems, problems_text
from tests.app.billing.pdf_text import pdf_words
from tests.app.documents.helpers import PLAN_PROBLEM, PLAN_PROMPTS, add_client

SIGNED_AT = datetime(2026, 11, 17, 18, 0, tzinfo=UTC)


def _written_plan(vault: Any, client_id: int, on: date = date(2026, 11, 17)) -> Any:
    plan = start_plan(vault, client_id, on)
    plan.prompts.update(PLAN_PROMPTS, problems=problems_text([PLAN_PROBLEM]))
    plan.sections = [NoteSection("Diagnosis", "Diagnosis: F41.1 Generalized anxiety disorder."),
                     NoteSection("Problems, Goals and Objectives", "Problem 1: Panic attacks.")]
    return vault.notes.save_draft(plan)


def test_the_first_plan_starts_from_the_diagnoses_with_a_review_in_90_days(vault: Any) -> None:
    client = add_client(vault)
    plan = start_plan(vault, client.id, date(2026, 11, 17))
    assert plan.format is NoteFormat.TREATMENT_PLAN and plan.appointment_id is None
    assert plan.prompts["diagnosis"] == "F41.1 Generalized anxiety disorder"
    assert plan.written_on == date(2026, 11, 17) and plan.review_on == date(2027, 2, 15)
    assert plan.revises is None
    assert start_plan(vault, client.id).id == plan.id  # the plan begun is resumed, not doubled


def test_a_plan_without_measurable_objectives_or_agreement_cannot_be_signed(vault: Any) -> None:
    client = add_client(vault)
    plan = start_plan(vault, client.id, date(2026, 11, 17))
    vague = Problem("Low mood", goal="feel better", objectives=(Objective("be happier"),))
    plan.prompts["problems"] = problems_text([vague])
    plan.review_on = date(2026, 11, 1)
    plan.sections = [NoteSection("Diagnosis", "Diagnosis: F41.1.")]
    vault.notes.save_draft(plan)
    reasons = blockers_of(open_document(vault, plan.id))
    assert "Problem 1 needs a measurable objective: a target and a target date." in reasons
    assert "The interventions and their frequency are missing." in reasons
    assert any("participation" in r for r in reasons)
    assert "The review date must come after the plan's date." in reasons
    with pytest.raises(InvalidInput):
        sign_document(vault, plan, at=SIGNED_AT)
    assert not vault.notes.get(plan.id).is_signed


def test_the_problems_prompt_reads_back_as_written() -> None:
    text = problems_text([PLAN_PROBLEM])
    assert text.splitlines()[-1] == ("Objective 1a: reduce panic attacks; baseline 3-4 per week; "
                                     "target 1 or fewer per week; by 02/15/2027")
    (problem,) = parse_problems(text)
    assert problem.goal == PLAN_PROBLEM.goal and problem.objectives[0].measurable
    assert problem.objectives[0].target_date == date(2027, 2, 15)


def test_a_revision_leaves_the_signed_version_intact_and_readable(vault: Any,
                                                                  tmp_path: Path) -> None:
    client = add_client(vault)
    first = sign_document(vault, _written_plan(vault, client.id), at=SIGNED_AT)
    before = vault.notes.get(first.id)
    revision = start_plan(vault, client.id, date(2027, 2, 10))
    assert revision.id != first.id and revision.revises == first.id
    assert revision.prompts["problems"] == first.prompts["problems"]  # starts from the plan
    assert "participation" not in revision.prompts  # agreement is asked afresh
    revision.prompts["problems"] = revision.prompts["problems"].replace(
        "1 or fewer per week", "no panic attacks")
    revision.prompts["participation"] = "client reviewed the plan and agrees with the change"
    revision.sections = [NoteSection("Diagnosis", "Diagnosis: F41.0 Panic disorder.")]
    vault.notes.save_draft(revision)
    assert current_plan(vault, client.id).id == first.id  # in force until the revision is signed
    signed = sign_document(vault, revision, at=datetime(2027, 2, 10, 18, tzinfo=UTC))
    assert current_plan(vault, client.id).id == signed.id

    after = vault.notes.get(first.id)
    assert after == before  # every field of the signed version, its signature included
    assert signature_problem(vault, after, []) == ""
    assert "1 or fewer per week" in after.prompts["problems"]
    rows = documents_of_client(vault, client.id)
    assert [r.detail for r in rows] == [
        "version 2 (revises version 1), review 05/11/2027, in force",
        "version 1, review 02/15/2027"]
    old_pdf = export_note_pdf(vault, first.id, tmp_path / "v1.pdf")
    words = pdf_words(old_pdf)
    assert "Treatment plan 11/17/2026" in words and "Version 1 Review date 02/15/2027" in words
    assert "Problem 1: Panic attacks." in words
    assert "Signed" in words and "DRAFT" not in words
    assert "Version 2 (revises version 1)" in pdf_words(
        export_note_pdf(vault, signed.id, tmp_path / "v2.pdf"))


def test_a_signed_plan_cannot_be_changed_by_any_path(vault: Any) -> None:
    client = add_client(vault)
    plan = sign_document(vault, _written_plan(vault, client.id), at=SIGNED_AT)
    stored = vault.notes.get(plan.id)
    stored.sections[0].text = "forged"
    with pytest.raises(NoteLocked):
        vault.notes.save_draft(stored)
    with pytest.raises(NoteLocked):
        sign_document(vault, stored, at=SIGNED_AT)
    with pytest.raises(InvalidInput):
        set_review_date(vault, vault.notes.get(plan.id), date(2030, 1, 1))
    conn = vault.connection
    for sql in ("UPDATE notes SET review_on = '2030-01-01' WHERE id = ?",
                "UPDATE notes SET revises = NULL, written_on = '2020-01-01' WHERE id = ?",
                "UPDATE notes SET status = 'draft' WHERE id = ?",
                "DELETE FROM notes WHERE id = ?"):
        with pytest.raises(dbapi2.IntegrityError, match="signed note"):
            conn.execute(sql, (plan.id,))
    assert vault.notes.get(plan.id) == plan


def test_a_draft_plan_may_move_its_review_date(vault: Any) -> None:
    client = add_client(vault)
    plan = start_plan(vault, client.id, date(2026, 11, 17))
    moved = set_review_date(vault, plan, date(2027, 1, 17))
    assert vault.notes.get(moved.id).review_on == date(2027, 1, 17)


def test_review_dates_reach_today_and_the_progress_note(vault: Any) -> None:
    client = add_client(vault)
    other = add_client(vault, "Ben Okafor")
    assert standing_of(vault, client.id, date(2026, 12, 1)).notice().startswith(
        "This client has no signed treatment plan")
    sign_document(vault, _written_plan(vault, client.id), at=SIGNED_AT)
    sign_document(vault, _written_plan(vault, other.id, date(2026, 12, 20)), at=SIGNED_AT)
    assert standing_of(vault, client.id, date(2026, 12, 1)).notice() == ""
    assert standing_of(vault, client.id, date(2027, 2, 16)).notice() == (
        "The treatment plan's review date (02/15/2027) has passed: review and revise the plan.")
    assert plans_due(vault, date(2026, 12, 1)) == []
    due = plans_due(vault, date(2027, 2, 16))
    assert [(d.client_name, d.overdue) for d in due] == [("Ana Lima", True)]
    assert [d.client_name for d in plans_due(vault, date(2027, 3, 10))] == ["Ana Lima",
                                                                          "Ben Okafor"]
    picks = progress_picks(vault, client.id)
    assert picks.goals == ("Goal 1: manage panic symptoms and return to highway driving",)
    assert picks.objectives == ("Objective 1a (reduce panic attacks): ",)
