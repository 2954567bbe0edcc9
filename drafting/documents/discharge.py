"""A discharge summary's own fields: the record's dates and count, the course of treatment, the
reason, each goal's outcome.

"First session 01/06/2026; last session 10/20/2026; 38 sessions attended" becomes "Client was
seen for 38 sessions from 01/06/2026 to 10/20/2026."; "Goal 1 (manage panic symptoms): met;
no panic attacks since August" becomes "Goal 1, to manage panic symptoms, was met: no panic
attacks since August."; a noun-phrase reason, "The reason for discharge was relocation out of
state.", and anything else the client did as a history says it ("Client moved out of
state.").
"""

from __future__ import annotations

import re

from drafting import lexicon as lx
from drafting import shapes as sh
from drafting.clauses import Actor, Clause, Setting, Shape, analyze
from drafting.documents.base import (
    Section,
    capital,
    compound_adjective_first,
    field_clauses,
    intake_shorthand,
    join_items,
    noun_slots,
    own_sentence,
)
from drafting.documents.history import history_field, history_item
from drafting.own_clauses import own
from drafting.phrases import is_plural, lower_first
from drafting.predicates import Own
from drafting.sentence import Choice, Sentence, lit
from drafting.split import split_facts
from models.discharge import EPISODE_RE as _EPISODE_LINE_RE
from models.discharge import parse_episode, parse_goal_progress

EPISODE_FRAME = "was were seen for from to on"
COURSE_FRAME = "treatment included"
REASON_FRAME = "the reason for discharge was"
_DONE_RE = re.compile(r"^(.+?)\s+(completed|finished|done|developed|written|reviewed|"
                      r"practiced|established|created|built)\b(.*)$", re.IGNORECASE)
GOAL_FRAME = "goal to was were"


def episode_field(field: str, text: str, setting: Setting, section: Section) -> list[Clause]:
    episode = parse_episode(text)
    if episode is None or episode.first is None or episode.last is None:
        return history_field(field, text, setting, section)
    noun = "session" if episode.sessions == 1 else "sessions"
    first, last = f"{episode.first:%m/%d/%Y}", f"{episode.last:%m/%d/%Y}"
    line = _EPISODE_LINE_RE.search(text)
    said = line.group(0) if line else text.strip()
    clause = Clause(field, said, Shape.NOUN, Actor.NONE, body=said,
                    canonical=f"{episode.sessions} {noun} {first} {last}", frame=EPISODE_FRAME)
    span = f"on {first}" if first == last else f"from {first} to {last}"
    plural = section.voice.service in ("couple", "couples", "family") and not section.voice.unit
    who = section.voice.client_subject()
    if plural:
        who = f"{who} and {'partner' if section.voice.service != 'family' else 'family'}"
    verb = "were" if plural else "was"
    section.add(Sentence([f"{who} {verb} seen for {episode.sessions} {noun} {span}"], [clause]),
                subject="client")
    rest = _EPISODE_LINE_RE.sub("", text).strip(" ;.\n")
    if re.search(r"[A-Za-z]", rest):  # the therapist's own words after the record's line
        return [clause, *history_field(field, rest, setting, section)]
    return [clause]


def course_field(field: str, text: str, setting: Setting, section: Section) -> list[Clause]:
    """Noun phrases are what treatment included; anything else is said as a progress note's
    interventions are (the clinician's acts, in the past)."""
    facts = split_facts(intake_shorthand(text))
    nouns: list[Clause] = []
    others: list[Clause] = []
    others_done: list[Clause] = []
    for fact in facts:
        clause = analyze("interventions", fact, setting)
        done = _DONE_RE.match(clause.text)
        if done and clause.shape is Shape.NOUN and not clause.label:
            # "in vivo highway driving hierarchy completed": the thing, then what became of it
            thing = Clause(field, clause.text, Shape.PASSIVE, Actor.NONE, subject=done[1],
                           body=done[2], frame="the a an was were")
            section.add(Sentence(capital([Choice(("The ", ""), 0, "article"), done[1],
                                          f" {'were' if is_plural(done[1].split()[-1]) else 'was'} "
                                          f"{done[2]}"]), [thing]))
            others_done.append(thing)
            continue
        if not clause.label and (compound_adjective_first(clause.text) or (
                clause.shape is Shape.NOUN and clause.actor is Actor.NONE)):
            nouns.append(Clause(field, clause.text, Shape.NOUN, Actor.NONE, body=clause.body,
                                frame=COURSE_FRAME))
        else:
            others.append(clause)
    for start in range(0, len(nouns), 3):
        chunk = nouns[start:start + 3]
        parts = [noun_slots(lower_first(c.body), section.voice, object_start=True, after="included")
                 for c in chunk]
        section.add(Sentence(lit("Treatment included ") + join_items(parts), chunk))
    if others:
        section.add_field(others)
    return nouns + others + others_done


# "2 outreach calls and a letter were not answered": a sentence of its own, not a reason's name
_FINITE = frozenset({"was", "were", "is", "are", "has", "have", "had", "did", "does"})


def reason_field(field: str, text: str, setting: Setting, section: Section) -> list[Clause]:
    said: list[Clause] = []
    for clause in field_clauses(field, text, setting, "presenting_concerns"):
        words = lx.words(clause.body)
        if clause.shape is Shape.NOUN and clause.actor is Actor.NONE and not clause.label \
                and words and not sh.verb_first(clause.body):
            if _FINITE & set(words):  # the therapist wrote a sentence: it stays theirs
                section.add(own_sentence(own(clause, section.voice)))
                said.append(clause)
                continue
            framed = Clause(field, clause.text, Shape.NOUN, Actor.NONE, body=clause.body,
                            frame=REASON_FRAME)
            section.add(Sentence(["The reason for discharge was ", lower_first(clause.body)],
                                 [framed]))
            said.append(framed)
            continue
        item = history_item(clause, section)
        if isinstance(item, Own):
            section.add(Sentence(list(item.segments), [clause]))
        else:
            section.add(section._sentence("client", [item]), subject="client")
        said.append(clause)
    return said


def goal_progress_field(field: str, text: str, setting: Setting,
                        section: Section) -> list[Clause]:
    """Each goal of the last plan with its outcome and the therapist's detail."""
    said: list[Clause] = []
    for outcome in parse_goal_progress(text):
        line = outcome.line()
        clause = Clause(field, line, Shape.NOUN, Actor.NONE, body=line, frame=GOAL_FRAME)
        goal = " ".join(outcome.goal.split())
        words = lx.words(goal)
        if goal and words and (words[0] in lx.BASE_VERBS or sh.verb_first(goal)):
            name = f"Goal {outcome.number}, to {lower_first(goal)},"
        elif goal:
            name = f"Goal {outcome.number} ({goal})"
        else:
            name = f"Goal {outcome.number}"
        verb = f" was {outcome.outcome}" if outcome.outcome else ""
        detail = outcome.detail.strip().rstrip(".")
        if not verb:
            name = name.rstrip(",")
        tail = (": " if verb else ": ") + detail if detail else ""
        section.add(Sentence([f"{name}{verb}{tail}"], [clause]))
        said.append(clause)
    return said
