"""The VTIMEZONE of an .ics file, written from the IANA zone (RFC 5545 3.6.5).

icalendar's ``Timezone.from_tzid`` lists every transition as RDATE values on one component and
stops at a fixed end date. vobject (through dateutil) reads only the first few of those RDATE
values, so a summer session three years out came back an hour off; and a subscribed file would
drift once the range ran out. This writes the form calendar apps themselves publish: one
STANDARD and one DAYLIGHT component per yearly rule (RRULE with BYMONTH/BYDAY), an UNTIL where
the zone's rule changed, single-date components for irregular transitions, and the current rule
left open so it covers every later year.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

_DAY = timedelta(days=1)
_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@dataclass(frozen=True)
class Transition:
    at: datetime  # the UTC instant the offset changes
    offset_from: timedelta
    offset_to: timedelta
    name: str  # TZNAME after the change
    daylight: bool

    @property
    def local_start(self) -> datetime:
        """Wall-clock time of the change in the offset before it (the RFC's DTSTART form)."""
        return (self.at + self.offset_from).replace(tzinfo=None)

    def signature(self) -> tuple[object, ...]:
        local = self.local_start
        return (self.daylight, self.offset_from, self.offset_to, self.name, local.month,
                local.weekday(), local.time())

    def patterns(self) -> set[str]:
        """The yearly rules this date satisfies: its ordinal weekday ("2SU"), "-1SU" if it is
        the last, and "SU>=N" (the first Sunday on or after day N, tzdata's own form, e.g.
        Israel's "Fri>=23") for each N that fits."""
        local = self.local_start
        weekday = _WEEKDAYS[local.weekday()]
        found = {f"{(local.day - 1) // 7 + 1}{weekday}"}
        if local.day + 7 > calendar.monthrange(local.year, local.month)[1]:
            found.add(f"-1{weekday}")
        found.update(f"{weekday}>={n}" for n in range(max(1, local.day - 6), local.day + 1))
        return found


def transitions(tz: ZoneInfo, first: date, last: date) -> list[Transition]:
    """Every offset change between ``first`` and ``last``, found day by day then to the minute."""
    found: list[Transition] = []
    instant = datetime.combine(first, datetime.min.time(), UTC)
    end = datetime.combine(last, datetime.min.time(), UTC)
    offset = instant.astimezone(tz).utcoffset()
    while instant < end:
        following = instant + _DAY
        next_offset = following.astimezone(tz).utcoffset()
        if next_offset != offset:
            lo, hi = 0, 86400  # seconds after ``instant``: offset(lo) is the old one
            while hi - lo > 1:
                mid = (lo + hi) // 2
                if (instant + timedelta(seconds=mid)).astimezone(tz).utcoffset() == offset:
                    lo = mid
                else:
                    hi = mid
            at = instant + timedelta(seconds=hi)
            after = at.astimezone(tz)
            found.append(Transition(at=at, offset_from=offset or timedelta(0),
                                    offset_to=after.utcoffset() or timedelta(0),
                                    name=after.tzname() or "", daylight=bool(after.dst())))
            offset = next_offset
        instant = following
    return found


def _offset(value: timedelta) -> str:
    seconds = int(value.total_seconds())
    sign = "-" if seconds < 0 else "+"
    hours, rest = divmod(abs(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{sign}{hours:02d}{minutes:02d}" + (f"{secs:02d}" if secs else "")


def _component(first: Transition, rrule: str = "") -> list[str]:
    kind = "DAYLIGHT" if first.daylight else "STANDARD"
    lines = [f"BEGIN:{kind}", f"DTSTART:{first.local_start:%Y%m%dT%H%M%S}"]
    if rrule:
        lines.append(f"RRULE:{rrule}")
    if first.name:
        lines.append(f"TZNAME:{first.name}")
    lines += [f"TZOFFSETFROM:{_offset(first.offset_from)}",
              f"TZOFFSETTO:{_offset(first.offset_to)}", f"END:{kind}"]
    return lines


def _runs(changes: list[Transition]) -> list[tuple[list[Transition], str]]:
    """Group transitions that follow one yearly rule in consecutive years, with their BYDAY."""
    runs: list[tuple[list[Transition], str]] = []
    open_runs: dict[tuple[object, ...], tuple[list[Transition], set[str]]] = {}
    for change in changes:
        key = change.signature()
        current = open_runs.get(key)
        if current is not None:
            members, patterns = current
            common = patterns & change.patterns()
            if members[-1].local_start.year + 1 == change.local_start.year and common:
                members.append(change)
                open_runs[key] = (members, common)
                continue
        members = [change]
        runs.append((members, ""))
        open_runs[key] = (members, change.patterns())
    result: list[tuple[list[Transition], str]] = []
    for members, _ in runs:
        patterns = set.intersection(*(m.patterns() for m in members))
        result.append((members, min(patterns, key=_preference)))
    return result


def _preference(pattern: str) -> tuple[int, str]:
    # "Last" before an ordinal (tzdata's lastSun is the commoner rule, and a 4th Sunday that
    # is also the last differs in years with five), then ordinals 1-4, then "on or after".
    if pattern.startswith("-"):
        return (0, pattern)
    if ">=" in pattern:
        return (2, pattern)
    return (3 if pattern.startswith("5") else 1, pattern)


def _rrule(month: int, pattern: str) -> str:
    if ">=" in pattern:
        weekday, first_day = pattern.split(">=")
        days = ",".join(str(d) for d in range(int(first_day), min(int(first_day) + 7, 32)))
        return f"FREQ=YEARLY;BYMONTH={month};BYDAY={weekday};BYMONTHDAY={days}"
    return f"FREQ=YEARLY;BYMONTH={month};BYDAY={pattern}"


@lru_cache(maxsize=8)  # the auto-export rewrites the file after every change
def vtimezone_lines(tzid: str, first: date, last: date) -> tuple[str, ...]:
    """VTIMEZONE content lines for ``tzid``: exact from ``first`` to ``last`` and beyond.

    Transitions are looked up from ``first`` to ``last``; a yearly rule still in force in the
    last year looked at is written without an end, which is how zoneinfo itself extends a zone
    past its table, so later events stay right too.
    """
    tz = ZoneInfo(tzid)
    changes = transitions(tz, first, last)
    start = datetime.combine(first, datetime.min.time(), UTC).astimezone(tz)
    offset = changes[0].offset_from if changes else start.utcoffset() or timedelta(0)
    # The observance in force before the first change (the only one for a zone without DST).
    initial = Transition(at=datetime.combine(first, datetime.min.time(), UTC) - offset,
                         offset_from=offset, offset_to=offset, name=start.tzname() or "",
                         daylight=bool(start.dst()))
    lines = ["BEGIN:VTIMEZONE", f"TZID:{tzid}", *_component(initial)]
    final_year = (last - _DAY).year
    for members, byday in _runs(changes):
        ongoing = len(members) > 1 and members[-1].local_start.year == final_year
        if len(members) == 1 and not ongoing:
            lines += _component(members[0])
            continue
        rule = _rrule(members[0].local_start.month, byday)
        if not ongoing:
            # UTC as RFC 5545 asks; a day late so readers that compare it with local times
            # (dateutil) still include the last change, and still long before the next year's.
            rule += f";UNTIL={members[-1].at + _DAY:%Y%m%dT%H%M%SZ}"
        lines += _component(members[0], rule)
    lines.append("END:VTIMEZONE")
    return tuple(lines)
