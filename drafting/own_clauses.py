"""A clause that names its own subject ("SUDS dropped from 70 to 45", "The safety plan was
completed", "The mother praised his suggestion"), said as one sentence; someone else's act as
the client told it; and a fact said as the therapist wrote it where no frame fits."""

from __future__ import annotations

import re

from drafting import lexicon as lx
from drafting.appointments import (
    INTERVAL_RE,
    appointment,
    is_appointment,
    next_session,
    someone_elses_meeting,
)
from drafting.clause_types import Actor, Clause, Shape
from drafting.concern_lines import is_diagnosis
from drafting.context_lines import context_sentence
from drafting.mental_status import someone_else_observed, their_observation
from drafting.phrases import article_for, lower_first, slots
from drafting.predicates import (
    CONTEXT_WORDS,
    FUTURE_PASSIVE,
    PAST_FIELDS,
    Own,
    Pred,
    base_form,
    copula,
    plan_verb,
    verb_phrase,
)
from drafting.sentence import lit
from drafting.subject_phrases import (
    other_subject,
    plural_subject,
    subject_segments,
)
from drafting.voice import Voice


def reported_that(clause: Clause, voice: Voice) -> Pred:
    """Someone else's act as the client told it: "reported that their boss gave a review"."""
    inner = own(clause, voice).segments
    if inner and isinstance(inner[0], str):
        inner = lit(lower_first(inner[0])) + inner[1:]
    return Pred(clause, lit("reported that ") + inner, lead="reported that")


def own(clause: Clause, voice: Voice) -> Own:
    """A clause that names its own subject, as one sentence's segments."""
    f, shape = clause.field, clause.shape
    if f == "plan" and shape is Shape.MEASURE and is_appointment(clause.text) and \
            not someone_elses_meeting(clause.text, voice.service):
        return Own(clause, appointment(clause.text, voice))  # "in-person session 12/10"
    if shape is Shape.NOT_ASSESSED:
        if f == "measures":  # "not assessed this sess"
            return Own(clause, [f"Measures were {clause.body}"])
        what = "Mental status" if f == "mental_status" else "Risk"
        return Own(clause, [f"{what} was {clause.body}"])  # "not formally assessed in group"
    if f == "risk" and shape is Shape.COPULA and clause.subject == "risk":
        return Own(clause, [f"Risk was {clause.body.lower()}"])  # "Elevated." -> "Risk was ..."
    if shape is Shape.QUOTE and clause.actor is Actor.OTHER:
        subject, _ = other_subject(clause.subject, voice)
        return Own(clause, subject + [" said, ", clause.body])  # 'her mom said, "..."'
    if clause.named and clause.actor is Actor.CLIENT and shape is Shape.NOUN:
        # "scaling: pt 3/10, partner 4/10": the client stays named in the fragment
        return Own(clause, lit(voice.client_mid(), " ") + slots(clause.body, voice))
    if shape is Shape.CONTEXT:
        return Own(clause, context_sentence(clause.body, voice))
    if shape is Shape.NOTHING:
        label = {"progress": "Progress", "risk": "Risk", "plan": "Plan", "goals": "Goals",
                 "impression": "Clinical impression", "interventions": "Interventions",
                 "client_response": "Response", "presenting_concerns": "Presenting concerns",
                 "mental_status": "Mental status"}.get(f, "Entry")
        return Own(clause, [f"{label}: {clause.body}"])
    if shape is Shape.MEASURE:
        body = clause.body
        going = re.match(r"(?:from\s+)?(\S+)\s+to\s+(\S+)(.*)$", body)
        subject = subject_segments(clause.subject, voice, article=False)
        if going and lx.NUMBER_RE.match(going.group(1)) and f != "plan":
            return Own(clause, subject + lit(" went from ", going.group(1), " to ",
                                          going.group(2)) + [going.group(3)])
        if clause.score_of and " item " not in f" {clause.subject} ":
            # "PHQ-9 of 14 (was 18 on 10/6)", "GAD-7 = 9": a score the client had
            name = clause.subject.strip()
            return Own(clause, lit(f"{voice.client_subject()} had {article_for(name)} {name} of ")
                       + slots(body, voice))
        verb = copula(f, plural_subject(clause.subject))  # "urges to cut were 8/10"
        return Own(clause, subject + lit(f" {verb} ") + slots(body, voice))
    if f == "plan" and shape is Shape.PASSIVE and not re.search(
            r"\b(?:in|this|today'?s?)\s+session\b|\btoday\b", clause.body, re.IGNORECASE):
        return as_written(clause, voice)  # "8 pm laptop closed 3 nights": done or to do?
    if shape in (Shape.PASSIVE, Shape.COPULA) and clause.actor is Actor.OTHER and \
            f != "plan" and someone_else_observed(clause.text):
        # "dad eager, talked fast" -> "The father was eager and talked fast."
        named, _ = other_subject(clause.subject, voice)
        return Own(clause, their_observation(clause.text, voice, named=named).segments)
    if shape in (Shape.PASSIVE, Shape.COPULA):
        plural = plural_subject(clause.subject)
        head = lx.words(clause.body)[0]
        future = f == "plan" and head in FUTURE_PASSIVE
        verb = copula(f, plural, future_passive=future)
        if f == "plan" and not future and shape is Shape.PASSIVE:
            verb = "were" if plural else "was"  # "safety plan completed in session"
        if clause.actor is Actor.OTHER:
            subject, person_plural = other_subject(clause.subject, voice)
            if person_plural != plural:
                plural = person_plural
                verb = copula(f, plural, future_passive=future)
        else:
            subject = subject_segments(clause.subject, voice)
        return Own(clause, subject + lit(f" {verb} ") + slots(clause.body, voice))
    if clause.actor is Actor.OTHER and shape is Shape.VERB:
        subject, plural = other_subject(clause.subject, voice)
        body = clause.body
        if f == "plan" and lx.words(body)[:1] != ["will"]:
            head, _, rest = body.partition(" ")
            infinitive = re.search(rf"\bto\s+{re.escape(head)}\b", clause.text) is not None
            if not plan_verb(head) and not infinitive:  # "Nate to offer": a verb after "to"
                return as_written(clause, voice)  # "roommate invited to next session"
            body = f"will {base_form(head)} {rest}".strip()
        return Own(clause, subject + lit(" ") + verb_phrase(body, voice, f in PAST_FIELDS))
    if shape is Shape.CLAUSE:
        subject = subject_segments(clause.subject, voice)
        if lx.words(clause.subject)[-1:] == ["client"] and \
                lx.words(clause.subject)[0] not in lx.DETERMINERS:
            subject = lit("the ") + subject  # "The 16-year-old client missed 6 school days"
        return Own(clause, subject + lit(" ") + verb_phrase(clause.body, voice,
                                                           f in PAST_FIELDS))
    if shape is Shape.NOUN and f == "plan" and is_appointment(clause.body) and \
            not someone_elses_meeting(clause.body, voice.service):
        return Own(clause, appointment(clause.body, voice))
    if shape is Shape.NOUN and f == "plan" and INTERVAL_RE.match(clause.body):
        return Own(clause, next_session(clause.body, voice))  # "1 wk", "next wk same time"
    if shape is Shape.NOUN and f == "plan" and "referral" not in lx.words(clause.body)[:2]:
        return as_written(clause, voice)
    if shape is Shape.NOUN and f == "plan":  # "referral to psychiatry"
        return Own(clause, lit(voice.clinician, " will make ") + slots(
            lower_first(clause.body), voice, object_start=True, after="make"))
    if shape is Shape.NOUN and f in ("progress", "impression"):
        label = "Progress: " if f == "progress" else "Clinical impression: "
        return Own(clause, lit(label) + slots(lower_first(clause.body), voice))
    if shape is Shape.NOUN and f == "goals":
        return Own(clause, lit("The goal is ") + slots(lower_first(clause.body), voice,
                                                    object_start=True))
    if shape is Shape.NOUN and f == "presenting_concerns" and \
            lx.words(clause.body)[:1] and lx.words(clause.body)[0] in CONTEXT_WORDS:
        return Own(clause, context_sentence(clause.body, voice))
    if shape is Shape.NOUN and f == "presenting_concerns" and is_diagnosis(clause.body) and \
            voice.service in ("individual", "family"):
        # "PPD, 10 weeks postpartum" -> "Client presents with PPD, ...": the clinician's
        # framing of the identified client, never "reported" and never a bare fragment
        return Own(clause, lit(f"{voice.client_subject()} presents with ")
                   + slots(lower_first(clause.body), voice))
    # A noun phrase said as it is ("No access to firearms."): never given a teller it lacks.
    return Own(clause, slots(clause.body, voice))


def as_written(clause: Clause, voice: Voice) -> Own:
    """The fact as the therapist wrote it (shorthand written out, a capital, its articles
    still open): where no frame is known to fit, clean shorthand reads better than a wrong
    sentence ("Roommate invited to the next session to discuss accommodation.")."""
    text = (f"{clause.subject} {clause.body}" if clause.subject else clause.body) \
        if clause.label else clause.text  # after its label the fact is said without it
    text = text.strip()
    return Own(clause, slots(text[:1].upper() + text[1:], voice))
