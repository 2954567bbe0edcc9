"""The safety rule end to end in app/: a positive item 9 or C-SSRS answer puts the client on
the risk follow-up list and blocks signing the session's note until its risk assessment
addresses the screen; the session's scores fill the note's measures facts."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from app.measures.entry import record_measure
from app.measures.note_facts import fill_measures_prompt, session_measures_text
from app.notes import NotReadyToSign, risk_follow_up, sign_blockers, sign_note
from app.notes.workflow import load_context, start_or_resume_note
from models.note import NoteSection
from tests.app.measures.helpers import add_client, gad7, phq9, session_on
from tests.app.notes.helpers import FULL_PROMPTS, TZ

DAY = date(2026, 11, 20)
NOW = datetime(2026, 11, 20, 18, 0, tzinfo=TZ)


def ready_note(vault: Any, appt: Any, risk: str) -> Any:
    note = start_or_resume_note(vault, appt.id)
    note.prompts = {**FULL_PROMPTS, "risk": risk}
    note.sections = [NoteSection("Subjective", "Work stress."), NoteSection("Plan", "Weekly.")]
    return vault.notes.save_draft(note)


def test_a_positive_item_9_puts_the_client_on_the_risk_list(vault: Any) -> None:
    client = add_client(vault)
    session_on(vault, client, DAY)
    recorded = record_measure(vault, client.id, "phq9", phq9(15, item9=1), DAY)
    assert [s.sentence() for s in recorded.screens] == [
        "PHQ-9 item 9 was answered “Several days” on 11/20/2026"]
    [item] = risk_follow_up(vault, now=NOW)
    assert item.client_id == client.id and item.note_id is None
    assert item.screen_text == "PHQ-9 item 9 was answered “Several days” on 11/20/2026"
    assert risk_follow_up(vault, now=NOW + timedelta(days=31)) == []  # the list's 30 days
    clean = add_client(vault, "Bo Chen")
    record_measure(vault, clean.id, "phq9", phq9(15), DAY)
    assert [i.client_id for i in risk_follow_up(vault, now=NOW)] == [client.id]


@pytest.mark.parametrize(("risk", "signable"), [
    ("Denies SI, HI, plan or intent.", False),  # leaves the screen silent
    ("", False),
    ("PHQ-9 item 9 endorsed (several days): passive thoughts of death, denies plan or intent; "
     "safety plan reviewed.", True),
    ("Discussed item 9: client clarified she meant tiredness; denies SI.", True),
    ("Passive suicidal ideation without plan or intent.", True),  # records the risk it found
])
def test_signing_waits_until_the_risk_assessment_addresses_the_screen(
        vault: Any, risk: str, signable: bool) -> None:
    client = add_client(vault)
    appt = session_on(vault, client, DAY)
    record_measure(vault, client.id, "phq9", phq9(15, item9=2), DAY)
    note = ready_note(vault, appt, risk)
    blockers = sign_blockers(load_context(vault, note))
    screen_rule = [b for b in blockers if "PHQ-9 item 9" in b]
    if signable:
        assert blockers == []
        assert sign_note(vault, note, at=datetime.now(UTC)).is_signed
    else:
        assert screen_rule and blockers[0] == screen_rule[0]  # the risk rule comes first
        with pytest.raises(NotReadyToSign):
            sign_note(vault, note)


def test_not_assessed_cannot_answer_a_positive_screen(vault: Any) -> None:
    client = add_client(vault)
    appt = session_on(vault, client, DAY)
    record_measure(vault, client.id, "cssrs", {"1": 1, "2": 0, "6": 0}, DAY)
    note = ready_note(vault, appt, "")
    note.risk_not_assessed = True
    vault.notes.save_draft(note)
    [blocker] = sign_blockers(load_context(vault, note))
    assert blocker.startswith("C-SSRS screener item 1 was answered “Yes” on 11/20/2026")
    note.prompts["risk"] = "C-SSRS: wish to be dead in the past month, no thoughts of killing "
    note.risk_not_assessed = False
    assert sign_blockers(load_context(vault, note)) == []


def test_a_screen_of_another_day_does_not_block_this_session(vault: Any) -> None:
    client = add_client(vault)
    appt = session_on(vault, client, DAY)
    record_measure(vault, client.id, "phq9", phq9(15, item9=1), DAY - timedelta(days=7))
    note = ready_note(vault, appt, "Denies SI, HI, plan or intent.")
    assert sign_blockers(load_context(vault, note)) == []


def test_the_sessions_scores_become_the_notes_measures_facts(vault: Any) -> None:
    client = add_client(vault)
    session_on(vault, client, date(2026, 11, 4))
    appt = session_on(vault, client, DAY)
    record_measure(vault, client.id, "phq9", phq9(17), date(2026, 11, 4))
    record_measure(vault, client.id, "phq9", phq9(14), DAY)
    record_measure(vault, client.id, "gad7", gad7(9), DAY)
    assert session_measures_text(vault, appt) == (
        "PHQ-9 total 14 (moderate), down from 17 on 11/04/2026; GAD-7 total 9 (mild)")
    note = start_or_resume_note(vault, appt.id)
    fill_measures_prompt(vault, note)
    assert note.prompts["measures"] == session_measures_text(vault, appt)
    typed = start_or_resume_note(vault, session_on(vault, client, date(2026, 11, 27)).id)
    typed.prompts["measures"] = "PHQ-9 not given today"
    assert fill_measures_prompt(vault, typed).prompts["measures"] == "PHQ-9 not given today"


def test_a_positive_item_and_a_prorated_total_read_as_entered(vault: Any) -> None:
    client = add_client(vault)
    appt = session_on(vault, client, DAY)
    answers = phq9(12, item9=1)
    answers.pop("1")  # a 3: the other eight sum to 9, so 9 * 9 / 8 = 10.1
    record_measure(vault, client.id, "phq9", answers, DAY)
    assert session_measures_text(vault, appt) == (
        "PHQ-9 total 10 (moderate; prorated, 1 item blank), item 9 answered “Several days”")
