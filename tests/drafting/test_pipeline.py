"""The pipeline with the tiny real model and with no model: shape, flags, progress, cancel."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from drafting.facts_json import facts_from_file, facts_from_json
from drafting.pipeline import DraftPipeline, deterministic_draft
from drafting.types import DraftProgress
from models.note import FORMAT_HEADINGS, NoteFormat

from .faithful import assert_faithful
from .helpers import sample_files

FACTS = {
    "format": "soap",
    "session": {"minutes": 50, "modality": "office", "service": "individual", "approach": "CBT"},
    "prompts": {
        "presenting_concerns": "poor sleep; worry about exams",
        "interventions": "taught box breathing; thought record",
        "client_response": "engaged; rated worry 6/10",
        "risk": "denied suicidal ideation",
        "plan": "practice breathing daily",
    },
}


def test_missing_model_gives_the_deterministic_draft_with_a_flag(tmp_path: Path) -> None:
    pipeline = DraftPipeline(tmp_path / "absent.gguf")
    draft = pipeline.draft(facts_from_json(FACTS))
    assert [f.kind for f in draft.flags] == ["no_impression", "no_model"]
    assert "does not exist" in draft.flags[-1].text
    assert draft.model is None and pipeline.model_info() is None
    text = draft.text()
    for fragment in ("poor sleep", "box breathing", "6/10", "denied suicidal ideation"):
        assert fragment in text
    assert [s.heading for s in draft.sections] == list(FORMAT_HEADINGS[NoteFormat.SOAP])


def test_corrupt_model_does_not_raise_from_draft(tmp_path: Path) -> None:
    bad = tmp_path / "bad.gguf"
    bad.write_bytes(b"GGUF" + b"\0" * 64)
    draft = DraftPipeline(bad).draft(facts_from_json(FACTS))
    assert draft.flags[-1].kind == "no_model"
    assert "damaged" in draft.flags[-1].text


@pytest.mark.parametrize("fmt", list(NoteFormat))
def test_every_format_has_every_heading(fmt: NoteFormat, tmp_path: Path) -> None:
    facts = facts_from_json({**FACTS, "format": fmt.value})
    draft = DraftPipeline(tmp_path / "none.gguf").draft(facts)
    assert [s.heading for s in draft.sections] == list(FORMAT_HEADINGS[fmt])
    assert all(s.text.strip() for s in draft.sections)
    assert draft.to_json()["format"] == fmt.value


def test_flags_for_empty_fields_and_risk(tmp_path: Path) -> None:
    facts = facts_from_json({"format": "birp", "prompts": {"presenting_concerns": "low mood"}})
    draft = DraftPipeline(tmp_path / "none.gguf").draft(facts)
    kinds = [f.kind for f in draft.flags]
    empty = sorted(f.text for f in draft.flags if f.kind == "empty_field")
    assert empty == ["Client response", "Interventions", "Plan"]
    assert "risk_not_assessed" in kinds
    assert "denie" not in draft.text().lower()


def test_not_assessed_risk_is_flagged_and_kept(tmp_path: Path) -> None:
    facts = facts_from_json({"prompts": {"plan": "walk", "risk": "not assessed this session"}})
    draft = DraftPipeline(tmp_path / "none.gguf").draft(facts)
    assert "Risk was not assessed this session." in draft.text()
    assert any(f.kind == "risk_not_assessed" for f in draft.flags)


def test_huge_field_is_truncated_and_flagged(tmp_path: Path) -> None:
    facts = facts_from_json({"prompts": {"presenting_concerns": "worry " * 20_000}})
    draft = DraftPipeline(tmp_path / "none.gguf").draft(facts)
    assert any(f.kind == "field_truncated" for f in draft.flags)
    assert len(draft.text()) < 10_000


def test_tiny_model_draft_is_faithful_and_reports_progress(tiny_gguf: Path) -> None:
    pipeline = DraftPipeline(tiny_gguf, n_threads=1, n_ctx=1024)
    events: list[DraftProgress] = []
    draft = pipeline.draft(facts_from_json(FACTS), style_examples=["Client was seen."],
                           on_progress=events.append)
    # The tiny model has a chat template, so it is asked to write each section freely; it
    # writes nonsense, the verifier rejects every section and the ranked sentences stand.
    assert draft.timings.generated_tokens > 0
    assert draft.timings.first_token_s is not None
    assert draft.writer == "ranked"
    assert draft.choices["decided_by_model"] > 0  # it ranked the choices all the same
    assert draft.timings.evaluated_tokens > 0
    assert_faithful(facts_from_json(FACTS), draft)
    for fragment in ("poor sleep", "box breathing", "6/10", "denied suicidal ideation"):
        assert fragment in draft.text()
    assert events and events[-1].sections_done == events[-1].sections_total == 4
    info = pipeline.model_info()
    assert info is not None and info.size_bytes == tiny_gguf.stat().st_size
    assert len(info.sha256) == 64 and draft.to_json()["model"]["sha256"] == info.sha256
    pipeline.close()


def test_cancel_returns_a_complete_deterministic_draft(tiny_gguf: Path) -> None:
    pipeline = DraftPipeline(tiny_gguf, n_threads=1, n_ctx=1024)
    cancel = threading.Event()

    def on_progress(progress: DraftProgress) -> None:
        if progress.text and not cancel.is_set():
            cancel.set()

    draft = pipeline.draft(facts_from_json(FACTS), on_progress=on_progress, cancel=cancel)
    assert draft.cancelled
    assert draft.flags[-1].kind == "cancelled"
    assert "practice breathing daily" in draft.text()
    assert_faithful(facts_from_json(FACTS), draft)
    # The pipeline still works after a cancel.
    assert not pipeline.draft(facts_from_json(FACTS)).cancelled
    pipeline.close()


def test_samples_without_a_model_meet_the_bar(tmp_path: Path) -> None:
    from .helpers import load_sample, score

    for path in sample_files():
        draft = DraftPipeline(tmp_path / "none.gguf").draft(facts_from_file(path))
        result = score(load_sample(path), draft.to_json())
        assert result["must_present"] == result["must_total"], (path.name, result)
        assert not result["must_not_hits"] and not result["extra_numbers"]
        assert not result["missing_headings"]
        assert result["prose"] == result["sentences"], (path.name, result["bad_sentences"])


def test_a_context_too_small_for_the_prompt_does_not_break_the_draft(tiny_gguf: Path) -> None:
    pipeline = DraftPipeline(tiny_gguf, n_threads=1, n_ctx=64)
    draft = pipeline.draft(facts_from_json(FACTS), style_examples=["Client was seen. " * 50])
    assert "box breathing" in draft.text()
    assert not draft.cancelled
    pipeline.close()


def test_budgets_bound_the_model_work(tiny_gguf: Path) -> None:
    no_tokens = DraftPipeline(tiny_gguf, n_threads=1, token_budget=0).draft(
        facts_from_json(FACTS))
    assert no_tokens.timings.generated_tokens == 0
    assert [f.kind for f in no_tokens.flags] == ["no_impression"]  # nothing about the model
    no_time = DraftPipeline(tiny_gguf, n_threads=1, time_budget_s=-1.0).draft(
        facts_from_json(FACTS))
    assert no_time.choices["decided_by_model"] == 0  # past the deadline: every default
    assert "box breathing" in no_time.text()
    assert no_time.text() == deterministic_draft(facts_from_json(FACTS)).text()
