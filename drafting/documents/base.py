"""What every document writer shares: the section it writes into, the facts of a field, and the
shorthand of intake interviews written out.

A section is the realizer's (drafting/realizer.py ``_Section``): it knows the voice, names the
client (and in every second sentence about them, their pronoun), and aggregates predicates
into a sentence. Writers reach it through this protocol only, so the realizer never has to
know them and they never import it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Protocol

from drafting.clauses import Clause, Setting, Shape, analyze
from drafting.phrases import slots
from drafting.predicates import Own, Pred
from drafting.sentence import Segment, Sentence
from drafting.split import split_facts
from drafting.style import StyleProfile
from drafting.voice import Voice


class Section(Protocol):
    voice: Voice
    style: StyleProfile
    sentences: list[Sentence]

    def add(self, sentence: Sentence, subject: str = "") -> None: ...

    def add_field(self, clauses: list[Clause], prose: bool = False) -> None: ...

    def client_subject(self, aux: tuple[str, str] | None = None) -> list[Segment]: ...

    def _sentence(self, key: str, preds: list[Pred]) -> Sentence: ...


# Intake shorthand with one meaning only ("SA" may be a suicide attempt or sexual abuse, so it
# stays as written); each is written out before the fact is analysed, so the written-out words
# are the facts the verifier holds the draft to.
_INTAKE_SHORTHAND: tuple[tuple[str, str], ...] = (
    (r"\b(\d{1,2})\s?(?:yo|y/o|y\.o\.|yr old|year old)(?![\w/])", r"\1-year-old"),
    (r"\bEtOH\b|\bETOH\b|\betoh\b", "alcohol"),
    (r"\binpt\b", "inpatient"),
    (r"\boutpt\b", "outpatient"),
    (r"\bhosp\b", "hospitalization"),
    (r"\bpsych\s+(?=eval|hospitalization|history|meds|medications)", "psychiatric "),
    (r"\beval\b", "evaluation"),
    (r"\bOD\b", "overdose"),
    (r"\bDV\b", "domestic violence"),
    (r"\bf/h\b", "family history"),
    (r"\bmeds\b", "medications"),
    (r"\bhx\b", "history"),
)


def intake_shorthand(text: str) -> str:
    for pattern, replacement in _INTAKE_SHORTHAND:
        text = re.sub(pattern, replacement, text)
    return text


def field_clauses(field: str, text: str, setting: Setting, role: str,
                  frame: str = "") -> list[Clause]:
    """The facts of one answer, analysed as ``role`` (the progress field whose wording fits:
    "presenting_concerns" for what the client told), each allowed the ``frame`` words."""
    clauses = []
    for fact in split_facts(intake_shorthand(text)):
        clause = analyze(role, fact, setting)
        clauses.append(replace(clause, frame=frame) if frame else clause)
    return clauses


def as_written(clause: Clause, frame: str = "") -> Clause:
    """A fact kept exactly as typed (medications, codes): nothing analysed, nothing expanded."""
    return Clause(clause.field, clause.text, Shape.NOUN, clause.actor, body=clause.text,
                  frame=frame or clause.frame)


def capital(segments: list[Segment]) -> list[Segment]:
    if segments and isinstance(segments[0], str) and segments[0]:
        return [segments[0][0].upper() + segments[0][1:], *segments[1:]]
    return segments


def own_sentence(item: Own) -> Sentence:
    return Sentence(capital(list(item.segments)), [item.clause])


def join_items(items: list[list[Segment]]) -> list[Segment]:
    """"X", "X and Y", "X, Y, and Z" over lists of segments."""
    out: list[Segment] = []
    for n, item in enumerate(items):
        if n:
            out.append(" and " if len(items) == 2 else (", and " if n == len(items) - 1
                                                        else ", "))
        out += item
    return out


# Phrases that take no article anywhere inside ("in vivo exposure", never "in the vivo").
_FIXED_PHRASE_RE = re.compile(r"\b(?:in vivo|in vitro|in situ|per se|as needed|prn|in person)\b",
                              re.IGNORECASE)


def noun_slots(text: str, voice: Voice, **where: object) -> list[Segment]:
    """The phrase with its article choices (phrases.slots), or as written where a fixed
    phrase inside it would take a wrong one."""
    if _FIXED_PHRASE_RE.search(text):
        return [text]
    return slots(text, voice, **where)  # type: ignore[arg-type]


# "court-mandated evaluation", "trauma-focused CBT": a compound adjective before a noun, not a
# past verb ("self-referred" is one).
_COMPOUND_ADJECTIVE = re.compile(r"^(?!self-)[a-z]+-[a-z]+ed\s+\w", re.IGNORECASE)


def compound_adjective_first(text: str) -> bool:
    return bool(_COMPOUND_ADJECTIVE.match(text.strip()))
