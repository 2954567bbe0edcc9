"""A treatment plan's problems, goals and measurable objectives, and the text that carries them.

A plan is a note (models/note.py, format ``treatment_plan``); its problems live in the note's
``problems`` prompt as plain lines, so they are drafted from, signed and exported like every
other prompt:

    Problem 1: Panic attacks
    Evidenced by: 3-4 panic attacks per week since March; avoids highway driving
    Goal: manage panic symptoms and return to highway driving
    Objective 1a: reduce panic attacks; baseline 3-4 per week; target 1 or fewer; by 02/15/2027

``problems_text`` writes that form from the window's structured editor and ``parse_problems``
reads it back (leniently: a line typed by hand that names no part is kept as evidence). Each
problem has one long-term goal (which may name several aims) and its objectives, each with a
baseline, a target and a target date. Goal N is problem N's goal; objective "1a" is problem 1's
first objective, so progress notes and the discharge summary can name them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from models.common import date_text

REVIEW_DAYS = 90  # a plan is reviewed every 90 days unless the therapist sets another date
_LETTERS = "abcdefghijklmnopqrstuvwxyz"

_PROBLEM_RE = re.compile(r"^\s*problem\s*#?\s*(\d{1,2})?\s*[:.)-]\s*(.*)$", re.IGNORECASE)
_EVIDENCE_RE = re.compile(r"^\s*(?:as\s+)?evidenced\s+by\s*:?\s*(.*)$", re.IGNORECASE)
_GOAL_RE = re.compile(r"^\s*(?:long[- ]term\s+)?goal\s*#?\s*(?:\d{1,2})?\s*[:.)-]\s*(.*)$",
                      re.IGNORECASE)
_OBJECTIVE_RE = re.compile(r"^\s*(?:short[- ]term\s+)?objective\s*#?\s*([0-9]{0,2}[a-z]?)\s*"
                           r"[:.)-]\s*(.*)$", re.IGNORECASE)
_PART_RE = re.compile(r"^(baseline|target(?!\s+date)|by|target\s+date)\s*:?\s+(.+)$",
                      re.IGNORECASE)


def default_review_date(written_on: date) -> date:
    return written_on + timedelta(days=REVIEW_DAYS)


def parse_day(text: str) -> date | None:
    """A date written MM/DD/YYYY or YYYY-MM-DD; None for anything else."""
    text = text.strip().rstrip(".")
    found = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text)
    try:
        if found:
            return date(int(found[3]), int(found[1]), int(found[2]))
        return date.fromisoformat(text)
    except ValueError:
        return None


@dataclass(frozen=True)
class Objective:
    """A measurable short-term objective: "reduce panic attacks", from "3-4 per week" to "1 or
    fewer per week" by a date. ``key`` ("1a") is given by its place in the plan."""

    text: str
    baseline: str = ""
    target: str = ""
    target_date: date | None = None
    key: str = ""

    def line(self) -> str:
        parts = [self.text.strip()]
        if self.baseline.strip():
            parts.append(f"baseline {self.baseline.strip()}")
        if self.target.strip():
            parts.append(f"target {self.target.strip()}")
        if self.target_date is not None:
            parts.append(f"by {date_text(self.target_date)}")
        return "; ".join(p for p in parts if p)

    @property
    def measurable(self) -> bool:
        """It says where the client is going and by when (a baseline is welcome, not needed)."""
        return bool(self.text.strip()) and self.target_date is not None and (
            bool(self.target.strip()) or bool(re.search(r"\d", self.text)))


@dataclass(frozen=True)
class Problem:
    title: str
    evidence: str = ""
    goal: str = ""
    objectives: tuple[Objective, ...] = field(default=())
    number: int = 0

    def lines(self) -> list[str]:
        out = [f"Problem {self.number}: {self.title.strip()}"]
        if self.evidence.strip():
            out.append(f"Evidenced by: {' '.join(self.evidence.split())}")
        if self.goal.strip():
            out.append(f"Goal: {' '.join(self.goal.split())}")
        out += [f"Objective {o.key}: {o.line()}" for o in self.objectives if o.text.strip()]
        return out


def numbered(problems: list[Problem]) -> list[Problem]:
    """The problems numbered from 1 in order, their objectives lettered within each."""
    out = []
    for n, problem in enumerate(problems, start=1):
        objectives = tuple(replace(o, key=f"{n}{_LETTERS[i % 26]}")
                           for i, o in enumerate(o for o in problem.objectives if o.text.strip()))
        out.append(replace(problem, number=n, objectives=objectives))
    return out


def problems_text(problems: list[Problem]) -> str:
    """The plan's ``problems`` prompt: each problem's lines, problems without a title left out."""
    kept = numbered([p for p in problems if p.title.strip()])
    return "\n".join(line for p in kept for line in p.lines())


def _objective(text: str) -> Objective:
    parts = [p.strip() for p in text.split(";") if p.strip()]
    what: list[str] = []
    baseline = target = ""
    when: date | None = None
    for part in parts:
        match = _PART_RE.match(part)
        if match is None:
            what.append(part)
            continue
        name, value = match[1].lower(), match[2].strip()
        if name == "baseline":
            baseline = value
        elif name in ("by", "target date") and parse_day(value) is not None:
            when = parse_day(value)
        elif name.startswith("target"):
            target = value
        else:
            what.append(part)
    return Objective("; ".join(what), baseline, target, when)


def parse_problems(text: str) -> list[Problem]:
    """The problems of a plan's ``problems`` prompt, numbered; [] for an empty one."""
    problems: list[Problem] = []
    current: Problem | None = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        problem = _PROBLEM_RE.match(line)
        if problem is not None or current is None:
            current = Problem(title=problem[2].strip() if problem is not None else line)
            problems.append(current)
            continue
        evidence, goal, objective = (_EVIDENCE_RE.match(line), _GOAL_RE.match(line),
                                     _OBJECTIVE_RE.match(line))
        if objective is not None:
            updated = replace(current, objectives=(*current.objectives,
                                                   _objective(objective[2])))
        elif goal is not None:
            updated = replace(current, goal=_joined(current.goal, goal[1]))
        else:
            more = evidence[1] if evidence is not None else line
            updated = replace(current, evidence=_joined(current.evidence, more))
        problems[-1] = current = updated
    return numbered(problems)


def _joined(first: str, more: str) -> str:
    return f"{first}; {more.strip()}" if first.strip() else more.strip()


def goal_labels(problems: list[Problem]) -> list[str]:
    """"Goal 1: manage panic symptoms ..." for each problem with a goal: the progress note's
    goal picks and the discharge summary's goals."""
    return [f"Goal {p.number}: {p.goal}" for p in problems if p.goal.strip()]


def objectives_of(problems: list[Problem]) -> list[Objective]:
    return [o for p in problems for o in p.objectives]
