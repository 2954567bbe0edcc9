"""What the vault keeps of measures: one administration's answers, and a client's schedules."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum


class Source(StrEnum):
    THERAPIST = "therapist"  # typed in by the therapist
    CLIENT = "client"  # filled in by the client on the hand-over form


@dataclass
class MeasureResponse:
    client_id: int
    instrument: str  # the instrument's key, e.g. "phq9"
    taken_on: date
    answers: dict[str, int] = field(default_factory=dict)  # item key -> option value
    total: int | None = None  # as scored when recorded; None when too many items were blank
    appointment_id: int | None = None  # the session it belongs to, when there is one
    source: Source = Source.THERAPIST
    created_at: datetime | None = None
    id: int | None = None


class ScheduleRule(StrEnum):
    EVERY_SESSIONS = "every_sessions"
    EVERY_DAYS = "every_days"
    INTAKE = "intake"
    DISCHARGE = "discharge"


@dataclass(frozen=True)
class Schedule:
    client_id: int
    instrument: str
    rule: ScheduleRule
    interval: int = 0  # sessions or days for the EVERY_ rules
    id: int | None = None

    def describe(self) -> str:
        if self.rule is ScheduleRule.EVERY_SESSIONS:
            return "every session" if self.interval == 1 else f"every {self.interval} sessions"
        if self.rule is ScheduleRule.EVERY_DAYS:
            return "every day" if self.interval == 1 else f"every {self.interval} days"
        return "at intake" if self.rule is ScheduleRule.INTAKE else "at discharge"
