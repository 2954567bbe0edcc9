from __future__ import annotations

import json
from pathlib import Path

import pytest

from drafting.facts_json import facts_from_file, facts_from_json, facts_from_text
from drafting.formats import SECTION_FIELDS, headings
from drafting.pipeline import MAX_FIELD_CHARS, truncate_fields
from models.errors import InvalidInput
from models.note import FORMAT_HEADINGS, NoteFormat

from .helpers import load_sample, sample_files


def test_every_sample_parses() -> None:
    files = sample_files()
    assert files, "the shared samples are missing"
    for path in files:
        facts = facts_from_file(path)
        assert facts.format.value == load_sample(path)["format"]
        assert facts.filled_prompts()


def test_malformed_json_is_one_plain_sentence() -> None:
    with pytest.raises(InvalidInput, match="not valid JSON"):
        facts_from_text("{not json")
    with pytest.raises(InvalidInput, match="JSON object"):
        facts_from_text("[1, 2]")


def test_unknown_format() -> None:
    with pytest.raises(InvalidInput, match="Unknown note format"):
        facts_from_json({"format": "narrative", "prompts": {"plan": "x"}})


@pytest.mark.parametrize("prompts", [{}, {"plan": ""}, {"plan": "   ", "risk": None}])
def test_empty_prompts(prompts: dict[str, object]) -> None:
    with pytest.raises(InvalidInput, match="empty"):
        facts_from_json({"format": "soap", "prompts": prompts})
    with pytest.raises(InvalidInput):
        facts_from_json({"format": "soap"})


def test_wrong_types() -> None:
    with pytest.raises(InvalidInput):
        facts_from_json({"prompts": {"plan": ["a", "b"]}})
    with pytest.raises(InvalidInput):
        facts_from_json({"prompts": "plan"})
    with pytest.raises(InvalidInput):
        facts_from_json({"session": {"minutes": "fifty"}, "prompts": {"plan": "x"}})


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="does not exist"):
        facts_from_file(tmp_path / "nope.json")


def test_huge_field_is_truncated_with_a_flag() -> None:
    facts = facts_from_json({"prompts": {"plan": "walk daily " * 10_000}})
    assert len(facts.prompt("plan")) > 100_000 - 20
    cut, flags = truncate_fields(facts)
    assert len(cut.prompt("plan")) <= MAX_FIELD_CHARS
    assert [f.kind for f in flags] == ["field_truncated"]
    assert flags[0].section == "Plan"


def test_every_format_has_its_headings_in_order() -> None:
    expected = {
        "soap": ["Subjective", "Objective", "Assessment", "Plan"],
        "dap": ["Data", "Assessment", "Plan"],
        "birp": ["Behavior", "Intervention", "Response", "Plan"],
        "girp": ["Goals", "Intervention", "Response", "Plan"],
        "pie": ["Problem", "Intervention", "Evaluation"],
    }
    for name, heads in expected.items():
        fmt = NoteFormat(name)
        assert list(headings(fmt)) == heads == list(FORMAT_HEADINGS[fmt])
        assert list(SECTION_FIELDS[fmt]) == heads


def test_extra_keys_are_ignored(tmp_path: Path) -> None:
    path = tmp_path / "f.json"
    path.write_text(json.dumps({"id": "x", "expect": {}, "format": "PIE",
                                "prompts": {"plan": "walk"}}), encoding="utf-8")
    assert facts_from_file(path).format is NoteFormat.PIE
