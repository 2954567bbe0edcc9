"""One prompt field's text -> its clauses (facts), as the realizer says them.

Beyond splitting (split.py) and analysing one fact (clauses.py), a field's facts are read
together: a client's age before what is said of her, a comma list of short techniques as one
list, "calm place installed, SUDS 6 -> 2" as two facts, a fact that names no one going on with
the person the fact before named.
"""

from __future__ import annotations

import re
from dataclasses import replace

from drafting import lexicon as lx
from drafting import shorthand as sn
from drafting.clauses import Actor, Clause, Setting, Shape, analyze, names_approach
from drafting.shapes import verb_first
from drafting.split import split_facts, split_items


def clauses_of(field_name: str, text: str, setting: Setting) -> list[Clause]:
    parts = [text] if field_name == "mental_status" else split_facts(text)
    clauses: list[Clause] = []
    new_lines = _starts_a_line(text, parts)
    line_starts: set[int] = set()  # indexes of clauses whose fact begins a line of its own
    for number, part in enumerate(parts, 1):
        if not part.strip():
            continue
        if new_lines[number - 1]:
            line_starts.add(len(clauses))
        aged = re.match(r"^(?:(?:the\s+)?(?:client|pt|patient)\s+)?(\d{1,3}-year-old),\s+(\S.*)$",
                        sn.expand(part).strip(), re.IGNORECASE)
        if aged and field_name == "presenting_concerns":  # "34 y/o, 11 wks postpartum"
            clauses += [analyze(field_name, aged.group(1), setting),
                        analyze(field_name, aged.group(2), setting)]
            continue
        listed = part
        label = re.match(r"^([^,:]{1,60}):\s+(?=\S)", part)
        if label and field_name == "interventions" and \
                names_approach(label.group(1), setting.approach):
            listed = part[label.end():]  # "Group CBT relapse prevention: mapping, ..."
        items = split_items(listed) if not (label and listed == part) else [part]
        if (field_name in ("interventions", "plan") and len(items) > 1
                and all(short_noun_phrase(i) and i[:1] not in "'\"“‘" for i in items)):
            clauses += [replace(analyze(field_name, i, setting), listed=number) for i in items]
            continue
        clause = analyze(field_name, part, setting)
        head, comma, tail = part.rpartition(", ")
        if comma and clause.shape is Shape.NOUN and field_name == "presenting_concerns":
            second = analyze(field_name, tail, setting)
            if second.shape is Shape.VERB and second.actor is Actor.CLIENT and \
                    lx.words(tail)[:1] and lx.words(tail)[0] in ("did", "was", "has", "had"):
                # "urges to self-harm twice this week, did not act on them"
                clauses += [analyze(field_name, head, setting), second]
                continue
        if comma and clause.shape in (Shape.PASSIVE, Shape.CLAUSE, Shape.COPULA):
            first, second = analyze(field_name, head, setting), analyze(field_name, tail,
                                                                        setting)
            if second.shape is Shape.MEASURE and first.shape is clause.shape:
                clauses += [first, second]  # "calm place installed" + "SUDS 6 to 2"
                continue
        clauses.append(_and_for_comma(clause))
    return _carry_named(clauses, setting.service, line_starts)


def _carry_named(clauses: list[Clause], service: str = "individual",
                 line_starts: set[int] | None = None) -> list[Clause]:
    """"pt played out the bunny going back and forth; threw block x1": a fact that names no
    one goes on with the client the fact before named (so in a family session it is still the
    child's act, not the family's); in a couple or family session, with the person the fact
    before named ("Mom tearful; practiced script in sess"), unless that fact was their report
    ("parents report she ate 3 meals; refused dinner twice" is the client's)."""
    out: list[Clause] = []
    for index, clause in enumerate(clauses):
        before = out[-1] if out else None
        if before is not None and before.named and before.actor is Actor.CLIENT and \
                clause.actor is Actor.CLIENT and not clause.named and not clause.subject:
            clause = replace(clause, named=True)
        elif service in ("couple", "family") and before is not None and \
                index not in (line_starts or set()) and \
                before.actor is Actor.OTHER and before.subject and \
                lx.words(before.body)[:1] not in (["reports"], ["reported"], ["said"],
                                                  ["says"], ["states"], ["stated"]) and \
                clause.field in ("client_response", "presenting_concerns") and \
                clause.shape is Shape.VERB and clause.actor is Actor.CLIENT and \
                not clause.named and not clause.subject and not clause.label:
            # "Mom tearful - '...'; practiced script in sess": still the mother's act
            clause = replace(clause, actor=Actor.OTHER, subject=before.subject)
        out.append(clause)
    return out


def _starts_a_line(text: str, parts: list[str]) -> list[bool]:
    """For each fact, whether a line break comes before it (or it cannot be found)."""
    flags: list[bool] = []
    cursor = 0
    for part in parts:
        at = text.find(part.strip()[:12], cursor) if part.strip() else -1
        if at < 0:
            flags.append(True)
            continue
        flags.append(cursor == 0 or "\n" in text[cursor:at])
        cursor = at + len(part.strip()[:12])
    return flags


def _and_for_comma(clause: Clause) -> Clause:
    """A verb phrase, a comma, another verb phrase ("broke the report into steps, finished
    step 1"): the comma is an "and" in a note."""
    if clause.shape is not Shape.VERB:
        return clause
    head, comma, tail = clause.body.rpartition(", ")
    if not comma or "," in head or " and " in tail or not verb_first(tail) or \
            lx.words(tail)[:1] == lx.words(head)[:1]:
        return clause
    return replace(clause, body=f"{head} and {tail}")


def short_noun_phrase(text: str) -> bool:
    """"thought record", "validation": one item of a comma list, not a clause or a number."""
    words = lx.words(text)
    return (0 < len(words) <= 4 and not any(ch.isdigit() for ch in text)
            and words[0] not in lx.STOPWORDS and not verb_first(text)
            and not any(w in lx.PAST_VERBS or w in lx.PRESENT_VERBS for w in words[1:]))
