"""Small value types and time rules shared by practice, clients, appointments and billing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


@dataclass
class Address:
    street: str = ""
    city: str = ""
    state: str = ""
    postal_code: str = ""

    def one_line(self) -> str:
        city_line = " ".join(p for p in (self.state, self.postal_code) if p)
        parts = [self.street, ", ".join(p for p in (self.city, city_line) if p)]
        return ", ".join(p for p in parts if p)

    def is_empty(self) -> bool:
        return not any((self.street, self.city, self.state, self.postal_code))


def zone_named(name: str) -> tzinfo:
    """The IANA zone ``name``; an empty or unknown name falls back to this computer's zone.

    The one place a practice's zone is resolved (pages, PDFs, superbills), so every view of a
    session agrees on its date even when the profile holds a name this computer does not know.
    """
    try:
        return ZoneInfo(name) if name else _local_zone()
    except (ZoneInfoNotFoundError, ValueError):
        return _local_zone()


def _local_zone() -> tzinfo:
    local = datetime.now().astimezone().tzinfo
    assert local is not None  # astimezone() always attaches the local zone
    return local


def day_bounds(first: date, last: date, tz: tzinfo) -> tuple[datetime, datetime]:
    """[start, end) from the start of ``first`` to the end of ``last`` in ``tz`` (DST days too)."""
    return (datetime.combine(first, time.min, tzinfo=tz),
            datetime.combine(last + timedelta(days=1), time.min, tzinfo=tz))


def date_text(day: date | None) -> str:
    """A date as Stillnote shows it everywhere (MM/DD/YYYY); an em dash for no date."""
    return f"{day:%m/%d/%Y}" if day else "—"
