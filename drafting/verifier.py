"""Is every sentence of a draft supported by the session facts, and is every fact still there?

A sentence is grounded when each of its words is the therapist's own (from the facts it says,
with shorthand written out and reporting verbs told in the past) or from the closed vocabulary
(vocabulary.py); when its numbers, negations and risk terms all come from those facts; and when
it keeps every content word and number of each of its facts. Deliberately strict: a rejected
good sentence costs a little style, an accepted bad one puts words in the therapist's mouth.
The same checks serve the realizer's own sentences (a safety net under construction), a larger
model's free writing (where they decide), and a draft the therapist edited.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from drafting import lexicon as lx
from drafting import vocabulary
from drafting import wordclass as wc
from drafting.clause_types import Clause
from drafting.predicates import PAST_OF
from drafting.types import Flag, FlagKind
from models.note import NoteSection

_SENTENCE_END_RE = re.compile(r"(?<=[A-Za-z0-9)%\"”][.!?])\s+(?=[A-Z\"“])")
_BAD_CHARS = set("#*_[]{}<>|`=~^\\@")
_PASSIVE_DENIAL_RE = re.compile(
    r"\b(?:was|were|is|are|been|be|being|get|gets|got)\s+(?:\w+\s+)?(?:denied|denies)\b",
    re.IGNORECASE)
# Words that are the same word for the purpose of grounding ("denies" told as "denied").
_SAME: dict[str, str] = {**PAST_OF, **{v: k for k, v in lx.ABBREVIATIONS.items()}}


@dataclass(frozen=True)
class Verdict:
    ok: bool
    kind: FlagKind | None = None
    reason: str = ""


def sentences(text: str) -> list[str]:
    """The sentences of a section, whether written as a paragraph or as "- " lines."""
    out: list[str] = []
    for line in text.splitlines():
        line = re.sub(r"^\s*[-•*]\s+", "", line).strip()
        out += [s.strip() for s in _SENTENCE_END_RE.split(line) if s.strip()]
    return out


def stem(word: str) -> str:
    return lx.stem(word)


def _variants(word: str) -> set[str]:
    """A word and the forms the realizer may write for it."""
    out = {word, stem(word)}
    if word in _SAME:
        out |= {_SAME[word], stem(_SAME[word])}
    for short, full in lx.ABBREVIATIONS.items():
        if word == short:
            out |= {full, stem(full)}
    out |= wc.forms_of(word)  # the same verb in another tense ("lies" told as "lying")
    return out


def source_words(clauses: Iterable[Clause], extra: str = "") -> set[str]:
    found: set[str] = set()
    for clause in clauses:
        for text in (clause.text, clause.words, clause.label, clause.subject, clause.body,
                     clause.frame):
            for word in lx.words(text):
                found |= _variants(word)
    for word in lx.words(extra):
        found |= _variants(word)
    return found


def content_words(text: str) -> list[str]:
    """The words a rendering must keep: not function words, and not the names for the client
    and the clinician, which the note writes its own way ("pt", "I", "this writer")."""
    return [w for w in lx.words(text) if w not in lx.STOPWORDS and w not in lx.CLIENT_WORDS
            and w.removesuffix("'s") not in lx.CLIENT_WORDS and w not in vocabulary.PEOPLE
            and w not in lx.FIRST_PERSON]


_SESSION_COMPOUND_RE = re.compile(r"(\d+)-minute")


def word_allowed(word: str, allowed: set[str], extra_numbers: set[str]) -> bool:
    """The therapist's own word, one of the closed vocabulary, or a number of the
    appointment's ("50-minute", the date's day)."""
    if word in allowed or stem(word) in allowed or vocabulary.allowed(word):
        return True
    compound = _SESSION_COMPOUND_RE.fullmatch(word)
    if compound:
        return compound.group(1) in extra_numbers
    # the appointment's date as the note writes it: "18", "11/18/2026"
    return bool(re.fullmatch(r"[\d/.-]+", word)) and lx.numbers(word) <= extra_numbers


def check_form(sentence: str, source: str = "") -> str:
    """Empty string if the sentence is one complete sentence; else why not. Characters that
    look like markup are allowed only where the therapist typed them (``source``)."""
    if not sentence or not (sentence[0].isupper() or sentence[0].isdigit()
                            or sentence[0] in "\"“"):
        return "does not start with a capital letter"
    if not sentence.rstrip("\"”").endswith((".", "!", "?")):
        return "does not end with a full stop"
    if any(ch in _BAD_CHARS and ch not in source for ch in sentence):
        return "contains markup"
    return ""


def check_sentence(sentence: str, clauses: Sequence[Clause], extra: str = "") -> Verdict:
    """May ``sentence`` stand in a draft as the rendering of ``clauses``? ``extra``: other
    words the sentence may cite (the appointment's details, for the session line)."""
    source = " ".join(f"{c.text} {c.words}" for c in clauses)
    problem = check_form(sentence, source)
    if problem:
        return Verdict(False, FlagKind.UNGROUNDED, problem)
    allowed = source_words(clauses, extra)
    extra_numbers = lx.numbers(extra)
    for word in lx.words(sentence):
        if word_allowed(word, allowed, extra_numbers):
            continue
        return Verdict(False, FlagKind.UNGROUNDED, f"contains a word the therapist did not "
                                                   f"write ({len(word)} letters)")
    if not lx.numbers(sentence) <= lx.numbers(f"{source} {extra}"):
        return Verdict(False, FlagKind.UNGROUNDED, "contains a number the therapist did not write")
    if lx.negation_groups(sentence) != lx.negation_groups(source):
        return Verdict(False, FlagKind.UNGROUNDED, "adds, drops or changes a negation")
    if _PASSIVE_DENIAL_RE.search(sentence) and not _PASSIVE_DENIAL_RE.search(source):
        return Verdict(False, FlagKind.UNGROUNDED, "turns a denial around")
    if lx.mentions_risk(sentence) and not lx.mentions_risk(f"{source} {extra}"):
        return Verdict(False, FlagKind.UNGROUNDED, "mentions risk the therapist did not write")
    for clause in clauses:
        lost = check_coverage(sentence, clause)
        if not lost.ok:
            return lost
    return Verdict(True)


def check_coverage(text: str, clause: Clause) -> Verdict:
    """Does ``text`` keep every content word and number of the clause, word for word?"""
    present: set[str] = set()
    for word in lx.words(text):
        present |= _variants(word)
    for word in content_words(clause.words):
        if not (_variants(word) & present):
            return Verdict(False, FlagKind.LOST_FACT, "leaves out part of a fact")
    if not lx.numbers(clause.words) <= lx.numbers(text):
        return Verdict(False, FlagKind.LOST_FACT, "leaves out a number")
    flat = " ".join(text.split())
    if any(quote not in flat for quote in lx.quotations(clause.text)):
        return Verdict(False, FlagKind.LOST_FACT, "changes the client's quoted words")
    return Verdict(True)


def check_draft(sections: Sequence[NoteSection], clauses: Sequence[Clause],
                extra: str = "", fixed: Iterable[str] = ()) -> list[Flag]:
    """Re-check a whole (edited) draft: sentences the facts do not support, facts it lost.

    A sentence is grounded when its words, numbers and negations occur in the facts; a fact is
    kept when the draft still holds all of its content words and numbers.
    """
    allowed = source_words(clauses, extra)
    source_numbers = lx.numbers(" ".join(c.text for c in clauses) + " " + extra)
    fixed_set = set(fixed)
    flags: list[Flag] = []
    for section in sections:
        for sentence in sentences(section.text):
            if sentence in fixed_set:
                continue
            unknown = [w for w in lx.words(sentence)
                       if not word_allowed(w, allowed, source_numbers)]
            if unknown or not lx.numbers(sentence) <= source_numbers:
                flags.append(Flag(FlagKind.UNGROUNDED, section.heading,
                                  "This sentence says something the session facts do not.",
                                  sentence))
    whole = " ".join(s.text for s in sections)
    for clause in clauses:
        if not check_coverage(whole, clause).ok:
            flags.append(Flag(FlagKind.LOST_FACT, None,
                              "The draft no longer contains this fact from the session.",
                              clause.text))
    return flags


__all__ = ["Verdict", "check_coverage", "check_draft", "check_form", "check_sentence",
           "sentences", "source_words", "stem"]
