"""A document's risk assessment: the therapist's words framed, never paraphrased.

As in a progress note (drafting/realizer.py), with one difference: an intake or a discharge
summary states the clinician's own judgement of risk ("low risk at discharge", "overall risk
low"), which is said as written and never as something the client reported.
"""

from __future__ import annotations

from drafting import lexicon as lx
from drafting.clause_types import Clause, Setting, Shape
from drafting.documents.base import Section, field_clauses
from drafting.sentence import Sentence

_JUDGEMENT = frozenset({"risk", "risks"})


def risk_field(field: str, text: str, setting: Setting, section: Section) -> list[Clause]:
    clauses = field_clauses(field, text, setting, "risk")
    said: list[Clause] = []
    pending: list[Clause] = []
    for clause in clauses:
        judged = clause.shape is Shape.NOUN and _JUDGEMENT & set(lx.words(clause.body)) \
            and not clause.label
        if not judged:
            pending.append(clause)
            continue
        if pending:
            section.add_field(pending)
            pending = []
        section.add(Sentence([clause.text], [clause]))
        said.append(clause)
    if pending:
        section.add_field(pending)
    return clauses
