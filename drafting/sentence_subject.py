"""Who each planned sentence is said of: the client, the clinician, both, the couple or
family, another person ("other:father"), or no one (a clause with its own
subject)."""

from __future__ import annotations

from drafting import lexicon as lx
from drafting.clause_types import Actor, Clause, Shape
from drafting.predicates import ongoing_act
from drafting.voice import Voice

_PRACTICE_VERBS = frozenset({"practiced", "rehearsed", "role-played", "completed", "tried"})


def subject_key(clause: Clause, voice: Voice) -> str:
    """Who a predicate of this clause is said of; "" for a clause with its own subject."""
    if clause.shape in (Shape.MEASURE, Shape.PASSIVE, Shape.COPULA, Shape.CLAUSE,
                        Shape.NOTHING, Shape.NOT_ASSESSED, Shape.CONTEXT) and \
            clause.actor is not Actor.OTHER:
        if clause.shape is Shape.CLAUSE and clause.field == "presenting_concerns":
            return ""
        return ""
    if clause.label:
        return ""
    if clause.actor is Actor.OTHER:
        if clause.shape is Shape.COPULA:
            return ""
        return "other:" + clause.subject
    if clause.actor is Actor.THERAPIST:
        return "therapist"
    if clause.actor is Actor.JOINT and not clause.named and clause.field == "interventions" \
            and voice.service in ("couple", "family") and not voice.unit:
        # with several people in the room an unnamed joint act is not "clinician and client":
        # practice is the couple's or family's, the rest ("identified the cycle") the clinician's
        verb = lx.words(clause.body)[:1]
        return voice.service if verb and verb[0] in _PRACTICE_VERBS else "therapist"
    if clause.actor is Actor.JOINT:
        return "joint"
    if clause.field == "interventions" and clause.shape is Shape.NOUN:
        return "therapist"
    if clause.shape is Shape.NOUN and clause.field in ("impression", "progress") and \
            ongoing_act(clause.field, clause.body):
        return "client"  # "responding well to exposure": the client is
    if clause.shape is Shape.NOUN and clause.actor is Actor.NONE and clause.field in (
            "progress", "impression", "goals"):
        return ""
    if clause.shape is Shape.NOUN and clause.field == "risk" and \
            lx.words(clause.body)[:1] == ["no"]:
        return ""
    if clause.subject and clause.actor is Actor.CLIENT:
        return ""
    if voice.service == "couple" and not voice.unit and not clause.named and \
            clause.field == "plan":
        return "couple"  # homework set in a couple session is the couple's
    # In a family session what no one is named for in the response is the client's (the
    # child built the houses, the teen ate 3/4 of the plate); the plan is the family's.
    if voice.unit or (voice.service in ("couple", "family") and not clause.named
                      and (clause.field == "plan" or clause.field == "client_response"
                           and voice.service == "couple")):
        return "unit" if voice.unit else ("family" if voice.service == "family" else "client")
    return "client"
