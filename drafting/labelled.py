"""A fact the therapist wrote behind a label ("ERP: touched the door handle", "Goal 1: reduce
panic", "Mom: labeled praise daily", "Topic: 'Asking for Help.'"): whose it is and how the
sentence says it, the label kept where no frame fits it."""

from __future__ import annotations

import re
from collections.abc import Callable

from drafting import lexicon as lx
from drafting import wordclass as wc
from drafting.actors import CLIENT_ONLY_VERBS
from drafting.clause_types import Actor, Clause, Shape
from drafting.own_clauses import own
from drafting.phrases import lower_first, slots
from drafting.predicates import Own
from drafting.sentence import Choice, Segment, Sentence, lit
from drafting.shapes import verb_first
from drafting.shorthand import CLIENT_RE
from drafting.subject_phrases import subject_segments as slots_subject
from drafting.subjects import names_someone
from drafting.voice import Voice


def labelled(clause: Clause, voice: Voice, one: Callable[[Clause], Sentence]) -> Own:
    """"Goal 1: reduce panic" -> "Goal 1 is to reduce panic"; "ERP: left stove unchecked"
    -> "During ERP, client left the stove unchecked"; "ERP homework: leave home after one
    check" -> "For ERP homework, client will leave home after one check"."""
    if clause.subject and clause.actor is Actor.CLIENT and not clause.label:
        first_word = lx.words(clause.body)[:1]
        if first_word and (first_word[0] in lx.PAST_VERBS or wc.is_past(first_word[0])):
            # "first time pt named a reason to change": what the client did
            return Own(clause, slots_subject(clause.subject, voice) + lit(" ")
                       + [lower_first(clause.body)])
        return Own(clause, slots_subject(clause.subject, voice) + lit(" ", Choice(
            ("has been ", "is ", "was "), 0, "copula")) + [lower_first(clause.body)])
    actor = clause.actor
    f = clause.field
    label = clause.label
    if f == "interventions" and label and verb_first(label) and "-" not in \
            label.split()[0]:  # not "solution-focused: ..."
        # "explored transference: pt apologized repeatedly": the clinician's act, then
        # what happened in it
        inner = Clause(f, clause.text, clause.shape, actor, clause.subject, clause.body,
                       named=clause.named)
        rest = one(inner).segments
        if rest and isinstance(rest[0], str):
            rest = lit(lower_first(rest[0])) + rest[1:]
        return Own(clause, lit(f"{voice.clinician} ", *slots(lower_first(label), voice,
                                                             verb_first=True), ": ") + rest)
    if f == "interventions" and clause.shape is Shape.VERB and actor is Actor.THERAPIST \
            and not clause.named and lx.words(clause.body)[:1] and \
            lx.words(clause.body)[0] in CLIENT_ONLY_VERBS:
        actor = Actor.CLIENT  # "in vivo ERP: touched the door handle": the client did
    inner = Clause(f, clause.text, clause.shape, actor, clause.subject, clause.body,
                   named=clause.named)
    if f == "goals" and clause.shape is Shape.VERB:
        return Own(clause, [f"{label} is to {lower_first(clause.body)}"])
    if f == "interventions" and clause.shape is Shape.NOUN and \
            lx.words(label) and lx.words(label)[0] in _TOPIC_LABELS:
        # "Topic: people, places, and things": what the session was about
        return Own(clause, lit(f"The {label.lower()} was ") + slots(clause.body, voice))
    if f == "interventions" and clause.shape is Shape.NOUN and len(clause.body.split()) <= 3:
        return Own(clause, [voice.clinician, " ", Choice(
            ("used ", "provided ", "conducted "), 0, "verb"), lower_first(label),
            f" ({clause.body})"])  # "Clinician used defusion (leaves on a stream)."
    if f == "interventions" and clause.shape is Shape.NOUN:
        # "Emotion regulation: check the facts, opposite action for shame." (never "used
        # emotion regulation, with check the facts")
        return _as_labelled(clause, label, voice)
    if clause.shape is Shape.NOUN and f not in ("presenting_concerns", "interventions"):
        named = lit(voice.client_mid(), " ") if clause.named and \
            clause.actor is Actor.CLIENT else lit()  # "scaling: pt 3/10" keeps the client
        return _as_labelled(clause, label, voice, named)
    if f == "presenting_concerns" and clause.shape is Shape.NOUN:
        if clause.body[:1].isdigit() and not {"goal", "goals"} & set(lx.words(label)):
            # "sleep: 4-5 hrs" was told; "goals: 1) ..." are the treatment's, no report
            return Own(clause, [voice.client, " reported ", lower_first(label), " of ",
                                clause.body])
        return Own(clause, [label[0].upper() + label[1:], ": ", clause.body])
    if f == "risk" or (f == "interventions" and clause.shape is Shape.QUOTE
                       and clause.actor is Actor.CLIENT):
        # "HI screened: intrusive, unwanted, no intent/plan": as screened; "values card
        # sort: "connection", "music"": what the exercise gave, as written
        return _as_labelled(clause, label, voice)
    if f == "interventions" and clause.shape is Shape.VERB and not clause.named and \
            not clause.subject and (_CLIENT_PRACTICE_RE.search(label)
                                    or lx.words(clause.body)[:1] != []
                                    and lx.words(clause.body)[0] not in _CLINICIAN_ACTS):
        # "in-session ERP: touched the door handle": the therapist did not say who did it
        # (an exposure is often the client's, a model the clinician's); kept as written
        return Own(clause, lit(label[0].upper() + label[1:], ": ")
                   + slots(lower_first(clause.body), voice, verb_first=True))
    if lx.words(label)[:1] and lx.words(label)[0] in _TOPIC_LABELS or (
            f in ("presenting_concerns", "client_response") and names_someone(label)
            and not CLIENT_RE.match(label + " ")):
        # "Topic: 'Asking for Help.'" is the group's topic, never the client's words;
        # "Dad not present - works nights": whose the rest is stays as written, never
        # "Client reported working nights"
        return _as_labelled(clause, label, voice)
    if f == "plan" and _names_a_person(label):
        # "Jordan: text before purchases" is Jordan's task, "Mom: labeled praise daily"
        # the mother's: never "For Jordan, client will text ..."
        person = lx.ABBREVIATIONS.get(label.lower(), label)
        if CLIENT_RE.fullmatch(label.strip() + " "):
            person_clause = Clause(f, clause.text, clause.shape, Actor.CLIENT, "",
                                   clause.body)
            if clause.shape is Shape.VERB:
                return Own(clause, one(person_clause).segments)
            person = voice.client
        elif clause.shape is Shape.VERB:
            return own(Clause(f, clause.text, Shape.VERB, Actor.OTHER, person,
                              clause.body), voice)
        return _as_labelled(clause, person, voice)
    sentence = one(inner)
    lead = {"interventions": "During", "client_response": "During", "plan": "For"}.get(f)
    text_segments = list(sentence.segments)
    if lx.words(label)[:1] and lx.words(label)[0] in _WHEN_WORDS and text_segments:
        # "afterward: 'I didn't know ...'" -> "Afterward, client said, ..."
        if isinstance(text_segments[0], str):
            text_segments[0] = lower_first(text_segments[0])
        when = slots(label[0].upper() + label[1:], voice)  # "At [the] end of session"
        return Own(clause, when + lit(", ") + text_segments)
    if lead and text_segments and isinstance(text_segments[0], str):
        text_segments[0] = lower_first(text_segments[0])
        return Own(clause, lit(f"{lead} ") + slots(lower_first(label), voice,
                                                   object_start=True, after=lead.lower())
                   + lit(", ") + text_segments)
    return Own(clause, lit(label[0].upper() + label[1:], ": ") + text_segments)


# What only a clinician does in a session: after a label, an unnamed act with another verb
# ("in-session: held chef's knife 10 min") may be the client's and is kept as written.
_CLINICIAN_ACTS = frozenset({
    "taught", "reviewed", "explored", "coached", "provided", "modeled", "modelled", "validated",
    "reflected", "assigned", "introduced", "processed", "discussed", "assessed", "administered",
    "facilitated", "guided", "conducted", "tracked", "named", "reframed", "normalized",
    "challenged", "elicited", "summarized", "praised", "prompted", "encouraged", "demonstrated",
    "used", "led", "interpreted", "linked", "highlighted", "offered", "explained"})
# Labels of work the client often does in session, where an unnamed act may be either's.
_CLIENT_PRACTICE_RE = re.compile(r"\b(?:exposure|erp|vivo|imaginal|interoceptive|enactment|"
                                 r"role-?play|rehearsal|practice|experiment|behavioral)\b",
                                 re.IGNORECASE)


# Labels that name what a session was about ("Topic: 'Asking for Help.'"), never a speaker
_TOPIC_LABELS = frozenset({"topic", "theme", "focus", "module", "skill", "title", "handout"})


def _as_labelled(clause: Clause, label: str, voice: Voice,
                 named: list[Segment] | None = None) -> Own:
    """"Label: the rest as written", with the label's first letter a capital."""
    return Own(clause, lit(label[0].upper() + label[1:], ": ") + (named or [])
               + slots(clause.body, voice))


def _names_a_person(label: str) -> bool:
    """"Jordan", "Mom", "cl", "parents": a label that says whose a plan item is."""
    words = lx.words(label)
    return len(words) == 1 and (words[0] in lx.CLIENT_WORDS or words[0] in ("mom", "dad")
                                or names_someone(label) and not wc.can_be_noun(words[0])
                                or words[0] in lx.RELATION_NOUNS or words[0] in lx.PERSON_NOUNS)


def labelled_plan(sentence: Sentence, voice: Voice) -> Sentence:
    """The plan inside a section of another name (PIE's Evaluation) says that it is the plan:
    "Plan: client will practice TIPP once a day."""
    head = sentence.segments[0] if sentence.segments else ""
    if not isinstance(head, str):
        return sentence
    pronoun = f"{voice.subject_pronoun.capitalize()} "
    if head.startswith(pronoun):  # "Plan: client will ...", not "Plan: she will ..."
        head = f"{voice.client_mid()} {head[len(pronoun):]}"
    labelled = Sentence(lit("Plan: ", lower_first(head)) + sentence.segments[1:], sentence.clauses)
    labelled.subject = getattr(sentence, "subject", "")  # type: ignore[attr-defined]
    return labelled


# A label that says when or where ("afterward", "in role-play", "at the end") leads its
# sentence as it is.
_WHEN_WORDS = frozenset({"afterward", "afterwards", "after", "later", "then", "initially",
                         "first", "at", "in", "during", "before", "by", "toward", "towards",
                         "finally", "eventually", "subsequently", "next", "earlier", "early",
                         "midway", "throughout", "when", "while", "on", "from"})
