"""The therapist's style, read from their own signed notes."""

from __future__ import annotations

from drafting.facts_json import facts_from_json
from drafting.pipeline import deterministic_draft
from drafting.style import StyleProfile, profile_from_notes

NOTE_A = ("Subjective: The client reported poor sleep and described worry about money. The "
          "client was tearful. Objective: The client was seen on 03/04/2025 for a 50-minute "
          "session. This writer reviewed a sleep log and provided psychoeducation on sleep "
          "hygiene and relapse warning signs. Plan: The client will keep the log.")
NOTE_B = "- Pt reports stress.\n- Pt was calm.\n- Therapist taught breathing.\n- Pt denies SI."


def test_no_notes_give_the_default_profile() -> None:
    assert profile_from_notes([]) == StyleProfile()
    assert profile_from_notes(["", "   "]) == StyleProfile()


def test_names_dates_length_and_layout_are_read_from_the_notes() -> None:
    a = profile_from_notes([NOTE_A])
    assert (a.client, a.clinician, a.date_style, a.bullets) == ("The client", "This writer",
                                                                 "numeric", False)
    b = profile_from_notes([NOTE_B])
    assert (b.client, b.clinician, b.bullets) == ("Pt", "Therapist", True)
    assert b.max_predicates < a.max_predicates  # short sentences: fewer facts in one


def test_two_styles_give_visibly_different_drafts_of_the_same_facts() -> None:
    facts = facts_from_json({"format": "soap", "session": {"date": "2026-11-18", "minutes": 50,
                                                           "modality": "office"},
                             "prompts": {"presenting_concerns": "poor sleep; worry about exams",
                                         "interventions": "taught box breathing",
                                         "risk": "denied SI", "plan": "practice daily"}})
    a = deterministic_draft(facts, style_examples=[NOTE_A]).text()
    b = deterministic_draft(facts, style_examples=[NOTE_B]).text()
    assert "The client reported poor sleep and worry about exams." in a
    assert "This writer taught box breathing." in a and "11/18/2026" in a
    assert "- Pt reported poor sleep." in b and "- Pt reported worry about exams." in b
    assert "Therapist taught box breathing." in b
    for word in ("money", "tearful", "sleep log", "hygiene", "stress", "calm", "breathing."):
        assert word not in a.replace("box breathing.", "") and word not in b.replace(
            "box breathing.", "")
