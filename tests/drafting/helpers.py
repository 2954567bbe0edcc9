"""Shared helpers for the drafting tests: the sample files and the quality metrics."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

# Copies of the team's samples (../shared/samples/session-facts), kept here so the tests do not
# depend on anything outside the repository.
SAMPLES_DIR = Path(__file__).resolve().parent / "samples"


def sample_files() -> list[Path]:
    return sorted(SAMPLES_DIR.glob("*.json"))


def load_sample(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


# Strict on purpose: a sentence's subject is the client, the therapist or a pronoun.
_SUBJECT_RE = re.compile(r"^(?:The (?:client|therapist)|Client|Therapist|They|She|He)\b")
_NUMBER_RE = re.compile(r"\d+(?:\.\d+)?")


def split_sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", text.strip()) if s]


def is_third_person_prose(sentence: str) -> bool:
    words = re.findall(r"[A-Za-z']+", sentence)
    first_person = {"i", "we", "me", "us", "my", "our"}
    return (sentence[:1].isupper() and sentence.endswith(".")
            and bool(_SUBJECT_RE.match(sentence))
            and not any(w.lower() in first_person for w in words))


def score(sample: dict[str, Any], draft_json: dict[str, Any]) -> dict[str, Any]:
    """The issue's quality bar for one sample, computed the way the hidden set is scored."""
    from models.note import FORMAT_HEADINGS, NoteFormat

    text = " ".join(s["text"] for s in draft_json["sections"])
    low = text.lower()
    must = sample.get("expect", {}).get("must", [])
    present = sum(1 for alts in must if any(a.lower() in low for a in alts))
    must_not_hits = [p for p in sample.get("expect", {}).get("must_not", []) if p.lower() in low]
    input_numbers = set(_NUMBER_RE.findall(json.dumps(sample.get("prompts", {}))))
    extra_numbers = set(_NUMBER_RE.findall(text)) - input_numbers
    fmt = NoteFormat(draft_json["format"])
    headings = [s["heading"] for s in draft_json["sections"]]
    missing_headings = [h for h in FORMAT_HEADINGS[fmt] if h not in headings]
    sentences = [s for sec in draft_json["sections"] for s in split_sentences(sec["text"])]
    prose = sum(1 for s in sentences if is_third_person_prose(s))
    return {
        "must_total": len(must), "must_present": present, "must_not_hits": must_not_hits,
        "extra_numbers": sorted(extra_numbers), "missing_headings": missing_headings,
        "sentences": len(sentences), "prose": prose,
        "bad_sentences": [s for s in sentences if not is_third_person_prose(s)],
    }


def assert_quality_bar(pipeline: Any, files: list[Path]) -> list[Any]:
    """Draft every case with ``pipeline`` and hold the set to the issue's bar: no must_not
    phrase, no invented number and every heading in each draft; over the whole set at least 95%
    of the must facts and 90% of sentences in complete third-person prose. Prints each draft."""
    from drafting.facts_json import facts_from_file

    must_total = must_present = sentences = prose = 0
    drafts = []
    for path in files:
        draft = pipeline.draft(facts_from_file(path))
        drafts.append(draft)
        result = score(load_sample(path), draft.to_json())
        print(f"\n== {path.stem}: must {result['must_present']}/{result['must_total']}, prose "
              f"{result['prose']}/{result['sentences']}, {draft.timings}\n{draft.text()}")
        must_total += result["must_total"]
        must_present += result["must_present"]
        sentences += result["sentences"]
        prose += result["prose"]
        assert not result["must_not_hits"], (path.stem, result, draft.text())
        assert not result["extra_numbers"], (path.stem, result, draft.text())
        assert not result["missing_headings"], (path.stem, result)
    print(f"\nmust {must_present}/{must_total}, prose {prose}/{sentences}")
    assert must_present / must_total >= 0.95
    assert prose / sentences >= 0.90
    return drafts
