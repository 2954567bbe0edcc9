from __future__ import annotations

from datetime import UTC, datetime

import pytest

from models.appointment import Appointment, Modality
from models.client import Client, Diagnosis
from models.completeness import (
    check_note,
    flag_resolved,
    open_flags,
    recorded_elevated_risk,
    risk_mentions,
    signing_blockers,
)
from models.flags import Flag, FlagKind
from models.note import Note, NoteSection, NoteStatus

FULL = {
    "presenting_concerns": "Work stress and poor sleep.",
    "interventions": "Cognitive restructuring.",
    "client_response": "Engaged, identified two distortions.",
    "risk": "Denies SI/HI.",
    "plan": "Weekly sessions; thought log.",
}


def _appt(**kw: object) -> Appointment:
    base: dict[str, object] = dict(client_id=1, start=datetime(2026, 11, 20, 15, tzinfo=UTC),
                                   minutes=53, cpt_code="90837", location="Office 2")
    base.update(kw)
    return Appointment(**base)  # type: ignore[arg-type]


def _client(dx: bool = True) -> Client:
    return Client("Ana Lima", diagnoses=[Diagnosis("F41.1", "GAD", True)] if dx else [], id=1)


def _note(prompts: dict[str, str] | None = None, **kw: object) -> Note:
    n = Note(appointment_id=1, client_id=1, prompts=dict(FULL if prompts is None else prompts),
             sections=[NoteSection("Subjective", "Client reported work stress.")])
    for k, v in kw.items():
        setattr(n, k, v)
    return n


def test_complete_note_has_no_gaps() -> None:
    result = check_note(_note(), _appt(), _client())
    assert result.complete, result.messages()
    assert signing_blockers(_note(), _appt(), _client()) == []


def test_every_gap_is_named() -> None:
    result = check_note(_note({}), _appt(cpt_code="", location=""), _client(dx=False))
    assert result.gap_keys() == ["location", "service_code", "diagnosis", "interventions",
                             "response", "risk", "plan"]
    assert all(m.endswith(".") for m in result.messages())


def test_overrides_for_code_and_location() -> None:
    result = check_note(_note(), _appt(cpt_code="", location=""), _client(),
                        service_code="90834", location="Client's home")
    assert result.complete


def test_risk_not_assessed_counts_as_answered_without_mentions() -> None:
    prompts = {k: v for k, v in FULL.items() if k != "risk"}
    assert "risk" in check_note(_note(prompts), _appt(), _client()).gap_keys()
    assert check_note(_note(prompts, risk_not_assessed=True), _appt(), _client()).complete


@pytest.mark.parametrize("text", [
    "Client spoke of suicide of a friend.", "Passing suicidal thoughts last week.",
    "History of self-harm.", "Worried about harm to others at work.",
    "Homicidal anger at boss.", "Disclosed childhood abuse.",
])
def test_risk_mention_requires_assessment_even_if_marked_not_assessed(text: str) -> None:
    prompts = {k: v for k, v in FULL.items() if k != "risk"}
    prompts["presenting_concerns"] = text
    note = _note(prompts, risk_not_assessed=True)
    result = check_note(note, _appt(), _client())
    assert result.risk_required and result.risk_terms
    blockers = signing_blockers(note, _appt(), _client())
    assert blockers[0].startswith("A prompt mentions")
    assert "risk assessment before signing" in blockers[0]


def test_risk_mentions_ignore_the_risk_field() -> None:
    assert risk_mentions({"risk": "Denies suicidal ideation."}) == []
    assert risk_mentions({"plan": "Revisit abuse history", "goals": "abuse"}) == ["abuse"]


@pytest.mark.parametrize(("text", "elevated"), [
    ("Denies SI, HI, plan or intent.", False),
    ("Denied suicidal ideation.", False),
    ("No SI/HI.", False),
    ("Risk not assessed.", False),
    ("Low risk; negative for self-harm.", False),
    ("", False),
    ("Passive SI without plan or intent.", True),
    ("Endorses suicidal ideation with a plan.", True),
    ("Safety plan reviewed and updated.", True),
    ("Denies HI but reports self-harm (cutting) last week.", True),
    ("Denies SI; reports passive ideation.", True),
])
def test_recorded_elevated_risk(text: str, elevated: bool) -> None:
    assert recorded_elevated_risk(text) is elevated


def test_flags_resolve_by_edit_or_acknowledgement() -> None:
    note = _note()
    lost = Flag(FlagKind.LOST_FACT, None, "lost", "poor sleep")
    bad = Flag(FlagKind.UNGROUNDED, "Subjective", "x", "Client reported work stress.")
    info = Flag(FlagKind.NO_MODEL, None, "no model", "")
    note.flags = [lost, bad, info]
    assert not flag_resolved(lost, note) and not flag_resolved(bad, note)
    assert open_flags(note) == [lost, bad]  # "no model" only informs: nothing to check
    assert any("2 flagged items" in b for b in signing_blockers(note, _appt(), _client()))
    note.sections = [NoteSection("Subjective", "Client described poor sleep.")]
    assert flag_resolved(lost, note) and flag_resolved(bad, note)
    assert open_flags(note) == []


def test_empty_field_and_impression_flags_resolve_when_filled_in() -> None:
    note = _note()
    empty = Flag(FlagKind.EMPTY_FIELD, "Plan", "Nothing was entered for Progress.", "Progress")
    impression = Flag(FlagKind.NO_IMPRESSION, "Assessment", "Add your impression.", "Impression")
    truncated = Flag(FlagKind.FIELD_TRUNCATED, None, "Shortened.", "Plan")
    note.flags = [empty, impression, truncated]
    note.prompts.pop("progress", None)
    assert open_flags(note) == [empty, impression, truncated]
    note.prompts["progress"] = "Sleeping six hours now."
    note.prompts["impression"] = "Improving; GAD symptoms easing."
    assert open_flags(note) == [truncated]  # a shortened answer needs a look, not an edit
    note.flags[2] = truncated.acknowledge()
    assert open_flags(note) == []


def test_a_missing_impression_asks_until_one_is_entered_or_written() -> None:
    note = _note()
    note.sections = [NoteSection("Assessment", "Client was engaged. No clinical impression "
                                               "was entered for this session.")]
    asks = Flag(FlagKind.NO_IMPRESSION, "Assessment", "Add your clinical impression.")
    note.flags = [asks]
    assert open_flags(note) == [asks]
    assert any("flagged" in b for b in signing_blockers(note, _appt(), _client()))
    note.sections = [NoteSection("Assessment", "Client was engaged. Progress toward goal 1 "
                                               "is steady.")]
    assert not flag_resolved(asks, note)  # written by hand: the therapist acknowledges it
    note.flags = [asks.acknowledge()]
    assert open_flags(note) == []
    note.flags = [asks]
    note.prompts["impression"] = "responding well to CBT"
    assert flag_resolved(asks, note)


def test_signed_or_empty_note_cannot_be_signed() -> None:
    assert signing_blockers(_note(status=NoteStatus.SIGNED), _appt(), _client())
    assert "no text" in signing_blockers(_note(sections=[]), _appt(), _client())[0]


def test_telehealth_needs_location() -> None:
    result = check_note(_note(), _appt(modality=Modality.TELEHEALTH, location=""), _client())
    assert result.gap_keys() == ["location"]
