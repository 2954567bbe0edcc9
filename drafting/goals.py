"""The goals field: "The goals are to reduce panic and ride the bus alone.", "Goal 1 is to ...",
"The goal is for the mother to reach ...", "The goals also include Y-BOCS below 16"."""

from __future__ import annotations

import re

from drafting import lexicon as lx
from drafting.clause_types import Actor, Clause, Shape
from drafting.phrases import lower_first, slots
from drafting.sentence import Segment, Sentence, lit
from drafting.voice import Voice


def goal_sentences(clauses: list[Clause], voice: Voice) -> list[Sentence]:
    """"The goals are to reduce panic and ride the bus alone." or "Goal 1 is to ..."."""
    out: list[Sentence] = []
    verbs = [c for c in clauses if c.shape is Shape.VERB and not c.label
             and c.actor is not Actor.OTHER]
    if verbs and len(verbs) < len(clauses) and not any(c.label for c in clauses):
        # Aims of different shapes ("return to full school days", "parents present a united
        # front"): listed as the therapist wrote them, not forced into one frame.
        return [Sentence(lit("Goals: ") + _listed(clauses, voice), list(clauses))]
    if verbs:
        aims = [lower_first(re.sub(r"^(?:to|will)\s+", "", _strip_client(c.body),
                                   flags=re.IGNORECASE)) for c in verbs]
        parts: list[Segment] = ["The goal is to " if len(aims) == 1 else "The goals are to "]
        for n, aim in enumerate(aims):
            if n:
                parts.append(" and " if n == len(aims) - 1 and len(aims) == 2 else
                             (", and " if n == len(aims) - 1 else ", "))
            parts += slots(aim, voice, verb_first=True)
        out.append(Sentence(parts, verbs))
    targets: list[tuple[Clause, list[Segment]]] = []
    for clause in clauses:
        if clause in verbs:
            continue
        body = lower_first(_strip_client(clause.body))
        if clause.label and clause.shape is Shape.VERB:
            out.append(Sentence(lit(f"{clause.label} is to ") + slots(
                re.sub(r"^to\s+", "", body), voice, verb_first=True), [clause]))
        elif clause.label:
            out.append(Sentence(lit(f"{clause.label}: ") + slots(body, voice), [clause]))
        elif clause.actor is Actor.OTHER and clause.shape is Shape.VERB:
            # "mom to reach CDI mastery": "The goal is for the mother to reach ..."
            who = lower_first(clause.subject)
            who = who if lx.words(who)[:1] and lx.words(who)[0] in lx.DETERMINERS \
                or who[:1].isupper() else "the " + who  # "for Marcus", never "for the Marcus"
            out.append(Sentence(lit(f"The goal is for {who} to ") + slots(
                re.sub(r"^to\s+", "", body), voice, verb_first=True), [clause]))
        elif clause.shape is Shape.MEASURE:  # "Y-BOCS <16": "The goal is Y-BOCS below 16."
            targets.append((clause, lit(f"{clause.subject} ") + slots(body, voice)))
        else:
            targets.append((clause, slots(body, voice, object_start=True)))
    if targets:  # "The goals are Y-BOCS below 16 and handwashing below 30 minutes a day."
        lead = ("The goals also include " if verbs else "The goals are ") if len(targets) > 1 \
            else ("The goal also includes " if verbs else "The goal is ")
        parts = lit(lead)
        for n, (_, segments) in enumerate(targets):
            if n:
                parts += lit(" and " if n == len(targets) - 1 and len(targets) == 2 else
                             (", and " if n == len(targets) - 1 else ", "))
            parts += segments
        out.append(Sentence(parts, [c for c, _ in targets]))
    return out


def _listed(clauses: list[Clause], voice: Voice) -> list[Segment]:
    parts: list[Segment] = []
    for n, clause in enumerate(clauses):
        if n:
            parts.append("; ")
        parts += slots(lower_first(_strip_client(clause.text)), voice)
    return parts


def _strip_client(text: str) -> str:
    return re.sub(r"^(?:the\s+)?(?:client|pt|patient)\s+(?:will\s+)?", "", text,
                  flags=re.IGNORECASE)
