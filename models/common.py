"""Small value types and time rules shared by practice, clients, appointments and billing."""

from __future__ import annotations

import os
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


# The one date format of the app (screens, PDFs, superbills), chosen in Settings; by default the
# order of the user's locale. File names use ISO dates whatever the choice: they sort.
DATE_STYLES: dict[str, tuple[str, str]] = {  # style -> (strftime format, how a field hints it)
    "mdy": ("%m/%d/%Y", "MM/DD/YYYY"),
    "dmy": ("%d/%m/%Y", "DD/MM/YYYY"),
    "ymd": ("%Y-%m-%d", "YYYY-MM-DD"),
}
_MONTH_FIRST = ("US", "PH", "FM", "MH", "PW")  # territories writing month/day/year
_YEAR_FIRST = ("zh", "ja", "ko", "hu", "lt", "mn", "sv", "fr_CA", "en_CA")
_style = {"current": "mdy"}


def style_for_locale(name: str) -> str:
    """The date order of a locale name such as "en_GB.UTF-8" ("C" and US English: month first)."""
    base = name.split(".")[0].split("@")[0]
    if not base or base in ("C", "POSIX"):
        return "mdy"
    language, _, territory = base.partition("_")
    if base in _YEAR_FIRST or language in _YEAR_FIRST:
        return "ymd"
    return "mdy" if territory in _MONTH_FIRST or (language == "en" and not territory) else "dmy"


def locale_name() -> str:
    """This user's locale for dates, from the environment (as the C library reads it)."""
    for variable in ("LC_ALL", "LC_TIME", "LANG"):
        value = os.environ.get(variable, "")
        if value:
            return value
    return "C"


def set_date_style(style: str) -> str:
    """Use ``style`` (a DATE_STYLES key; "" = the locale's) from now on; returns the one used."""
    chosen = style if style in DATE_STYLES else style_for_locale(locale_name())
    _style["current"] = chosen
    return chosen


def date_style() -> str:
    return _style["current"]


def date_hint() -> str:
    """How the current format reads in a field's placeholder, e.g. "MM/DD/YYYY"."""
    return DATE_STYLES[date_style()][1]


def date_text(day: date | None) -> str:
    """A date as Stillnote shows it everywhere (the app's format); an em dash for no date."""
    return day.strftime(DATE_STYLES[date_style()][0]) if day else "—"


def parse_date_text(text: str) -> date:
    """A date typed in the app's format (or as YYYY-MM-DD); ValueError if it is neither."""
    text = text.strip()
    own = DATE_STYLES[date_style()][0]
    for fmt in (own, "%Y-%m-%d", own.replace("/", "-"), own.replace("%Y", "%y")):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(text)
