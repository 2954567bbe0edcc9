from __future__ import annotations

from pathlib import Path
from typing import Any

from app.notes import facts_for_note, run_draft, start_or_resume_note
from app.notes.drafting import NO_CONSENT_REASON, ai_drafting_allowed
from models.flags import FlagKind
from models.note import FORMAT_HEADINGS, NoteFormat
from tests.app.notes.helpers import FULL_PROMPTS, add_client, add_session


class ExplodingPipeline:
    """Stands in for the model pipeline where the model must not be used at all."""

    def draft(self, *args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the model was used without consent")


def test_facts_carry_session_details_but_never_process_notes(vault: Any) -> None:
    client = add_client(vault)
    appt = add_session(vault, client)
    note = start_or_resume_note(vault, appt.id)
    note.prompts = dict(FULL_PROMPTS)
    note.process_notes = "Private: countertransference about my own father."
    facts = facts_for_note(note, appt, client, approach="CBT")
    assert facts.session.date == "2026-11-20" and facts.session.start == "10:00"
    assert facts.session.minutes == 53 and facts.session.modality == "office"
    assert facts.session.approach == "CBT" and facts.client_name == "Ana Lima"
    assert facts.prompts == FULL_PROMPTS
    assert "countertransference" not in repr(facts)


def test_risk_marked_not_assessed_reaches_the_draft_as_such(vault: Any) -> None:
    client = add_client(vault)
    appt = add_session(vault, client)
    note = start_or_resume_note(vault, appt.id)
    note.risk_not_assessed = True
    assert facts_for_note(note, appt, client).prompts["risk"] == "Not assessed."


def test_without_consent_draft_is_deterministic_and_says_why(vault: Any) -> None:
    client = add_client(vault, consent=False)
    assert ai_drafting_allowed(client) == (False, NO_CONSENT_REASON)
    appt = add_session(vault, client)
    note = start_or_resume_note(vault, appt.id)
    note.prompts = dict(FULL_PROMPTS)
    outcome = run_draft(note, appt, client, ExplodingPipeline())
    assert not outcome.used_model and outcome.reason == NO_CONSENT_REASON
    assert [s.heading for s in note.sections] == list(FORMAT_HEADINGS[NoteFormat.SOAP])
    assert "thought record" in note.body_text()
    assert all(f.kind is not FlagKind.NO_MODEL for f in note.flags)
    assert all(f.acknowledged is False for f in note.flags)


def test_with_consent_the_pipeline_drafts_with_progress(vault: Any, tiny_gguf: Path) -> None:
    from drafting.pipeline import DraftPipeline

    client = add_client(vault)
    appt = add_session(vault, client)
    note = start_or_resume_note(vault, appt.id)
    note.prompts = dict(FULL_PROMPTS)
    note.format = NoteFormat.BIRP
    seen: list[str] = []
    pipeline = DraftPipeline(model_path=tiny_gguf)
    try:
        outcome = run_draft(note, appt, client, pipeline, on_progress=lambda p: seen.append(
            p.section))
    finally:
        pipeline.close()
    assert outcome.reason == ""
    assert [s.heading for s in note.sections] == list(FORMAT_HEADINGS[NoteFormat.BIRP])
    assert set(seen) >= set(FORMAT_HEADINGS[NoteFormat.BIRP])
    # the therapist's risk words, told in the past tense as the rest of the session
    assert "denied SI/HI, plan or intent" in note.body_text()


def test_one_pipeline_per_model_settings_for_the_whole_process(tiny_gguf: Path) -> None:
    from app.notes import pipeline_for
    from app.settings import DeviceSettings

    first = pipeline_for(DeviceSettings(model_path=str(tiny_gguf)))
    assert pipeline_for(DeviceSettings(model_path=str(tiny_gguf))) is first  # loaded once
    assert pipeline_for(DeviceSettings(model_path=str(tiny_gguf), n_threads=1)) is not first


def test_the_therapists_own_signed_notes_set_the_drafts_style(vault: Any) -> None:
    """The style comes from the therapist's signed notes (newest first); their words never
    reach another client's draft."""
    from datetime import UTC, datetime

    from app.notes import autosave, sign_note, style_examples
    from drafting.pipeline import deterministic_draft
    from models.note import NoteSection

    assert style_examples(vault) == []
    earlier = add_client(vault, "Rae Quinn")
    appt = add_session(vault, earlier)
    signed = start_or_resume_note(vault, appt.id)
    signed.prompts = dict(FULL_PROMPTS)
    signed.sections = [
        NoteSection("Subjective", "The client reported grief about a divorce. The client "
                                  "described insomnia."),
        NoteSection("Objective", "This writer provided EMDR. The client was tearful."),
        NoteSection("Plan", "The client will return on 12/01/2026.")]
    signed.flags = []
    sign_note(vault, autosave(vault, signed), at=datetime(2026, 11, 20, 18, 0, tzinfo=UTC))
    examples = style_examples(vault)
    assert len(examples) == 1 and "This writer provided EMDR" in examples[0]

    client = add_client(vault)
    appt = add_session(vault, client, start=datetime(2026, 11, 27, 10, 0, tzinfo=UTC))
    note = start_or_resume_note(vault, appt.id)
    note.prompts = {"presenting_concerns": "poor sleep", "interventions": "taught box "
                    "breathing", "risk": "denies SI", "plan": "practice daily"}
    text = deterministic_draft(facts_for_note(note, appt, client), examples).text()
    assert "The client reported poor sleep." in text and "This writer taught box breathing." in text
    for word in ("divorce", "insomnia", "EMDR", "tearful", "grief"):
        assert word not in text
