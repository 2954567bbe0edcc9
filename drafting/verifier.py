"""Is a model sentence a faithful rephrasing of one fact? And does a draft still hold every fact?

A sentence is accepted only if every content word, number, negation and risk term in it comes
from the therapist's words (or the renderer's fixed frame), and it keeps every content word and
number of the fact, in the fact's word pairs. Anything else is rejected; the pipeline then uses
the deterministic sentence and flags it. Deliberately strict: a rejected good sentence costs a
little style, an accepted bad one puts words in the therapist's mouth.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafting import lexicon as lx
from drafting.render import Fact, split_facts
from drafting.types import Flag, FlagKind
from models.note import NoteSection

_PASSIVE_DENIAL_RE = re.compile(
    r"\b(?:was|were|is|are|been|be|being|get|gets|got)\s+(?:\w+\s+)?(?:denied|denies)\b",
    re.IGNORECASE)
_SENTENCE_END_RE = re.compile(r"(?<=[a-z0-9)%][.!?])\s+(?=[A-Z])")
_BAD_CHARS = set("#*_[]{}<>|\"`=~^\\@")
_SUBJECT_RE = re.compile(
    r"^(?:the therapist and (?:the )?client|the client and (?:the )?therapist"
    r"|the client['’]s \w+|the \w+|they|she|he)\b", re.IGNORECASE)


def subject(sentence: str) -> str:
    """Who the sentence is about ('the client', 'the therapist and client', 'the father')."""
    match = _SUBJECT_RE.match(sentence.strip())
    return match.group(0).lower().replace(" the client", " client") if match else ""


@dataclass
class Verdict:
    ok: bool
    kind: str = ""  # "ungrounded" or "lost_fact" when not ok ("reworded": kept, not flagged)
    reason: str = ""


def _stems(text: str) -> set[str]:
    return {lx.stem(w) for w in lx.words(text)}


def _content(text: str) -> list[str]:
    return [w for w in lx.words(text) if w not in lx.STOPWORDS]


def _pairs(text: str) -> list[tuple[str, str]]:
    """Adjacent content-word pairs ('cognitive restructuring', '5 hours') a rephrase must keep."""
    ws = lx.words(text)
    return [(a, b) for a, b in zip(ws, ws[1:], strict=False)
            if a not in lx.STOPWORDS and b not in lx.STOPWORDS]


def _has_pair(ws: list[str], pair: tuple[str, str]) -> bool:
    """The pair in order, at most two articles or prepositions apart ('complete an activity')."""
    stems = ws
    for i, first in enumerate(stems):
        if first != pair[0]:
            continue
        for j in range(i + 1, min(i + 4, len(ws))):
            if stems[j] == pair[1]:
                return True
            if ws[j] not in lx.STOPWORDS:
                break
    return False


def check_form(sentence: str) -> str:
    """Empty string if the sentence is one complete third-person sentence; else why not."""
    if not sentence or not sentence[0].isupper():
        return "does not start with a capital letter"
    if not sentence.endswith("."):
        return "does not end with a period"
    if _SENTENCE_END_RE.search(sentence[:-1]):
        return "is more than one sentence"
    if any(ch in _BAD_CHARS for ch in sentence):
        return "contains markup"
    if any(w in lx.FIRST_PERSON for w in lx.words(sentence)):
        return "is written in the first person"
    return ""


def check_sentence(candidate: str, fact: Fact) -> Verdict:
    """Accept ``candidate`` as the rendering of ``fact`` only if it is faithful and complete."""
    candidate = candidate.strip()
    problem = check_form(candidate)
    if problem:
        return Verdict(False, "ungrounded", problem)
    if len(candidate) > 2 * len(fact.sentence) + 40:
        return Verdict(False, "ungrounded", "is much longer than the fact")
    if subject(candidate) != subject(fact.sentence):
        return Verdict(False, "ungrounded", "changes who did or said it")
    if ("will" in lx.words(candidate)) != ("will" in lx.words(fact.sentence)):
        return Verdict(False, "ungrounded", "turns a plan into a fact or a fact into a plan")
    source = f"{fact.text} {fact.sentence}"
    extra_numbers = lx.numbers(candidate) - lx.numbers(source)
    # Digits must be the therapist's own digits: "two" may not become "2" (a reader, or a
    # check, comparing the note with the session facts would find a number nobody wrote).
    extra_digits = set(lx.NUMBER_RE.findall(candidate)) - set(lx.NUMBER_RE.findall(source))
    if extra_numbers or extra_digits:
        return Verdict(False, "ungrounded", "contains a number the therapist did not write")
    source_stems = _stems(source)
    for word in lx.words(candidate):
        if word in lx.ADDABLE or word in lx.FRAME_WORDS or lx.stem(word) in source_stems:
            continue
        return Verdict(False, "ungrounded", "contains a word the therapist did not write")
    if lx.negation_groups(candidate) != lx.negation_groups(fact.sentence):
        return Verdict(False, "ungrounded", "adds, drops or changes a negation")
    if _PASSIVE_DENIAL_RE.search(candidate) and not _PASSIVE_DENIAL_RE.search(fact.sentence):
        return Verdict(False, "ungrounded", "turns a denial around")
    if lx.mentions_risk(candidate) and not lx.mentions_risk(fact.text):
        return Verdict(False, "ungrounded", "mentions risk the therapist did not write")
    coverage = check_coverage(candidate, fact)
    if coverage.ok and not _only_articles_added(lx.words(candidate), lx.words(fact.sentence)):
        # Faithful in substance, but it swaps or drops the therapist's small words ("their"
        # -> "her"); the deterministic sentence is kept and nothing needs the therapist's eye.
        return Verdict(False, "reworded", "changes the therapist's wording")
    return coverage


_ARTICLES = frozenset({"a", "an", "the"})
_REPORTING_VERBS = frozenset({"reported", "described", "stated", "shared", "noted",
                              "indicated", "expressed"})


def _only_articles_added(candidate: list[str], sentence: list[str]) -> bool:
    """Is ``candidate`` the rendered sentence with only articles added (and, at most, its
    reporting verb swapped for another or a "that" after it dropped)?

    Rephrasing is for grammar; the therapist's own words stay word for word, so a phrase the
    therapist wrote can still be found in the note exactly as written.
    """
    i = j = 0
    while i < len(sentence) and j < len(candidate):
        said, wrote = sentence[i], candidate[j]
        if said == wrote or (said in _REPORTING_VERBS and wrote in _REPORTING_VERBS):
            i, j = i + 1, j + 1
        elif wrote in _ARTICLES:
            j += 1
        elif said == "that" and i > 0 and sentence[i - 1] in _REPORTING_VERBS:
            i += 1
        else:
            return False
    return i == len(sentence) and all(w in _ARTICLES for w in candidate[j:])


def check_coverage(text: str, fact: Fact) -> Verdict:
    """Does ``text`` keep every content word, number and word pair of the fact, word for word?

    Exact forms (case aside): 'activities' may not become 'activity', nor 'calling' 'called'.
    """
    ws = lx.words(text)
    present = set(ws)
    for word in _content(fact.text):
        if word not in present:
            return Verdict(False, "lost_fact", "leaves out part of the fact")
    if not lx.numbers(fact.text) <= lx.numbers(text):
        return Verdict(False, "lost_fact", "leaves out a number")
    for pair in _pairs(fact.text):
        if not _has_pair(ws, pair):
            return Verdict(False, "lost_fact", "breaks up a phrase of the fact")
    return Verdict(True)


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END_RE.split(text.strip()) if s.strip()]


def check_draft(sections: list[NoteSection], facts: list[Fact], extra_source: str = "",
                ) -> list[Flag]:
    """Re-check a whole draft (for example after editing): ungrounded sentences, lost facts.

    A sentence is grounded when its words, numbers and negations all occur in the input facts;
    a fact is kept when some section still holds all of its content words and numbers.
    """
    source = " ".join(f"{f.text} {f.sentence}" for f in facts) + " " + extra_source
    source_stems, source_numbers = _stems(source), lx.numbers(source)
    flags: list[Flag] = []
    for section in sections:
        for sentence in sentences(section.text):
            unknown = [w for w in lx.words(sentence) if w not in lx.ADDABLE
                       and w not in lx.FRAME_WORDS and lx.stem(w) not in source_stems]
            if unknown or not lx.numbers(sentence) <= source_numbers:
                flags.append(Flag(FlagKind.UNGROUNDED, section.heading,
                                  "This sentence says something the session facts do not.",
                                  sentence))
    whole = " ".join(s.text for s in sections)
    for fact in facts:
        if fact.text and not check_coverage(whole, Fact(fact.field, fact.text, "", False)).ok:
            flags.append(Flag(FlagKind.LOST_FACT, None,
                              "The draft no longer contains this fact from the session.",
                              fact.text))
    return flags


__all__ = ["Verdict", "check_coverage", "check_draft", "check_form", "check_sentence",
           "sentences", "split_facts"]
