"""ICD-10-CM search over the real code set; only billable (leaf) codes are accepted."""

from __future__ import annotations

import pytest

from app.billing import icd10
from models.errors import InvalidInput


def test_finds_by_code() -> None:
    assert icd10.search("F41.1")[0] == icd10.IcdCode("F41.1", "Generalized anxiety disorder")
    assert icd10.search("f411")[0].code == "F41.1"
    codes = [c.code for c in icd10.search("F41")]
    assert "F41.1" in codes and "F41.9" in codes and "F41" not in codes


def test_finds_by_words() -> None:
    found = icd10.search("generalized anxiety")
    assert found[0].code == "F41.1"
    found = icd10.search("major depressive recurrent severe")
    assert {c.code for c in found} >= {"F33.2", "F33.3"}
    assert icd10.search("") == []
    assert len(icd10.search("disorder", limit=5)) == 5


def test_billable_check() -> None:
    assert icd10.is_billable_code("F41.1")
    assert icd10.is_billable_code(" f41.1 ")
    assert icd10.is_billable_code("F43.10")
    assert not icd10.is_billable_code("F41")
    assert not icd10.is_billable_code("F43.1")
    assert not icd10.is_billable_code("Hello")
    assert not icd10.is_billable_code("")


def test_validate_refuses_categories_and_unknown_codes() -> None:
    assert icd10.validate_billable("f41.1") == icd10.IcdCode("F41.1",
                                                             "Generalized anxiety disorder")
    with pytest.raises(InvalidInput, match="F41 is a category"):
        icd10.validate_billable("F41")
    with pytest.raises(InvalidInput, match="not an ICD-10-CM code"):
        icd10.validate_billable("Q99.99")
    assert icd10.description_of("F41") == "Other anxiety disorders"
    assert icd10.description_of("nonsense") == ""
