"""The real default model over every sample, scored exactly as the issue's quality bar."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from drafting.default_model import DEFAULT_MODEL_SHA256, ensure_default_model
from drafting.facts_json import facts_from_file, facts_from_json
from drafting.pipeline import DraftPipeline

from .faithful import assert_faithful
from .helpers import assert_quality_bar, sample_files

pytestmark = pytest.mark.slow


def test_default_model_is_assembled_once_and_verified(default_model_path: Path) -> None:
    assert default_model_path.stat().st_size > 200_000_000
    assert oct(default_model_path.stat().st_mode & 0o777) == "0o600"
    again = ensure_default_model(default_model_path.parent)
    assert again == default_model_path
    stamp = default_model_path.with_name(default_model_path.name + ".verified")
    assert DEFAULT_MODEL_SHA256 in stamp.read_text()


def test_samples_meet_the_quality_bar(pipeline: DraftPipeline) -> None:
    drafts = assert_quality_bar(pipeline, sample_files())
    assert all(d.model is not None and d.model.sha256 == DEFAULT_MODEL_SHA256 for d in drafts)


def test_the_model_decides_the_choices_rules_cannot(default_model_path: Path) -> None:
    """The model ranks every choice, and some of its picks differ from the realizer's
    defaults; the issue's own example reads as a clinician writes it. (A generous time
    budget: on a busy machine the default one ends before every choice is ranked, which is
    right for the therapist but not what this test is about.)"""
    pipeline = DraftPipeline(default_model_path, time_budget_s=600)
    try:
        _check_model_decides(pipeline)
    finally:
        pipeline.close()


def _check_model_decides(pipeline: DraftPipeline) -> None:
    decided = changed = 0
    for path in sample_files():
        draft = pipeline.draft(facts_from_file(path))
        decided += draft.choices["decided_by_model"]
        changed += draft.choices["changed_from_default"]
    assert decided >= 40 and changed >= 3, (decided, changed)
    facts = facts_from_json({"format": "birp", "prompts": {
        "plan": "ride one subway stop with support person before next session"}})
    text = pipeline.draft(facts).text()
    # either article reads as a clinician writes it; the shorthand's bare noun does not
    assert re.search(r"ride one subway stop with (a|the) support person before the next "
                     r"session", text), text


STYLE_A = ("SOAP\nSubjective: The client reported trouble sleeping after a move. The client "
           "described worry about rent.\nObjective: The client was seen on 03/04/2025 for a "
           "50-minute session. This writer reviewed a sleep log.\nPlan: The client will keep "
           "the log.")
STYLE_B = ("- Pt reports stress at work.\n- Pt was tearful.\n- Therapist taught grounding.\n"
           "- Pt denies SI.\n- Pt to return 4/1/25.")


def test_style_examples_shape_wording_never_content(pipeline: DraftPipeline) -> None:
    examples = [
        "Client discussed divorce proceedings and started sertraline 50 mg. Client reported "
        "panic attacks at the airport. Therapist used EMDR. Plan: return in 2 weeks.",
        "Client presented with major depressive disorder and described nightmares about the "
        "police. Therapist provided psychoeducation.",
    ]
    leaked = ("divorce", "sertraline", "50 mg", "airport", "emdr", "major depressive",
              "nightmares", "police", "psychoeducation", "2 weeks", "rent", "grounding",
              "tearful", "sleep log", "move")
    for path in sample_files():
        facts = facts_from_file(path)
        sample_text = path.read_text(encoding="utf-8").lower()
        for style in (examples, [STYLE_A], [STYLE_B]):
            draft = pipeline.draft(facts, style_examples=style)
            text = draft.text().lower()
            for word in leaked:
                if word not in sample_text:
                    assert word not in text, (path.name, word)
            assert_faithful(facts, draft)
    facts = facts_from_file(sample_files()[0])
    a = pipeline.draft(facts, style_examples=[STYLE_A]).text()
    b = pipeline.draft(facts, style_examples=[STYLE_B]).text()
    plain = pipeline.draft(facts).text()
    assert "The client reported" in a and "This writer" in a and "11/18/2026" in a
    assert "Pt reported" in b and "Therapist" in b and "\n- " in b
    assert "Client reported" in plain and "November 18, 2026" in plain
    assert len({a, b, plain}) == 3


def test_a_damaged_copy_is_rebuilt(default_model_path: Path, tmp_path: Path) -> None:
    target = tmp_path / default_model_path.name
    target.write_bytes(b"GGUF but not really")
    assert ensure_default_model(tmp_path) == target
    assert target.stat().st_size == default_model_path.stat().st_size
    assert not list(tmp_path.glob(".partial-*"))


def test_cancel_from_the_ui_thread_stops_the_draft(pipeline: DraftPipeline) -> None:
    import threading

    from drafting.types import DraftProgress

    cancel = threading.Event()
    first_text = threading.Event()
    result: dict[str, object] = {}

    def on_progress(progress: DraftProgress) -> None:
        if progress.text:
            first_text.set()

    def work() -> None:
        result["draft"] = pipeline.draft(facts_from_file(sample_files()[0]),
                                         on_progress=on_progress, cancel=cancel)

    worker = threading.Thread(target=work)
    worker.start()
    assert first_text.wait(30)
    cancel.set()
    worker.join(10)
    assert not worker.is_alive()
    draft = result["draft"]
    assert draft.cancelled  # type: ignore[attr-defined]
    # Still a complete, faithful note: the rest is in the therapist's own words.
    assert "thought record" in draft.text()  # type: ignore[attr-defined]
