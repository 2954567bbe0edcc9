"""Shared helpers for the drafting tests: the sample files and the quality metrics."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from drafting import lexicon as lx

# Copies of the team's samples (../shared/samples/session-facts), kept here so the tests do not
# depend on anything outside the repository.
SAMPLES_DIR = Path(__file__).resolve().parent / "samples"


def sample_files() -> list[Path]:
    return sorted(SAMPLES_DIR.glob("*.json"))


def load_sample(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


_NUMBER_RE = re.compile(r"\d+(?:\.\d+)?")
_FIRST_PERSON = {"i", "we", "me", "us", "my", "our"}


def _has_finite_verb(words: list[str]) -> bool:
    """A finite verb or a copula: what makes a complete sentence rather than a form field."""
    finite = (lx.PAST_VERBS | lx.PRESENT_VERBS | lx.BASE_VERBS
              | {"was", "were", "is", "are", "will", "has", "have", "had", "includes", "notes",
                 "remain", "remains", "set", "put", "works", "lives", "helps", "disagree",
                 "disagrees", "wants", "needs", "feels"}
              | {w + "s" for w in lx.BASE_VERBS})
    return any(w in finite or (w.endswith("ed") and len(w) > 3) for w in words)


def split_sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", text.strip()) if s]


def is_third_person_prose(sentence: str) -> bool:
    """A complete sentence in the third person: a capital, a final full stop, a finite verb,
    no first person (quotations of the client aside). The subject may be anyone a note
    names: the client, the clinician, a parent, a measure, the next session."""
    unquoted = re.sub(r"[\"“][^\"”]*[\"”]", "", sentence)
    words = lx.words(unquoted)  # "CBT-I" is one word, not a first person
    return (sentence[:1].isupper() and sentence.rstrip("\"”").endswith(".")
            and _has_finite_verb(words) and not any(w in _FIRST_PERSON for w in words))


def _plain(number: str) -> str:
    """"04" in a date is the 4 of "March 4": compare numbers, not their leading zeros."""
    return number.lstrip("0") or "0"


def score(sample: dict[str, Any], draft_json: dict[str, Any]) -> dict[str, Any]:
    """The quality bar for one sample: must facts present, no must_not phrase, no number that
    is not in the session facts, every heading, complete third-person sentences."""
    from models.note import FORMAT_HEADINGS, NoteFormat

    text = " ".join(s["text"] for s in draft_json["sections"])
    low = text.lower()
    must = sample.get("expect", {}).get("must", [])
    present = sum(1 for alts in must if any(a.lower() in low for a in alts))
    must_not_hits = [p for p in sample.get("expect", {}).get("must_not", []) if p.lower() in low]
    # The session line cites the appointment (date, minutes): those are input too.
    input_numbers = {_plain(n) for n in _NUMBER_RE.findall(
        json.dumps(sample.get("prompts", {})) + json.dumps(sample.get("session", {})))}
    extra_numbers = {_plain(n) for n in _NUMBER_RE.findall(text)} - input_numbers
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

    from .faithful import assert_faithful

    must_total = must_present = sentences = prose = 0
    drafts = []
    for path in files:
        facts = facts_from_file(path)
        draft = pipeline.draft(facts)
        drafts.append(draft)
        assert_faithful(facts, draft)
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
