"""A treatment plan's problems, goals and objectives, its participation and its review date.

Each problem is a paragraph: "Problem 1: Panic attacks, as evidenced by 3-4 panic attacks per
week since March. Client avoids highway driving. The long-term goal is to manage panic
symptoms and return to highway driving. Objective 1a: Client will reduce panic attacks from
3-4 per week to 1 or fewer per week by 02/15/2027." Every word of the problem's lines stays;
only the frame ("as evidenced by", "the long-term goal is to", "will", "from", "to", "by",
"baseline") is added, each declared on its fact.
"""

from __future__ import annotations

import re

from drafting import lexicon as lx
from drafting import shapes as sh
from drafting.clauses import Actor, Clause, Setting, Shape, analyze
from drafting.documents.base import Section, capital, field_clauses, join_items, noun_slots
from drafting.documents.history import history_item
from drafting.phrases import lower_first
from drafting.predicates import Own, Pred
from drafting.sentence import Choice, Segment, Sentence, lit
from drafting.split import split_facts
from models.treatment_plan import Objective, Problem, parse_day, parse_problems

PROBLEM_FRAME = "problem as evidenced by"
GOAL_FRAME = "the long-term goal is to"
OBJECTIVE_FRAME = "objective client will be from to by a baseline of"
REVIEW_FRAME = "this plan will be reviewed by"
_CLIENT_WILL_RE = re.compile(r"^(?:(?:the\s+)?(?:client|pt|patient)\s+will\s+|to\s+)",
                             re.IGNORECASE)
_NUMERIC_RE = re.compile(r"^(?:about\s+|approximately\s+)?\d")


def paragraph(sentence: Sentence) -> Sentence:
    """Mark a sentence that starts a new paragraph of its section (a plan's next problem)."""
    sentence.paragraph = True  # type: ignore[attr-defined]
    return sentence


def problems_field(field: str, text: str, setting: Setting, section: Section) -> list[Clause]:
    said: list[Clause] = []
    for problem in parse_problems(text):
        said += _problem(field, problem, setting, section)
    return said


def _problem(field: str, problem: Problem, setting: Setting,
             section: Section) -> list[Clause]:
    voice = section.voice
    label = f"Problem {problem.number}"
    title = Clause(field, f"{label}: {problem.title}", Shape.NOUN, Actor.NONE,
                   body=problem.title, label=label, frame=PROBLEM_FRAME)
    nouns: list[Clause] = []
    acts: list[Clause] = []
    for fact in split_facts(problem.evidence):
        clause = analyze("presenting_concerns", fact, setting)
        item = history_item(clause, section)
        if isinstance(item, Pred) and item.lead == "reported" and item.object_segments:
            nouns.append(Clause(field, clause.text, Shape.NOUN, Actor.NONE, body=clause.body,
                                frame=PROBLEM_FRAME))
        else:
            acts.append(clause)
    segments: list[Segment] = [f"{label}: ", problem.title.strip()]
    if nouns:
        segments += [", as evidenced by "] + join_items(
            [noun_slots(lower_first(c.body), voice, object_start=True, after="by") for c in nouns])
    section.add(paragraph(Sentence(segments, [title, *nouns])))
    said = [title, *nouns]
    for clause in acts:
        item = history_item(clause, section)
        sentence = Sentence(capital(list(item.segments)), [clause]) if isinstance(item, Own) \
            else section._sentence("client", [item])
        section.add(sentence, subject="" if isinstance(item, Own) else "client")
        said.append(clause)
    if problem.goal.strip():
        said.append(_goal(field, problem, section))
    for objective in problem.objectives:
        said.append(_objective(field, objective, section))
    return said


def _goal(field: str, problem: Problem, section: Section) -> Clause:
    goal = " ".join(problem.goal.split())
    aim = _CLIENT_WILL_RE.sub("", goal)
    clause = Clause(field, f"Goal: {goal}", Shape.NOUN, Actor.NONE, body=aim, frame=GOAL_FRAME)
    if _verb_first(aim):
        segments = lit("The long-term goal is to ") + noun_slots(lower_first(aim), section.voice,
                                                            verb_first=True)
    else:
        segments = lit("The long-term goal is ") + noun_slots(lower_first(aim), section.voice,
                                                         object_start=True, after="is")
    section.add(Sentence(segments, [clause]))
    return clause


def _verb_first(text: str) -> bool:
    words = lx.words(text)
    return bool(words) and (words[0] in lx.BASE_VERBS or sh.verb_first(text))


def _objective(field: str, objective: Objective, section: Section) -> Clause:
    """"Objective 1a: Client will reduce panic attacks from 3-4 per week to 1 or fewer per
    week by 02/15/2027." or "Objective 2a: PHQ-9 will be below 10 by 03/01/2027, from a
    baseline of 16.\""""
    voice = section.voice
    # What the draft must keep: the objective, its numbers and date; not the line's own
    # labels ("baseline", "target"), which the sentence may say with "from ... to".
    kept = " ".join(p for p in (f"Objective {objective.key}", objective.text, objective.baseline,
                                objective.target, f"{objective.target_date:%m/%d/%Y}"
                                if objective.target_date else "") if p)
    clause = Clause(field, f"Objective {objective.key}: {objective.line()}", Shape.NOUN,
                    Actor.NONE, body=objective.text, canonical=kept, frame=OBJECTIVE_FRAME)
    what = _CLIENT_WILL_RE.sub("", objective.text.strip())
    baseline, target = objective.baseline.strip(), objective.target.strip()
    if target and target.lower() in what.lower():  # "PHQ-9 below 10", target "below 10"
        target = ""
    when = f" by {objective.target_date:%m/%d/%Y}" if objective.target_date else ""
    segments: list[Segment] = [f"Objective {objective.key}: "]
    numeric = bool(_NUMERIC_RE.match(baseline))
    if _verb_first(what):
        segments += [f"{voice.client_subject()} will "] + noun_slots(lower_first(what), voice,
                                                              verb_first=True)
        if target and baseline and numeric:
            segments.append(f" from {baseline} to {target}")
            baseline = ""
        elif target:
            segments.append(f" to {target}")
        segments.append(when)
    else:
        segments.append(what)
        if target:
            segments.append(f" will be {target}")
        segments.append(when)
        if baseline and numeric:
            segments.append(f", from a baseline of {baseline}")
            baseline = ""
    if baseline:
        segments.append(f" (baseline: {baseline})")
    section.add(Sentence(segments, [clause]))
    return clause


def participation_field(field: str, text: str, setting: Setting,
                        section: Section) -> list[Clause]:
    """"Client participated in developing this plan and agreed with its goals.": what the
    client did in the session, as a progress note's response says it."""
    clauses = field_clauses(field, text, setting, "client_response")
    before = len(section.sentences)
    section.add_field(clauses)
    for sentence in section.sentences[before:]:
        _indefinite_subject(sentence)
    return clauses


def _indefinite_subject(sentence: Sentence) -> None:
    """"A copy was given to the client": what the plan's session handed over is new to the
    reader, so its subject's article starts indefinite (the model may still choose)."""
    first = sentence.segments[0] if sentence.segments else None
    if isinstance(first, Choice) and first.kind == "article" and first.options[0] == "the ":
        for index, option in enumerate(first.options):
            if option in ("a ", "an "):
                sentence.segments[0] = Choice(first.options, index, first.kind)
                return


def review_field(field: str, text: str, setting: Setting, section: Section) -> list[Clause]:
    """"This plan will be reviewed by 02/22/2027." for the review date (and any other words
    of the therapist's about the review, each after the same frame)."""
    said: list[Clause] = []
    for fact in split_facts(text) or [text]:
        rest = re.sub(r"^(?:(?:plan\s+)?review(?:ed)?|next\s+review)\s*(?:date)?\s*:?\s*", "",
                      fact.strip(), flags=re.IGNORECASE)
        clause = Clause(field, fact.strip(), Shape.NOUN, Actor.NONE, body=rest,
                        frame=REVIEW_FRAME)
        when = f"by {rest}" if parse_day(rest) is not None else rest
        section.add(Sentence([f"This plan will be reviewed {when}"], [clause]))
        said.append(clause)
    return said
