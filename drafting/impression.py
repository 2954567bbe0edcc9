"""The clinical impression, said as the therapist concluded it.

An impression is the clinician's own formulation ("couple distress elevated but both motivated;
criticism-stonewalling pattern central"). Framing each part with a copula or a subject the
realizer guesses ("The couple distress elevated", "Twice weekly remains is indicated") turned
a sound formulation into a wrong sentence, so its words stay as written after one label. Only
what the client is doing ("responding well to exposure") is said of the client.
"""

from __future__ import annotations

import re

from drafting import lexicon as lx
from drafting import wordclass as wc
from drafting.aggregation import with_capital
from drafting.clause_types import Clause, Shape
from drafting.own_clauses import own
from drafting.phrases import lower_first, slots
from drafting.predicates import ongoing_act
from drafting.sentence import Segment, Sentence, lit
from drafting.shorthand import CLIENT_RE
from drafting.voice import Voice

LABEL = "Clinical impression: "
# "postpartum depression, moderate": a diagnosis with its specifier, not a thing with a state
_SPECIFIER_RE = re.compile(r",\s*(?:mild|moderate|severe|recurrent|chronic|acute|"
                           r"single episode|in (?:early |sustained )?remission)\s*$", re.IGNORECASE)
_FREQUENCY = frozenset({"weekly", "biweekly", "monthly", "daily", "twice", "once"})


def impression_sentences(clauses: list[Clause], voice: Voice,
                         client: list[Segment]) -> list[Sentence]:
    """``client``: the section's subject for the client ("Client ")."""
    out: list[Sentence] = []
    labelled = False
    for clause in clauses:
        text = clause.text.strip().rstrip(".")
        act = CLIENT_RE.sub("", text, count=1)  # "pt benefiting from CPT"
        # "responding well to exposure"; not "hearing is a high-risk trigger", a clause of its own
        if clause.shape is not Shape.CLAUSE and ongoing_act("impression", act):
            out.append(Sentence(client + lit("is ") + slots(lower_first(act), voice), [clause]))
            continue
        if _plain_copula(clause):  # "anxiety symptoms decreasing" -> "... are decreasing"
            out.append(Sentence(with_capital(own(clause, voice).segments), [clause]))
            continue
        if not labelled:
            out.append(Sentence(lit(LABEL) + slots(lower_first(text), voice), [clause]))
            labelled = True
            continue
        out.append(Sentence(slots(text[0].upper() + text[1:], voice), [clause]))
    return out


def _plain_copula(clause: Clause) -> bool:
    """A thing and a short state of it ("anxiety symptoms decreasing", "continued weekly
    therapy medically necessary"), where a copula is all a sentence needs; not "twice weekly
    remains indicated" (a verb already there) or "couple distress elevated but both
    motivated"."""
    body = lx.words(clause.body)
    return clause.shape is Shape.COPULA and 0 < len(body) <= 3 and body[0] not in _FREQUENCY and \
        not _SPECIFIER_RE.search(clause.subject) and \
        not {"but", "and", "or"} & set(body) and \
        not any(wc.is_third_person(w) or w in lx.PERSON_NOUNS for w in lx.words(clause.subject))
