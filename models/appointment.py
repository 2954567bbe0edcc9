"""Appointments and recurring series."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from decimal import Decimal
from enum import StrEnum


class Modality(StrEnum):
    OFFICE = "office"
    TELEHEALTH = "telehealth"


class Service(StrEnum):
    INTAKE = "intake"
    INDIVIDUAL = "individual"
    FAMILY = "family"
    COUPLE = "couple"
    GROUP = "group"


class AppointmentStatus(StrEnum):
    SCHEDULED = "scheduled"
    ATTENDED = "attended"
    NO_SHOW = "no_show"
    LATE_CANCEL = "late_cancel"
    CANCELLED = "cancelled"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize().replace("No show", "No-show")


class Recurrence(StrEnum):
    WEEKLY = "weekly"
    BIWEEKLY = "biweekly"

    @property
    def step(self) -> timedelta:
        return timedelta(weeks=1 if self is Recurrence.WEEKLY else 2)


@dataclass
class Appointment:
    client_id: int
    start: datetime  # timezone-aware
    minutes: int = 50
    modality: Modality = Modality.OFFICE
    service: Service = Service.INDIVIDUAL
    status: AppointmentStatus = AppointmentStatus.SCHEDULED
    fee: Decimal = Decimal("0")
    series_id: str | None = None
    # Billing (billing issue): the CPT code chosen for this session; "" means "use the suggestion".
    cpt_code: str = ""
    add_on_codes: list[str] = field(default_factory=list)  # e.g. ["90785"]
    location: str = ""  # free text, e.g. "Office 2" or "client's home"
    # Calendar export: UID stays the same for the life of the appointment; SEQUENCE grows on change.
    uid: str = ""
    sequence: int = 0
    updated_at: datetime | None = None
    booked_at: datetime | None = None  # when it was scheduled (Good Faith Estimate deadlines)
    id: int | None = None

    def __post_init__(self) -> None:
        if self.start.tzinfo is None:
            raise ValueError("appointment start must be timezone-aware")
        if self.minutes <= 0:
            raise ValueError("appointment minutes must be positive")

    @property
    def end(self) -> datetime:
        return self.start + timedelta(minutes=self.minutes)

    @property
    def date_of_service(self):  # type: ignore[no-untyped-def]
        return self.start.date()

    def overlaps(self, other: Appointment) -> bool:
        return self.start < other.end and other.start < self.end


def expand_series(first: Appointment, recurrence: Recurrence, count: int) -> list[Appointment]:
    """The ``count`` occurrences of a weekly or biweekly series starting with ``first``.

    Occurrences keep the wall-clock time across daylight-saving changes: the step is added to the
    naive local time and the zone re-applied, so a 10:00 session stays at 10:00 in November.
    """
    if count < 1:
        raise ValueError("a series has at least one occurrence")
    tz = first.start.tzinfo
    naive = first.start.replace(tzinfo=None)
    return [
        replace(first, start=(naive + recurrence.step * i).replace(tzinfo=tz), id=None, uid="",
                sequence=0, add_on_codes=list(first.add_on_codes))
        for i in range(count)
    ]
