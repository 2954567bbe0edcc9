"""Clinical shorthand written out, so a note reads as prose: "f/u 1 wk" -> "follow-up 1 week".

Only a closed table of abbreviations (lexicon.ABBREVIATIONS) is expanded; the verifier counts
each expansion as the therapist's own word. Names for the client and the clinician ("pt",
"clt", "this writer") are recognised here and replaced by the note's own names later.
"""

from __future__ import annotations

import re

from drafting.lexicon import ABBREVIATIONS

_ABBREVIATION_RE = re.compile(
    r"(?<![\w/])(" + "|".join(re.escape(k) for k in sorted(ABBREVIATIONS, key=len, reverse=True))
    + r")(?![\w/])", re.IGNORECASE)
_ARROW_RE = re.compile(r"\s*(?:->|→|-->|=>)\s*")
# "6 -> 2" is "6 to 2"; "SUDS 6 -> 2" then reads as a measure from 6 to 2.

CLIENT_SHORTHAND = r"(?:the\s+)?(?:client|patient|pt|clt|cl|ct)"
CLIENT_RE = re.compile(rf"^{CLIENT_SHORTHAND}\b(?!['’])\s*[:,-]?\s*", re.IGNORECASE)
CLIENT_POSSESSIVE_RE = re.compile(rf"^{CLIENT_SHORTHAND}['’]s\s+(?=\w)", re.IGNORECASE)
CLIENT_ANYWHERE_RE = re.compile(r"\b(?:pt|clt)\b(?!['’])", re.IGNORECASE)
THERAPIST_RE = re.compile(
    r"^(?:the\s+)?(?:therapist|clinician|counselor|this\s+writer|writer|this\s+clinician)\b"
    r"\s*[:,-]?\s*", re.IGNORECASE)
FIRST_PERSON_RE = re.compile(r"^(?:(I|I've)|(we|we've))\s+(?=[a-z])", re.IGNORECASE)


def expand(text: str) -> str:
    """The fact with its shorthand written out and arrows read as "to"."""
    text = _ARROW_RE.sub(" to ", text)

    def replace(match: re.Match[str]) -> str:
        word = match.group(1)
        full = ABBREVIATIONS[word.lower()]
        return full.capitalize() if word[0].isupper() and len(word) > 1 and word[1].islower() \
            else full

    return _ABBREVIATION_RE.sub(replace, text)


def expansions_of(word: str) -> set[str]:
    """The abbreviations a written-out word may stand for (for the verifier)."""
    return {k for k, v in ABBREVIATIONS.items() if v == word}
