"""The calendar as an RFC 5545 .ics file, private by default.

Calendars sync to clouds, so an event says only "Session – <initials or code>", when and how
long. Client names appear only when the therapist asks for them (``include_names``); diagnoses,
notes and free-text locations never do.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from icalendar import Calendar, Timezone

from models.appointment import Appointment, AppointmentStatus, Modality
from models.client import Client
from models.practice import PracticeProfile
from storage.atomic import write_bytes_atomic

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


def _timezone_component(tzid: str, appointments: list[Appointment]) -> Timezone:
    if appointments:
        first = date(min(a.start for a in appointments).year - 1, 1, 1)
        last = date(max(a.start for a in appointments).year + 2, 1, 1)
    else:
        today = date.today()
        first, last = date(today.year - 1, 1, 1), date(today.year + 2, 1, 1)
    try:
        return Timezone.from_tzid(tzid, first_date=first, last_date=last)
    except TypeError:  # icalendar 6.x without the date range arguments
        return Timezone.from_tzid(tzid)


def _escape(text: str) -> str:
    """RFC 5545 TEXT escaping (3.3.11)."""
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n"))


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


def _local(dt: datetime, tz: ZoneInfo) -> str:
    return f"{dt.astimezone(tz):%Y%m%dT%H%M%S}"


def _utc(dt: datetime) -> str:
    return f"{dt.astimezone(UTC):%Y%m%dT%H%M%SZ}"


def _event(appt: Appointment, summary: str, tzid: str, tz: ZoneInfo, stamp: str) -> str:
    cancelled = appt.status is AppointmentStatus.CANCELLED
    lines = [
        "BEGIN:VEVENT",
        f"UID:{_escape(event_uid(appt))}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;TZID={tzid}:{_local(appt.start, tz)}",
        f"DTEND;TZID={tzid}:{_local(appt.end, tz)}",
        f"SEQUENCE:{max(0, appt.sequence)}",
        f"SUMMARY:{_escape(summary)}",
        "CLASS:PRIVATE",
        "TRANSP:OPAQUE",
        "LOCATION:" + ("Telehealth" if appt.modality is Modality.TELEHEALTH else "Office"),
        "STATUS:" + ("CANCELLED" if cancelled else "CONFIRMED"),
    ]
    if appt.updated_at is not None:
        lines.append(f"LAST-MODIFIED:{_utc(appt.updated_at)}")
    lines.append("END:VEVENT")
    return "".join(_fold(line) for line in lines)


def ics_bytes(appointments: Iterable[Appointment], clients: Mapping[int, Client],
              practice: PracticeProfile, *, include_names: bool = False,
              now: datetime | None = None) -> bytes:
    """A VCALENDAR with one VEVENT per appointment, times in the practice's time zone.

    The calendar frame and its VTIMEZONE come from the icalendar package; the events are
    written directly (same escaping and folding rules) because building thousands of icalendar
    objects takes seconds, and a calendar app polling the auto-exported file needs it fast.
    """
    tzid = practice.timezone
    tz = ZoneInfo(tzid)
    stamp = _utc(now or datetime.now(UTC))
    appts = sorted(appointments, key=lambda a: a.start)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", "Stillnote sessions")
    cal.add("x-wr-timezone", tzid)
    cal.add_component(_timezone_component(tzid, appts))
    frame = bytes(cal.to_ical())
    closing = b"END:VCALENDAR\r\n"
    if not frame.endswith(closing):
        raise RuntimeError("unexpected calendar frame from icalendar")
    summaries: dict[int, str] = {}
    events: list[str] = []
    for appt in appts:
        summary = summaries.get(appt.client_id)
        if summary is None:
            summary = event_summary(clients.get(appt.client_id), include_names)
            summaries[appt.client_id] = summary
        events.append(_event(appt, summary, tzid, tz, stamp))
    return frame[: -len(closing)] + "".join(events).encode("utf-8") + closing


def export_ics(vault: Any, out: Path, *, start: datetime | None = None,
               end: datetime | None = None, include_names: bool = False) -> int:
    """Write the vault's appointments (optionally only ``start``..``end``) to ``out``.

    Returns the number of events; the write is atomic and the export is recorded in the audit
    log (ids only, never names).
    """
    practice = vault.practice.get()
    if start is not None or end is not None:
        lo = start or datetime(1900, 1, 1, tzinfo=UTC)
        hi = end or datetime(9000, 1, 1, tzinfo=UTC)
        appts = list(vault.appointments.between(lo, hi))
    else:
        appts = list(vault.appointments.all())
    clients = {c.id: c for c in vault.clients.list() if c.id is not None}
    write_bytes_atomic(Path(out), ics_bytes(appts, clients, practice,
                                            include_names=include_names))
    vault.audit.record("export", "calendar", None,
                       f"events={len(appts)} names={'yes' if include_names else 'no'}")
    return len(appts)
