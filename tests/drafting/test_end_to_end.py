"""The real default model over every sample, scored exactly as the issue's quality bar."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafting.default_model import DEFAULT_MODEL_SHA256, ensure_default_model
from drafting.facts_json import facts_from_file
from drafting.pipeline import DraftPipeline

from .helpers import load_sample, sample_files, score

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def pipeline(default_model_path: Path) -> DraftPipeline:
    pipe = DraftPipeline(default_model_path)
    pipe.load()
    yield pipe  # type: ignore[misc]
    pipe.close()


def test_default_model_is_assembled_once_and_verified(default_model_path: Path) -> None:
    assert default_model_path.stat().st_size > 200_000_000
    assert oct(default_model_path.stat().st_mode & 0o777) == "0o600"
    again = ensure_default_model(default_model_path.parent)
    assert again == default_model_path
    stamp = default_model_path.with_name(default_model_path.name + ".verified")
    assert DEFAULT_MODEL_SHA256 in stamp.read_text()


def test_samples_meet_the_quality_bar(pipeline: DraftPipeline) -> None:
    must_total = must_present = sentences = prose = 0
    report = []
    for path in sample_files():
        sample = load_sample(path)
        draft = pipeline.draft(facts_from_file(path))
        result = score(sample, draft.to_json())
        report.append((path.name, result, draft.timings, draft.text()))
        must_total += result["must_total"]
        must_present += result["must_present"]
        sentences += result["sentences"]
        prose += result["prose"]
        assert not result["must_not_hits"], (path.name, result)
        assert not result["extra_numbers"], (path.name, result, draft.text())
        assert not result["missing_headings"], (path.name, result)
        assert draft.model is not None and draft.model.sha256 == DEFAULT_MODEL_SHA256
    for name, result, timings, text in report:
        print(f"\n== {name}: must {result['must_present']}/{result['must_total']}, prose "
              f"{result['prose']}/{result['sentences']}, {timings}\n{text}")
    assert must_present / must_total >= 0.95
    assert prose / sentences >= 0.90


def test_model_sentences_are_used_when_faithful(pipeline: DraftPipeline) -> None:
    """The model does get to phrase things: some sentence differs from the plain rendering."""
    from drafting.render import plan_sections

    changed = 0
    for path in sample_files():
        facts = facts_from_file(path)
        plain = {f.sentence for items in plan_sections(facts).values() for f in items}
        draft = pipeline.draft(facts)
        for section in draft.sections:
            for sentence in section.text.split(". "):
                if sentence.rstrip(".") + "." not in plain:
                    changed += 1
    assert changed > 0


def test_style_examples_shape_wording_never_content(pipeline: DraftPipeline) -> None:
    examples = [
        "Client discussed divorce proceedings and started sertraline 50 mg. Client reported "
        "panic attacks at the airport. Therapist used EMDR. Plan: return in 2 weeks.",
        "Client presented with major depressive disorder and described nightmares about the "
        "police. Therapist provided psychoeducation.",
    ]
    leaked = ("divorce", "sertraline", "50", "airport", "emdr", "major depressive",
              "nightmares", "police", "psychoeducation", "2 weeks")
    for path in sample_files():
        draft = pipeline.draft(facts_from_file(path), style_examples=examples)
        text = draft.text().lower()
        sample_text = path.read_text(encoding="utf-8").lower()
        for word in leaked:
            if word not in sample_text:
                assert word not in text, (path.name, word)


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
