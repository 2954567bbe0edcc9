"""How the facts of one sentence are joined: how many fit, which may join, two or three objects of
one verb merged ("denied SI, HI, and self-harm")."""

from __future__ import annotations

import re

from drafting.clause_types import Actor, Clause, Shape
from drafting.predicates import Own, Pred
from drafting.sentence import Segment, lit


def room_for(group: list[Pred], nxt: Pred | Own, most: int) -> int:
    """How many predicates a sentence may hold: two facts that each have their own commas
    are a run-on together ("passive SI, no plan or intent and has access to a rifle, ...")."""
    commas = [p for p in group if "," in p.clause.body]
    if nxt.clause.field == "risk" and (commas or "," in nxt.clause.body or
                                       " and " in nxt.clause.body):
        return 1  # each risk finding is read on its own
    if "," in nxt.clause.body:
        return 1 if commas or nxt.clause.field == "risk" else 2
    return 2 if commas else most


def joinable(clause: Clause) -> bool:
    if clause.field == "risk" and clause.subject == "risk":
        return False  # "Risk was elevated." is read on its own
    return clause.shape in (Shape.CLAUSE, Shape.MEASURE, Shape.COPULA, Shape.PASSIVE) or (
        clause.actor is Actor.OTHER)


def with_capital(segments: list[Segment]) -> list[Segment]:
    if segments and isinstance(segments[0], str) and segments[0]:
        return lit(segments[0][0].upper() + segments[0][1:]) + segments[1:]
    return segments


def predicate_words(preds: list[Pred]) -> int:
    return sum(segment_words(p.segments) for p in preds)


def segment_words(segments: list[Segment]) -> int:
    return sum(len((s if isinstance(s, str) else s.options[s.default]).split())
               for s in segments)


def merge_same_verb(preds: list[Pred]) -> list[Pred]:
    """"denied SI" + "denied withdrawal symptoms" -> "denied SI and withdrawal symptoms"."""
    out: list[Pred] = []
    for pred in preds:
        prev = out[-1] if out else None
        objects = getattr(prev, "objects", [])
        if (prev is not None and len(objects) == 2 and pred.lead == prev.lead
                and pred.object_segments and "," not in pred.clause.body):
            # a third object of the same verb: "used OARS, a readiness ruler, and ..."
            lead_segments = prev.segments[:len(prev.segments) - len(_joined(objects))]
            segments = lead_segments + objects[0] + lit(", ") + objects[1] + lit(", and ") \
                + pred.object_segments
            merged = Pred(prev.clause, segments, prev.aux, prev.lead, prev.state,
                          prev.object_segments)
            merged.merged = [*prev.merged, pred.clause]  # type: ignore[attr-defined]
            out[-1] = merged
            continue
        if (prev is not None and pred.lead and pred.lead == prev.lead
                and pred.lead in _LIST_VERBS and pred.object_segments
                and prev.object_segments and not getattr(prev, "merged", [])):
            if inner_comma(prev.clause.body, spaced=False):
                out.append(pred)  # "reported X, Y and Z" would blur where X ends
                continue
            long_first = (len(prev.clause.body.split()) > 4
                          and len(pred.clause.body.split()) < 3)
            if long_first:  # "denied SI and use since the last session", not "... and SI"
                lead_segments = prev.segments[:len(prev.segments) - len(prev.object_segments)]
                segments = (lead_segments + pred.object_segments + lit(" and ")
                            + prev.object_segments)
            else:
                segments = prev.segments + lit(" and ") + pred.object_segments
            merged = Pred(prev.clause, segments, prev.aux, prev.lead, prev.state,
                          prev.object_segments)
            merged.merged = [pred.clause]  # type: ignore[attr-defined]
            if not long_first:
                merged.objects = [prev.object_segments,  # type: ignore[attr-defined]
                                  pred.object_segments]
            out[-1] = merged
            continue
        out.append(pred)
    return out


def inner_comma(text: str, spaced: bool = True) -> bool:
    """A comma outside quotes and brackets ("hands cracked, uses sleeve"); ``spaced``: only
    one followed by a space (a list, not "1,200")."""
    bare = re.sub(r"\([^)]*\)|[\"“][^\"”]*[\"”]", "", text)
    return (", " if spaced else ",") in bare


def _joined(objects: list[list[Segment]]) -> list[Segment]:
    """The segments of two merged objects, as ``merge_same_verb`` wrote them."""
    return objects[0] + lit(" and ") + objects[1]


def merged_clauses(preds: list[Pred]) -> list[Clause]:
    return [c for p in preds for c in getattr(p, "merged", [])]


_LIST_VERBS = frozenset({"denied", "reported", "described", "endorsed", "used", "provided",
                         "conducted", "facilitated", "included"})
