"""Answers that are lists a clinician signs as entered: medications, coded diagnoses, strengths.

Medications and diagnoses are copied exactly as the therapist entered them (no shorthand
written out, no article added: "sertraline 100 mg qAM" stays so), behind one label:
"Current medications: sertraline 100 mg daily (PCP); propranolol 10 mg PRN." "Diagnoses:
F41.0 Panic disorder (primary); F33.1 Major depressive disorder, recurrent, moderate."
Strengths are the client's: "Client is motivated for treatment and insightful. Strengths
include a supportive husband and stable employment."
"""

from __future__ import annotations

import re

from drafting import lexicon as lx
from drafting import shapes as sh
from drafting.clauses import Actor, Clause, Setting, Shape, analyze
from drafting.documents.base import Section, capital, intake_shorthand, join_items, noun_slots
from drafting.documents.history import PRESENT_VERBS, history_field
from drafting.phrases import lower_first
from drafting.sentence import Sentence, lit
from drafting.split import split_facts, split_items

MEDICATION_FRAME = "current medications"
_NONE_RE = re.compile(r"^(?:none|no\b|denies\b|denied\b|not\s+(?:currently\s+)?taking\b|n/?a$)",
                      re.IGNORECASE)
_NOTHING_RE = re.compile(r"^(?:none(?:\s+reported)?|n/?a|nil)\.?$", re.IGNORECASE)
_CODE_RE = re.compile(r"^[A-TV-Z]\d{2}(?:\.[0-9A-Z]{1,4})?\b")


def _items(text: str) -> list[str]:
    """One item per line or semicolon, as entered."""
    return [i.strip() for i in re.split(r"[;\n]+", text) if i.strip().strip(".")]


def _verbatim(field: str, item: str, frame: str) -> Clause:
    item = item.strip().rstrip(".")
    return Clause(field, item, Shape.NOUN, Actor.NONE, body=item, frame=frame)


def labelled_list(field: str, label: str, text: str, section: Section,
                  frame: str) -> list[Clause]:
    """"Label: item; item." with every item exactly as entered."""
    clauses = [_verbatim(field, i, frame) for i in _items(text)]
    if not clauses:
        return []
    body: list[str] = []
    for n, clause in enumerate(clauses):
        body += [";" if n else "", " " if n else "", clause.text]
    section.add(Sentence([f"{label}: ", *body], clauses))
    return clauses


def medications_field(field: str, text: str, setting: Setting, section: Section) -> list[Clause]:
    """As entered; "none" or "denies medications" is what the client reported."""
    items = _items(text)
    if len(items) == 1 and _NOTHING_RE.match(items[0]):  # "none": "Current medications: none."
        return labelled_list(field, "Current medications", text, section, MEDICATION_FRAME)
    if items and all(_NONE_RE.match(i) for i in items):  # "denies medications": a report
        return history_field(field, text, setting, section)
    return labelled_list(field, "Current medications", text, section, MEDICATION_FRAME)


def diagnosis_field(field: str, text: str, section: Section, label: str = "") -> list[Clause]:
    """Coded diagnoses as picked ("F41.0 Panic disorder"), behind "Diagnosis" or "Diagnoses"
    (or the caller's label: "Diagnosis at intake")."""
    items = _items(text)
    coded = sum(1 for i in items if _CODE_RE.match(i))
    plural = coded > 1 or (coded == 0 and len(items) > 1)
    shown = label or ("Diagnoses" if plural else "Diagnosis")
    if label and plural:
        shown = label.replace("Diagnosis", "Diagnoses", 1)
    return labelled_list(field, shown, text, section,
                         "diagnosis diagnoses at intake discharge primary")


STRENGTHS_FRAME = "strengths include is"


def strengths_field(field: str, text: str, setting: Setting, section: Section) -> list[Clause]:
    """How the client is ("motivated for treatment") said of the client; what they have
    ("supportive husband") as the strengths it includes; anything else as a history."""
    facts = [i for f in split_facts(intake_shorthand(text)) for i in split_items(f)]
    states: list[Clause] = []
    nouns: list[Clause] = []
    others: list[str] = []
    for fact in facts:
        clause = analyze("presenting_concerns", fact, setting)
        words = lx.words(clause.body)
        if not words:
            continue
        if clause.actor in (Actor.CLIENT, Actor.NONE) and not clause.subject \
                and not clause.label and _describes(words):
            states.append(Clause(field, clause.text, Shape.STATE, Actor.CLIENT,
                                 body=clause.body, frame=STRENGTHS_FRAME))
        elif clause.shape in (Shape.NOUN, Shape.STATE, Shape.VERB) and not clause.label \
                and clause.actor in (Actor.NONE, Actor.CLIENT) and not clause.subject \
                and not _acts(words):
            nouns.append(Clause(field, clause.text, Shape.NOUN, Actor.NONE, body=clause.body,
                                frame=STRENGTHS_FRAME))
        else:
            others.append(fact)
    said: list[Clause] = []
    if states:
        parts = [noun_slots(lower_first(c.body), section.voice) for c in states]
        section.add(Sentence(capital(section.client_subject(("is", "are")))
                             + join_items(parts), states), subject="client")
        said += states
    if nouns:
        parts = [noun_slots(lower_first(c.body), section.voice, object_start=True, after="include")
                 for c in nouns]
        section.add(Sentence(lit("Strengths include ") + join_items(parts), nouns))
        said += nouns
    if others:
        said += history_field(field, "; ".join(others), setting, section)
    return said



def _describes(words: list[str]) -> bool:
    """"motivated for treatment", "insightful", "resilient": how the client is (not
    "supportive husband", an adjective and its noun, nor "good insight")."""
    first = words[0]
    adjective = sh.state_word(first) or first.endswith(("ful", "ive", "ent", "ant", "ous",
                                                        "able", "ible")) or (
        first.endswith("ed") and first not in lx.PAST_VERBS)
    return adjective and (len(words) == 1 or words[1] in lx.PREPOSITIONS
                          or words[1] in ("and", "about", "to", "in", "at", "with"))


def _acts(words: list[str]) -> bool:
    """"engages readily", "volunteers weekly", "enjoys drawing": something the client does."""
    return words[0] in lx.PRESENT_VERBS or words[0] in PRESENT_VERBS or (
        words[0].endswith("s") and len(words) > 1 and words[1].endswith("ly"))
