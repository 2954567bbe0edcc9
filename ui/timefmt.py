"""Times as the therapist reads them: in the practice's time zone, 12-hour clock free of PHI."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from models.appointment import Appointment, Service


def zone(name: str) -> tzinfo:
    """The practice's zone; an unknown name falls back to this computer's local zone."""
    try:
        return ZoneInfo(name) if name else _local()
    except (ZoneInfoNotFoundError, ValueError):
        return _local()


def _local() -> tzinfo:
    local = datetime.now().astimezone().tzinfo
    assert local is not None
    return local


def date_text(day: date | None) -> str:
    """A date as every page shows it (MM/DD/YYYY); an em dash for no date."""
    return f"{day:%m/%d/%Y}" if day else "—"


def today(tz: tzinfo) -> date:
    return datetime.now(tz).date()


def day_bounds(day: date, tz: tzinfo) -> tuple[datetime, datetime]:
    """[start, end) of a calendar day in ``tz`` as aware datetimes (DST days included)."""
    start = datetime.combine(day, time(0, 0), tzinfo=tz)
    end = datetime.combine(day + timedelta(days=1), time(0, 0), tzinfo=tz)
    return start, end


def week_start(day: date) -> date:
    """The Monday of ``day``'s week."""
    return day - timedelta(days=day.weekday())


def hm(moment: datetime, tz: tzinfo) -> str:
    return moment.astimezone(tz).strftime("%H:%M")


def time_range(appt: Appointment, tz: tzinfo) -> str:
    return f"{hm(appt.start, tz)}–{hm(appt.end, tz)}"


def long_day(day: date) -> str:
    return f"{day:%A}, {day:%B} {day.day}, {day.year}"


def short_day(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b}"


def service_label(service: Service) -> str:
    return service.value.capitalize()
