"""ICD-10-CM diagnosis codes: search by code or words, and the billable check.

The code set is the real one shipped by the simple-icd-10-cm package. Only a leaf of the
hierarchy (a code with no more specific child, e.g. F41.1 but not the category F41) is valid
on a claim, so only leaves are offered and accepted.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from functools import lru_cache
from types import ModuleType

from models.errors import InvalidInput

_CODE_LIKE = re.compile(r"^[A-Za-z][0-9][0-9A-Za-z]?(\.?[0-9A-Za-z]{0,4})?$")


@dataclass(frozen=True)
class IcdCode:
    code: str  # with the dot, e.g. "F41.1"
    description: str


@lru_cache(maxsize=1)
def _cm() -> ModuleType:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # it imports the deprecated pkg_resources
        # Imported on first use for start-up time: the package parses its XML code set at
        # import (about 2 s).
        import simple_icd_10_cm as cm
    module: ModuleType = cm
    return module


@lru_cache(maxsize=1)
def _billable_index() -> tuple[tuple[str, str, str], ...]:
    """(code, description, lower-case search text) for every billable code, in code order."""
    cm = _cm()
    rows = []
    for code in cm.get_all_codes(True):
        if "-" in code or not cm.is_leaf(code) or cm.is_chapter_or_block(code):
            continue
        description = cm.get_description(code)
        rows.append((code, description, f"{code.lower()} {description.lower()}"))
    return tuple(rows)


def normalize(code: str) -> str:
    """Upper-case, trimmed, with the dot after the third character ("f411" -> "F41.1")."""
    text = code.strip().upper().replace(" ", "")
    if len(text) > 3 and "." not in text:
        text = f"{text[:3]}.{text[3:]}"
    return text


def is_billable_code(code: str) -> bool:
    text = normalize(code)
    if not text or not _CODE_LIKE.match(text):
        return False
    cm = _cm()
    return bool(cm.is_valid_item(text) and cm.is_leaf(text) and not cm.is_chapter_or_block(text))


def description_of(code: str) -> str:
    """The official description, or "" for a code that is not in the code set."""
    text = normalize(code)
    cm = _cm()
    return str(cm.get_description(text)) if text and cm.is_valid_item(text) else ""


def validate_billable(code: str) -> IcdCode:
    """The code as it should be stored, or InvalidInput saying why it cannot be billed."""
    text = normalize(code)
    cm = _cm()
    if not text or not _CODE_LIKE.match(text) or not cm.is_valid_item(text):
        raise InvalidInput(f"{code.strip() or 'An empty code'} is not an ICD-10-CM code.")
    if not is_billable_code(text):
        raise InvalidInput(
            f"{text} is a category, not a billable code; choose a more specific code under it "
            f"(for example {_first_leaf_under(text)}).")
    return IcdCode(text, description_of(text))


def _first_leaf_under(code: str) -> str:
    for row_code, _, _ in _billable_index():
        if row_code.startswith(code):
            return row_code
    return "a code with more characters"


def search(query: str, limit: int = 50) -> list[IcdCode]:
    """Billable codes matching ``query``: a code prefix ("F41", "f41.1") or all of its words."""
    text = query.strip()
    if not text:
        return []
    index = _billable_index()
    found: list[IcdCode] = []
    if _CODE_LIKE.match(text.replace(" ", "")):
        prefix = normalize(text).lower()
        if len(prefix) == 4 and prefix.endswith("."):
            prefix = prefix[:3]
        for code, description, _ in index:
            if code.lower().startswith(prefix):
                found.append(IcdCode(code, description))
                if len(found) >= limit:
                    return found
        if found:
            return found
    words = [w for w in re.split(r"[^\w.]+", text.lower()) if w]
    for code, description, haystack in index:
        if all(w in haystack for w in words):
            found.append(IcdCode(code, description))
            if len(found) >= limit:
                break
    # A result that begins with the words ("generalized anxiety disorder") comes first.
    phrase = " ".join(words)
    found.sort(key=lambda c: (not c.description.lower().startswith(phrase), len(c.description)))
    return found
