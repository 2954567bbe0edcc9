"""Times as the therapist reads them, in the zone the caller got from the practice.

Dates read in the app's one format everywhere (models.common.date_text, the one formatter, set
from Settings; by default the locale's order); the zone is the practice's
(app.practice.practice_zone), resolved in one place.
"""

from __future__ import annotations

from datetime import date, datetime, tzinfo

from models.appointment import Appointment, Service
from models.common import date_text

__all__ = ["date_text", "hm", "long_day", "service_label", "short_day", "time_range",
           "weekday_date_text"]


def weekday_date_text(day: date) -> str:
    """ "Mon 03/02/2026": a session's day in lists and questions."""
    return f"{day:%a} {date_text(day)}"


def hm(moment: datetime, tz: tzinfo) -> str:
    local = moment.astimezone(tz)  # not strftime: a month view asks a thousand times, and
    return f"{local.hour:02d}:{local.minute:02d}"  # strftime was a quarter of its time


def time_range(appt: Appointment, tz: tzinfo) -> str:
    return f"{hm(appt.start, tz)}–{hm(appt.end, tz)}"


def long_day(day: date) -> str:
    return f"{day:%A}, {day:%B} {day.day}, {day.year}"


def short_day(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b}"


def service_label(service: Service) -> str:
    return service.value.capitalize()
