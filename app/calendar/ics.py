"""The calendar as an RFC 5545 .ics file, private by default.

Calendars sync to clouds, so an event says only "Session – <initials or code>", when and how
long. Client names appear only when the therapist asks for them (``include_names``); diagnoses,
notes and free-text locations never do.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from icalendar import Calendar

from app.calendar.ics_timezone import vtimezone_lines
from models.appointment import Appointment, AppointmentStatus, Modality
from models.client import Client
from models.common import day_bounds
from models.errors import InvalidInput
from models.practice import PracticeProfile
from storage.files import write_bytes_atomic

if TYPE_CHECKING:
    from storage.vault import Vault

PRODID = "-//Stillnote//Stillnote calendar export//EN"
UID_DOMAIN = "stillnote.local"
INCLUDE_NAMES_WARNING = (
    "warning: the .ics file includes client names; calendars sync to cloud services, "
    "so keep this file off shared or synced folders.")


def event_summary(client: Client | None, include_names: bool) -> str:
    """The neutral title of an event: a code the therapist chose, else initials."""
    if client is None:
        return "Session"
    if include_names:
        return f"Session – {client.display_name}"
    label = client.calendar_code.strip() or client.initials
    return f"Session – {label}" if label else "Session"


def event_uid(appt: Appointment) -> str:
    """The appointment's stable UID (kept for its whole life so calendar apps update in place)."""
    if appt.uid:
        return appt.uid if "@" in appt.uid else f"{appt.uid}@{UID_DOMAIN}"
    if appt.id is None:
        raise ValueError("an appointment needs an id or uid to be exported")
    return f"appointment-{appt.id}@{UID_DOMAIN}"


# The zone is described from 2000 on (and earlier if an event is), not only around the exported
# events: the same VTIMEZONE then comes out of every export, and a reader that keeps the first
# definition of a TZID it saw (vobject does) stays right for older and later files too.
ZONE_HISTORY_FROM = date(2000, 1, 1)


def _timezone_lines(tzid: str, appointments: list[Appointment]) -> list[str]:
    """The practice zone's VTIMEZONE: exact from 2000 (or the first event), open-ended after."""
    years = [a.start.year for a in appointments]
    first = ZONE_HISTORY_FROM
    if years and min(years) <= first.year:
        first = date(min(years) - 1, 1, 1)
    # Ten years past the last event: enough years of the current rule that its form is
    # unambiguous ("last Saturday" and "Saturday on or after the 24th" agree for a while).
    last = date(max([*years, date.today().year]) + 10, 1, 1)
    return list(vtimezone_lines(tzid, first, last))


# RFC 5545 allows no control characters in TEXT; C1 controls (U+0085 NEXT LINE among them) and
# the Unicode line and paragraph separators end a line in some readers, which would let a name
# start a property of its own. The separators become spaces, the rest go (tab is allowed).
_CONTROL: dict[int, str | None] = {
    code: None for code in (*range(0x00, 0x09), *range(0x0A, 0x20), *range(0x7F, 0xA0))}
_CONTROL.update({0x2028: " ", 0x2029: " "})


def _escape(text: str) -> str:
    """RFC 5545 TEXT escaping (3.3.11); other control characters are not allowed, so dropped."""
    text = (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))
    return text.translate(_CONTROL)


def _fold(line: str) -> str:
    """Fold a content line at 75 octets without splitting a UTF-8 character (3.1)."""
    if len(line) <= 75 and line.isascii():
        return line + "\r\n"
    parts: list[str] = []
    current, size, limit = "", 0, 75
    for ch in line:
        width = len(ch.encode("utf-8"))
        if size + width > limit:
            parts.append(current)
            current, size, limit = "", 0, 74  # continuation lines start with one space
        current += ch
        size += width
    parts.append(current)
    return "\r\n ".join(parts) + "\r\n"


def _times(start: datetime, minutes: int, tzid: str, tz: ZoneInfo) -> list[str]:
    """DTSTART and DTEND with TZID, or both in UTC when a wall-clock time would be ambiguous.

    The end is the start plus elapsed minutes (not wall-clock arithmetic), so a session across
    a DST change lasts as long as it was booked for. RFC 5545 reads a repeated local time (the
    hour the clocks go back) as its first occurrence, so an event touching the second one can
    only be written exactly in UTC; both ends then use UTC so no reader mixes the two forms.
    """
    begin = start.astimezone(UTC)
    finish = begin + timedelta(minutes=minutes)
    local_begin, local_finish = begin.astimezone(tz), finish.astimezone(tz)
    if not (local_begin.fold or local_finish.fold):  # fold=1: the second of a repeated hour
        return [f"DTSTART;TZID={tzid}:{local_begin:%Y%m%dT%H%M%S}",
                f"DTEND;TZID={tzid}:{local_finish:%Y%m%dT%H%M%S}"]
    return [f"DTSTART:{_utc(begin)}", f"DTEND:{_utc(finish)}"]


def _utc(dt: datetime) -> str:
    return f"{dt.astimezone(UTC):%Y%m%dT%H%M%SZ}"


def _event(appt: Appointment, summary: str, tzid: str, tz: ZoneInfo, stamp: str) -> str:
    cancelled = appt.status is AppointmentStatus.CANCELLED
    lines = [
        "BEGIN:VEVENT",
        f"UID:{_escape(event_uid(appt))}",
        f"DTSTAMP:{stamp}",
        *_times(appt.start, appt.minutes, tzid, tz),
        f"SEQUENCE:{max(0, appt.sequence)}",
        f"SUMMARY:{_escape(summary)}",
        "CLASS:PRIVATE",
        "TRANSP:" + ("TRANSPARENT" if cancelled else "OPAQUE"),  # a cancelled slot is free
        "LOCATION:" + ("Telehealth" if appt.modality is Modality.TELEHEALTH else "Office"),
        "STATUS:" + ("CANCELLED" if cancelled else "CONFIRMED"),
    ]
    if appt.updated_at is not None:
        lines.append(f"LAST-MODIFIED:{_utc(appt.updated_at)}")
    lines.append("END:VEVENT")
    return "".join(_fold(line) for line in lines)


def ics_bytes(appointments: Iterable[Appointment], clients: Mapping[int, Client],
              practice: PracticeProfile, *, include_names: bool = False,
              now: datetime | None = None, skipped: list[int] | None = None) -> bytes:
    """A VCALENDAR with one VEVENT per appointment, times in the practice's time zone.

    The calendar frame comes from the icalendar package; the VTIMEZONE (see ics_timezone) and
    the events are written directly (same escaping and folding rules) because building
    thousands of icalendar objects takes seconds, and a calendar app polling the auto-exported
    file needs it fast. An appointment whose times cannot be written (out of the calendar's
    range) is left out and its id added to ``skipped``; the others are still exported.
    """
    tzid = practice.timezone
    try:
        tz = ZoneInfo(tzid)
    except (ZoneInfoNotFoundError, ValueError):
        raise InvalidInput("The practice's time zone is not one this computer knows; choose it "
                           "again in the practice profile.") from None
    stamp = _utc(now or datetime.now(UTC))
    appts = sorted(appointments, key=lambda a: a.start)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", "Stillnote sessions")
    # No X-WR-TIMEZONE: every time carries a TZID already, and readers that honour it
    # (recurring-ical-events via x-wr-timezone) move the UTC times of the repeated DST hour.
    frame = bytes(cal.to_ical())
    closing = b"END:VCALENDAR\r\n"
    if not frame.endswith(closing):
        raise RuntimeError("unexpected calendar frame from icalendar")
    summaries: dict[int, str] = {}
    events: list[str] = []
    written: list[Appointment] = []
    for appt in appts:
        summary = summaries.get(appt.client_id)
        if summary is None:
            summary = event_summary(clients.get(appt.client_id), include_names)
            summaries[appt.client_id] = summary
        try:
            events.append(_event(appt, summary, tzid, tz, stamp))
        except (OverflowError, ValueError):  # e.g. a start in year 9999 and its end after it
            if skipped is not None:
                skipped.append(appt.id or 0)
            continue
        written.append(appt)
    zone = "".join(_fold(line) for line in _timezone_lines(tzid, written))
    return frame[: -len(closing)] + (zone + "".join(events)).encode("utf-8") + closing


def export_ics(vault: Vault, out: Path, *, start: datetime | None = None,
               end: datetime | None = None, include_names: bool = False,
               skipped: list[int] | None = None) -> int:
    """Write the vault's appointments (optionally only ``start``..``end``) to ``out``.

    Returns the number of events; the write is atomic and the export is recorded in the audit
    log (ids only, never names). Ids of appointments that could not be written go to
    ``skipped``.
    """
    left_out: list[int] = [] if skipped is None else skipped
    practice = vault.practice.get()
    if start is not None or end is not None:
        lo = start or datetime(1900, 1, 1, tzinfo=UTC)
        hi = end or datetime(9000, 1, 1, tzinfo=UTC)
        appts = list(vault.appointments.between(lo, hi))
    else:
        appts = list(vault.appointments.all())
    clients = {c.id: c for c in vault.clients.list() if c.id is not None}
    write_bytes_atomic(Path(out), ics_bytes(appts, clients, practice,
                                            include_names=include_names, skipped=left_out))
    count = len(appts) - len(left_out)
    vault.audit.record("export", "calendar", None,
                       f"events={count} names={'yes' if include_names else 'no'}")
    return count


def export_calendar(vault: Vault, out: Path, first_day: date | None = None,
                    last_day: date | None = None, *, include_names: bool = False,
                    skipped: list[int] | None = None) -> int:
    """Export the sessions dated ``first_day``..``last_day`` in the practice's zone (either end
    open when None) to ``out``: the window's "Export .ics" and ``stillnote export ics``."""
    zone = vault.practice.get().zone
    start = day_bounds(first_day, first_day, zone)[0] if first_day else None
    end = day_bounds(last_day, last_day, zone)[1] if last_day else None
    return export_ics(vault, out, start=start, end=end, include_names=include_names,
                      skipped=skipped)
