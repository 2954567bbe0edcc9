"""When a measure is due for a client: every N sessions, every N days, at intake, at discharge.

Pure rules over dates the app gathers: when the measure was given, the client's attended
sessions, the first session and the discharge date. "Due" on a day means due at that day's
session, or at the next one when there is none that day.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from models.common import date_text
from models.measures.records import Schedule, ScheduleRule

# A discharge measure given in the last sessions before the discharge counts.
DISCHARGE_WINDOW = timedelta(days=14)


@dataclass(frozen=True)
class ClientDates:
    """The dates a schedule is judged by, for one client and one instrument."""

    given: Sequence[date]  # when the measure was given, any order
    sessions: Sequence[date]  # attended sessions, any order
    first_session: date | None = None
    discharged_on: date | None = None


@dataclass(frozen=True)
class DueMeasure:
    client_id: int
    instrument: str  # key
    name: str  # "PHQ-9"
    reason: str  # "every 4 sessions; 3 sessions since 11/04/2026"

    @property
    def text(self) -> str:
        return f"{self.name} ({self.reason})"


def due_reason(schedule: Schedule, on: date, dates: ClientDates) -> str | None:
    """Why the measure is due on ``on`` under ``schedule``, or None when it is not."""
    given = sorted(d for d in dates.given if d <= on)
    if given and given[-1] == on:
        return None  # already given today
    last = given[-1] if given else None
    discharged = dates.discharged_on is not None and dates.discharged_on <= on
    rule = schedule.rule
    if rule is ScheduleRule.DISCHARGE:
        if not discharged or dates.discharged_on is None:
            return None
        since = dates.discharged_on - DISCHARGE_WINDOW
        if last is not None and last >= since:
            return None
        return f"at discharge, {date_text(dates.discharged_on)}"
    if discharged:
        return None  # a discharged client is measured only at discharge
    if rule is ScheduleRule.INTAKE:
        start = dates.first_session
        if start is None or start > on or (last is not None and last >= start):
            return None
        return "at intake"
    if last is None:
        return f"{schedule.describe()}; not given yet"
    if rule is ScheduleRule.EVERY_DAYS:
        if (on - last).days < schedule.interval:
            return None
        return f"{schedule.describe()}; last given {date_text(last)}"
    since_last = sum(1 for d in dates.sessions if last < d < on)
    if since_last < schedule.interval - 1:
        return None
    sessions = "session" if since_last == 1 else "sessions"
    return f"{schedule.describe()}; {since_last} {sessions} since {date_text(last)}"
