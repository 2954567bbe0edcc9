"""The hand-written parts of the .ics against RFC 5545 at their edges: the VTIMEZONE over years
past and future, DST changes, a session past midnight, folding of multi-byte text, escaping."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
import recurring_ical_events
import vobject
from dateutil import tz as dateutil_tz

from app.calendar.ics import ics_bytes
from app.calendar.ics_timezone import vtimezone_lines
from models.appointment import Appointment, AppointmentStatus
from tests.app.billing import sample

NY = ZoneInfo("America/New_York")


def _export(appts: list[Appointment], code: str = "", timezone: str = "America/New_York",
            include_names: bool = False) -> bytes:
    client = replace(sample.client(7), calendar_code=code)
    practice = replace(sample.practice(), timezone=timezone)
    return ics_bytes(appts, {7: client}, practice, include_names=include_names,
                     now=datetime(2026, 3, 1, 12, tzinfo=UTC))


def _instants(data: bytes) -> dict[str, list[tuple[datetime, datetime]]]:
    """UID -> (start, end) in UTC as each of the three parsers reads the file."""
    found: dict[str, list[tuple[datetime, datetime]]] = {}
    cal = icalendar.Calendar.from_ical(data)
    for e in cal.walk("VEVENT"):
        found.setdefault(str(e["UID"]), []).append(
            (e["DTSTART"].dt.astimezone(UTC), e["DTEND"].dt.astimezone(UTC)))
    for e in vobject.readOne(data.decode("utf-8")).vevent_list:
        found[e.uid.value].append((e.dtstart.value.astimezone(UTC),
                                   e.dtend.value.astimezone(UTC)))
    for e in recurring_ical_events.of(cal).between(datetime(1990, 1, 1, tzinfo=UTC),
                                                   datetime(2100, 1, 1, tzinfo=UTC)):
        found[str(e["UID"])].append((e["DTSTART"].dt.astimezone(UTC),
                                     e["DTEND"].dt.astimezone(UTC)))
    return found


def _assert_times(data: bytes, appts: list[Appointment]) -> None:
    readings = _instants(data)
    for appt in appts:
        start = appt.start.astimezone(UTC)
        expected = (start, start + timedelta(minutes=appt.minutes))
        assert readings[appt.uid] == [expected] * 3, appt.uid


def _weekly(first: datetime, weeks: int, minutes: int = 50) -> list[Appointment]:
    naive = first.replace(tzinfo=None)
    return [Appointment(client_id=7, start=(naive + timedelta(weeks=i)).replace(
        tzinfo=first.tzinfo), minutes=minutes, id=i + 1, uid=f"w{i}@stillnote")
        for i in range(weeks)]


def test_five_years_past_and_future_read_the_same_by_three_parsers() -> None:
    # Tuesdays 18:30 from five years ago to five years ahead: every summer and winter.
    appts = _weekly(datetime(2021, 11, 23, 18, 30, tzinfo=NY), 52 * 10)
    data = _export(appts)
    _assert_times(data, appts)
    assert b"only works from" not in data


@pytest.mark.parametrize("zone", ["Europe/Berlin", "Australia/Sydney", "Asia/Tokyo",
                                  "America/Phoenix", "America/Mexico_City"])
def test_other_practice_zones(zone: str) -> None:
    appts = _weekly(datetime(2020, 1, 6, 9, tzinfo=ZoneInfo(zone)), 52 * 8, minutes=45)
    _assert_times(_export(appts, timezone=zone), appts)


@pytest.mark.parametrize("zone", ["America/New_York", "Europe/London", "America/Mexico_City",
                                  "Australia/Sydney"])
def test_vtimezone_matches_zoneinfo_inside_and_after_its_range(zone: str) -> None:
    lines = list(vtimezone_lines(zone, date(2020, 1, 1), date(2027, 1, 1)))
    text = "\r\n".join(["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:t", *lines,
                        "END:VCALENDAR", ""])
    readers = [vobject.readOne(text).vtimezone.gettzinfo(),
               dateutil_tz.tzical(io.StringIO("\n".join(lines))).get()]
    tz = ZoneInfo(zone)
    instant = datetime(2020, 1, 1, tzinfo=UTC)
    while instant < datetime(2034, 1, 1, tzinfo=UTC):  # seven years past the range looked at
        local = instant.astimezone(tz)
        naive = local.replace(tzinfo=None, fold=0)
        if naive.replace(tzinfo=tz).astimezone(UTC) == instant:  # not a repeated hour
            for reader in readers:
                assert naive.replace(tzinfo=reader).utcoffset() == local.utcoffset(), instant
        instant += timedelta(hours=5, minutes=17)


def test_daylight_saving_changes_and_midnight() -> None:
    appts = [
        # Clocks go back at 02:00 on 2026-11-01: 01:30 EDT for 60 minutes ends 01:30 EST.
        Appointment(client_id=7, start=datetime(2026, 11, 1, 1, 30, tzinfo=NY), minutes=60,
                    uid="back@stillnote"),
        # RFC 5545 reads a repeated local time as the first one: both of these events touch
        # the second 01:30 (EST), so they are written in UTC.
        Appointment(client_id=7, start=datetime(2026, 11, 1, 1, 30, fold=1, tzinfo=NY),
                    minutes=30, uid="repeated@stillnote"),
        # Clocks go forward at 02:00 on 2026-03-08: 01:30 EST for 60 minutes ends 03:30 EDT.
        Appointment(client_id=7, start=datetime(2026, 3, 8, 1, 30, tzinfo=NY), minutes=60,
                    uid="forward@stillnote"),
        Appointment(client_id=7, start=datetime(2026, 5, 5, 23, 30, tzinfo=NY), minutes=60,
                    uid="late@stillnote"),
    ]
    data = _export(appts)
    _assert_times(data, appts)
    text = data.decode("utf-8")
    assert "DTSTART;TZID=America/New_York:20260505T233000\r\n" in text
    assert "DTEND;TZID=America/New_York:20260506T003000\r\n" in text
    assert "DTEND;TZID=America/New_York:20260308T033000\r\n" in text
    assert "DTSTART:20261101T053000Z\r\nDTEND:20261101T063000Z\r\n" in text
    assert "DTSTART:20261101T063000Z\r\nDTEND:20261101T070000Z\r\n" in text


@pytest.mark.parametrize("code", [
    "A,b;c\\d", "Zoë; Ω 王小明, ok", "line\nbreak\r\nand\rcr", "tab\there\x07bell",
    "王" * 40, "é" * 80, "x" * 70 + "王" * 3,
])
def test_summary_escaping_and_folding(code: str) -> None:
    appt = [Appointment(client_id=7, start=datetime(2026, 3, 2, 10, tzinfo=NY), uid="e@x")]
    data = _export(appt, code=code)
    assert data.endswith(b"END:VCALENDAR\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"") and b"\r" not in data.replace(b"\r\n", b"")
    for line in data.split(b"\r\n"):
        assert len(line) <= 75  # octets
        line.decode("utf-8")  # a fold never splits a multi-byte character
    expected = "Session – " + code.replace("\r\n", "\n").replace("\r", "\n").replace("\x07", "")
    assert str(icalendar.Calendar.from_ical(data).walk("VEVENT")[0]["SUMMARY"]) == expected
    assert vobject.readOne(data.decode("utf-8")).vevent.summary.value == expected


def test_dtstamp_is_utc_and_cancelled_is_free_time() -> None:
    appts = [Appointment(client_id=7, start=datetime(2026, 3, 2, 10, tzinfo=NY), uid="a@x",
                         status=AppointmentStatus.CANCELLED),
             Appointment(client_id=7, start=datetime(2026, 3, 3, 10, tzinfo=NY), uid="b@x")]
    events = {str(e["UID"]): e for e in icalendar.Calendar.from_ical(_export(appts))
              .walk("VEVENT")}
    assert events["a@x"]["DTSTAMP"].dt == datetime(2026, 3, 1, 12, tzinfo=UTC)
    assert events["a@x"]["DTSTAMP"].to_ical() == b"20260301T120000Z"
    assert (str(events["a@x"]["STATUS"]), str(events["a@x"]["TRANSP"])) == ("CANCELLED",
                                                                            "TRANSPARENT")
    assert (str(events["b@x"]["STATUS"]), str(events["b@x"]["TRANSP"])) == ("CONFIRMED",
                                                                            "OPAQUE")


def test_the_same_vtimezone_in_every_export() -> None:
    def zone(data: bytes) -> bytes:
        return data[data.index(b"BEGIN:VTIMEZONE"):data.index(b"END:VTIMEZONE")]

    early = _export(_weekly(datetime(2022, 1, 4, 9, tzinfo=NY), 3))
    late = _export(_weekly(datetime(2026, 6, 2, 9, tzinfo=NY), 3))
    assert zone(early) == zone(late)
    assert zone(_export([])) == zone(late)
    assert b"RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU\r\n" in zone(late)
