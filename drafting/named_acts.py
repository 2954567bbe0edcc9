"""A fact that names who did it: what the rest of it is ("client reports ...", "I taught ...",
"father apologized for yelling", "son quiet early", "psychiatrist increased prazosin")."""

from __future__ import annotations

import re

from drafting import lexicon as lx
from drafting import shapes as sh
from drafting.clause_types import Actor, Clause, Shape
from drafting.fact_text import REPORTED, TOLD_IN_PAST
from drafting.ratings import (
    measure_of,
)
from drafting.subjects import (
    COPULA_WORDS,
    QUOTE_CHARS,
    is_participle,
    is_person,
)

# "on Suboxone 8mg daily", "in week 3 of a phased return": where the client is
_CLIENT_PLACE_RE = re.compile(r"^(?:on|in|at|off)\s+\S", re.IGNORECASE)
# "10 weeks postpartum", "6 months sober": how long the client has been so
CLIENT_SPAN_RE = re.compile(r"^\d+(?:\.\d+)?\s+(?:days?|weeks?|months?|years?)\s+(?!ago\b)"
                             r"[a-z][\w-]*(?:\s*\([^)]*\))?$", re.IGNORECASE)


_MODALS = frozenset({"will", "would", "can", "could", "should", "may", "might", "must",
                     "shall", "is", "was", "are", "were", "has", "had", "have", "does", "did"})

_REPORTED_PLURAL = {"report": "reported", "state": "stated", "describe": "described",
                    "endorse": "endorsed", "say": "said"}


def with_actor(field: str, text: str, rest: str, actor: Actor) -> Clause:
    """A fact that names who did it ("client reports ...", "I taught ..."): the rest's shape."""
    rest = rest.strip()
    if not rest:
        return Clause(field, text, Shape.NOUN, actor, named=True, body=text)
    ws = lx.words(rest)
    if rest[:1] in QUOTE_CHARS:
        return Clause(field, text, Shape.QUOTE, actor, named=True, body=rest)
    if field == "plan" and re.match(r"to\s+\w", rest, re.IGNORECASE):
        # "pt to return in 2 weeks"
        return Clause(field, text, Shape.VERB, actor, named=True, body=rest[3:].strip())
    if actor is Actor.CLIENT and re.match(r"\d+\s+\w+\s+(?:late|early)\b", rest):
        return Clause(field, text, Shape.STATE, actor, named=True, body=rest)  # "10 min late"
    if actor is Actor.CLIENT and field == "presenting_concerns" and (
            CLIENT_SPAN_RE.match(rest) or (_CLIENT_PLACE_RE.match(rest)
                                            and not sh.verb_first(rest.split(None, 1)[-1]))):
        return Clause(field, text, Shape.STATE, actor, named=True, body=rest)  # "in week 3"
    if actor is Actor.CLIENT and (sh.is_state(rest) or (
            sh.state_word(ws[0]) and ws[0] not in lx.PAST_VERBS and not sh.verb_first(rest))):
        return Clause(field, text, Shape.STATE, actor, named=True, body=rest)
    measure = measure_of(field, rest)
    if measure is not None and actor is Actor.CLIENT:  # "pt HR 104 -> 82 after break"
        return Clause(field, text, Shape.MEASURE, Actor.NONE, subject=measure[0],
                      body=measure[1], score_of=measure[2], named=True)
    if (sh.verb_first(rest) or ws[0] in lx.BASE_VERBS or ws[0] in _MODALS
            or ws[0] in lx.PRESENT_VERBS or ws[0] in lx.LINKING_VERBS
            or (ws[0].endswith("s") and ws[0] not in lx.STOPWORDS and len(ws) > 1)):
        # named, then a word: a verb ("she works part time", "client reports ...")
        return Clause(field, text, Shape.VERB, actor, named=True, body=rest)
    return Clause(field, text, Shape.NOUN, actor, named=True, body=rest)


def other_act(field: str, text: str, subject: str, predicate: str) -> Clause:
    """Someone else's act or state: "father apologized for yelling", "son quiet early"."""
    head = lx.words(predicate)[0]
    told = REPORTED.get(head) or _REPORTED_PLURAL.get(head)
    if told and field in TOLD_IN_PAST:  # "client and his wife report a blowup"
        predicate = told + predicate[len(head):]
        head = told
    if field == "plan" and head == "to":
        predicate = predicate.split(None, 1)[1] if " " in predicate else predicate
        return Clause(field, text, Shape.VERB, Actor.OTHER, subject=subject, body=predicate)
    after = lx.words(predicate)[1:2]
    thing = not is_person(re.sub(r"^client's\s+", "", subject))
    if head in ("caught", "stuck", "torn", "trapped") and after and after[0] in lx.PREPOSITIONS:
        # "mom Lisa caught in the middle": how she was, never "Lisa caught in the middle"
        return Clause(field, text, Shape.COPULA, Actor.OTHER, subject=subject, body=predicate)
    if thing and is_participle(head) and "by" in lx.words(predicate)[1:3]:
        # "pt's meds locked up by roommate": done to a thing, by someone
        return Clause(field, text, Shape.PASSIVE, Actor.NONE, subject=subject, body=predicate)
    if head.endswith("ly") and after and (sh.state_word(after[0]) or after[0] in COPULA_WORDS):
        return Clause(field, text, Shape.COPULA, Actor.OTHER, subject=subject, body=predicate)
    if head.endswith("ing") and len(head) > 4 and field != "plan":
        return Clause(field, text, Shape.COPULA, Actor.OTHER, subject=subject, body=predicate)
    if head.endswith("ed") and after and after[0] in ("about", "with", "by", "over", "that"):
        return Clause(field, text, Shape.COPULA, Actor.OTHER, subject=subject, body=predicate)
    if head in _DOSE_VERBS and after and after[0] not in lx.PREPOSITIONS:
        # "psychiatrist increased prazosin to 2mg": the prescriber's act, never "was increased"
        return Clause(field, text, Shape.VERB, Actor.OTHER, subject=subject, body=predicate)
    if sh.state_word(head) and head not in lx.PAST_VERBS | lx.PRESENT_VERBS:
        return Clause(field, text, Shape.COPULA, Actor.OTHER, subject=subject, body=predicate)
    if head in COPULA_WORDS and head not in lx.PAST_VERBS | lx.PRESENT_VERBS:
        return Clause(field, text, Shape.COPULA, Actor.OTHER, subject=subject, body=predicate)
    return Clause(field, text, Shape.VERB, Actor.OTHER, subject=subject, body=predicate)


_DOSE_VERBS = frozenset({"increased", "decreased", "started", "stopped", "prescribed", "changed",
                         "raised", "lowered", "reduced", "adjusted", "titrated", "added",
                         "discontinued", "restarted", "switched", "tapered"})
