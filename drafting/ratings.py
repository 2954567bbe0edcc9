"""Measures and ratings in a fact: "GAD-7 = 9", "anxiety 7/10 at start", "walking into homeroom
SUDS 85, sitting in car SUDS 30"."""

from __future__ import annotations

import re

from drafting import lexicon as lx
from drafting import shapes as sh

_RATED_RE = re.compile(r"^(.+?)\s+([A-Za-z][\w-]*)\s*[=:]?\s*(\d+(?:\.\d+)?(?:\s*/\s*\d+|%)?)$")


def ratings_of(text: str) -> tuple[str, str] | None:
    """("SUDS", "85 for walking into homeroom, 30 for sitting in car") for "walking into
    homeroom SUDS 85, sitting in car SUDS 30": what was rated, then the rating."""
    pieces = [p.strip() for p in text.split(",")]
    found = [_RATED_RE.match(p) for p in pieces]
    if not all(found):
        return None
    names = {m.group(2) for m in found if m}
    name = names.pop() if len(names) == 1 else ""
    if not name or not (name.lower() in lx.MEASURE_NAMES or name.isupper()):
        return None
    return name, ", ".join(f"{m.group(3)} for {m.group(1)}" for m in found if m)


# What clients rate on a 0-10 scale besides symptoms ("readiness for full-time 7/10").
_RATED_THINGS = frozenset({"readiness", "confidence", "importance", "willingness", "hope",
                           "commitment", "belief", "self-efficacy", "satisfaction"})


_VALUE_RE = re.compile(
    r"^\d[\d.,/%+-]*\s*(?:$|[(,;]|/|%|\b(?:to|at|on|points?|out|from|this|last|today|"
    r"versus|vs|hours?|minutes?|nights?|days?|times?|weeks?|x)\b)", re.IGNORECASE)


def measure_of(field: str, text: str) -> tuple[str, str, bool] | None:
    """("GAD-7", "9") for "GAD-7 = 9"; ("anxiety", "7/10 at start ...") for a rating."""
    match = re.match(r"^([A-Za-z][\w/-]*(?:\s+[A-Za-z][\w/-]*){0,3}?(?:\s+item\s+\d+)?"
                     r"(?:\s*\([A-Za-z][^()\d]{0,30}\))?)\s*"  # "CPSS-5 (child report) 28"
                     r"(=|:|\bof\b|\bat\b)?\s*(?=\d)", text)
    if not match:
        return None
    name = match.group(1)
    names = lx.words(name)
    rest = text[match.end():]
    rated = re.match(r"\d+(?:\.\d+)?\s*(?:/\s*10\b|%)", rest) is not None  # "belief in SP 90%"
    if any(w in ("a", "an", "the") for w in name.split()):
        return None  # "urges a maximum of 7/10": no name of a measure holds an article
    if names and names[-1] in ("every", "each", "per"):
        return None  # "SUDS every 5 minutes": how often, not a score
    if names and names[0] in ("still", "now", "currently", "again"):
        return None  # "still waking 3-4 times a night": something the client does
    if field == "interventions" and not match.group(2) and \
            not any(w in lx.MEASURE_NAMES for w in names):
        return None  # "EMDR phases 4-6 on the target": what was done, not a score
    if not names or sh.verb_first(name) or (names[0].endswith("ing")
                                            and names[0] not in lx.MEASURE_NAMES) or (
            field == "plan" and names[0] in lx.BASE_VERBS) or names[0] in lx.PREPOSITIONS \
            or names[0] in ("down", "up", "back", "from") \
            or (any(w in lx.PREPOSITIONS for w in names)
                and not (rated and names[0] in lx.MEASURE_NAMES | _RATED_THINGS)):
        return None
    if any(w in lx.PAST_VERBS or w in lx.PRESENT_VERBS for w in names):
        return None
    rating = re.match(r"\d+(?:\.\d+)?\s*(?:/\s*10|%|\s+to\s+\d|\s*-\s*\d)", rest)
    known = any(w in lx.MEASURE_NAMES for w in names) or re.search(r"[A-Z]{2,}", name)
    if (known or rating) and (match.group(2) or _VALUE_RE.match(rest)):
        score = match.group(2) in ("=", "of", ":") and not rating
        return name, rest.strip(), bool(score)
    return None
