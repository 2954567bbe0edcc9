"""A discharge summary's facts from the record, and the lines that carry them into its prompt.

The dates and the number of sessions are counted from the appointments, never typed; each goal
of the last treatment plan gets the therapist's outcome ("met", "partially met", ...) and a
few words of detail. Both are plain lines in the note's prompts (``episode``,
``goal_progress``), so they are drafted from, signed and exported like any other answer:

    First session 01/06/2026; last session 10/20/2026; 38 sessions attended
    Goal 1 (manage panic symptoms and return to highway driving): met; no panic attacks since August
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from models.common import date_text
from models.treatment_plan import parse_day

OUTCOMES: tuple[str, ...] = ("met", "partially met", "not met", "discontinued")

_GOAL_RE = re.compile(r"^\s*goal\s*#?\s*(\d{1,2})\s*(?:\((.*)\))?\s*:\s*(.*)$", re.IGNORECASE)
EPISODE_RE = re.compile(
    r"first session (?P<first>[\d/-]+); last session (?P<last>[\d/-]+); "
    r"(?P<count>\d+) sessions? attended", re.IGNORECASE)


@dataclass(frozen=True)
class Episode:
    """The treatment as the record has it: first and last attended session, how many."""

    first: date | None
    last: date | None
    sessions: int

    def line(self) -> str:
        if self.first is None or self.last is None:
            return "No sessions attended" if not self.sessions else \
                f"{self.sessions} sessions attended"
        noun = "session" if self.sessions == 1 else "sessions"
        return (f"First session {date_text(self.first)}; last session {date_text(self.last)}; "
                f"{self.sessions} {noun} attended")


def parse_episode(text: str) -> Episode | None:
    match = EPISODE_RE.search(text)
    if match is None:
        return None
    return Episode(parse_day(match["first"]), parse_day(match["last"]), int(match["count"]))


@dataclass(frozen=True)
class GoalOutcome:
    number: int
    goal: str  # the plan's goal as written
    outcome: str = ""  # one of OUTCOMES, or the therapist's own word
    detail: str = ""

    def line(self) -> str:
        said = "; ".join(p for p in (self.outcome.strip(), " ".join(self.detail.split())) if p)
        goal = f" ({' '.join(self.goal.split())})" if self.goal.strip() else ""
        return f"Goal {self.number}{goal}: {said}".rstrip(": ").rstrip() if said else \
            f"Goal {self.number}{goal}:"


def goal_progress_text(outcomes: list[GoalOutcome]) -> str:
    return "\n".join(o.line() for o in outcomes if o.outcome.strip() or o.detail.strip())


def parse_goal_progress(text: str) -> list[GoalOutcome]:
    """The goals of a ``goal_progress`` prompt; a line that names no goal joins the previous
    goal's detail (or is a goal of its own, numbered next, if it comes first)."""
    found: list[GoalOutcome] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        match = _GOAL_RE.match(line)
        if match is None:
            if found:
                last = found[-1]
                found[-1] = GoalOutcome(last.number, last.goal, last.outcome,
                                        f"{last.detail}; {line}".strip("; "))
            else:
                found.append(GoalOutcome(1, "", "", line))
            continue
        rest = match[3].strip()
        outcome, _, detail = rest.partition(";")
        if outcome.strip().lower() not in OUTCOMES:
            outcome, detail = "", rest
        found.append(GoalOutcome(int(match[1]), (match[2] or "").strip(), outcome.strip(),
                                 detail.strip()))
    return found
