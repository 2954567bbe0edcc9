"""The .ics export: RFC 5545 read back by two independent parsers, private by default."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import icalendar
import recurring_ical_events
import vobject

from app.calendar.ics import PRODID, event_summary, ics_bytes
from models.appointment import AppointmentStatus
from models.client import Client
from tests.app.billing import sample

NOW = datetime(2026, 3, 1, 12, tzinfo=UTC)


def _clients() -> dict[int, Client]:
    people = [sample.client(7, "Marisol Vega-Okafor"),
              replace(sample.client(8, "Jonah Abernathy"), calendar_code="Blue 3",
                      preferred_name="")]
    return {c.id: c for c in people if c.id is not None}


def _appointments() -> list:
    return sample.appointments(7) + [replace(a, client_id=8, id=(a.id or 0) + 100,
                                             uid=f"b{a.id}@stillnote")
                                     for a in sample.appointments(8)]


def _export(include_names: bool = False, appts: list | None = None) -> bytes:
    return ics_bytes(appts if appts is not None else _appointments(), _clients(),
                     sample.practice(), include_names=include_names, now=NOW)


def test_rfc5545_structure_read_by_icalendar() -> None:
    cal = icalendar.Calendar.from_ical(_export())
    assert str(cal["PRODID"]) == PRODID and str(cal["VERSION"]) == "2.0"
    zones = cal.walk("VTIMEZONE")
    assert [str(z["TZID"]) for z in zones] == ["America/New_York"]
    events = cal.walk("VEVENT")
    assert len(events) == 12
    for event in events:
        for key in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SEQUENCE", "SUMMARY", "CLASS",
                    "STATUS"):
            assert key in event, key
        assert event["DTSTART"].params["TZID"] == "America/New_York"
        assert event["DTEND"].params["TZID"] == "America/New_York"
        assert str(event["CLASS"]) == "PRIVATE"
        assert "DESCRIPTION" not in event
    first = next(e for e in events if str(e["UID"]) == "a1@stillnote")
    assert first["DTSTART"].dt == sample.at(2)
    assert (first["DTEND"].dt - first["DTSTART"].dt).total_seconds() == 60 * 60
    assert first["DTSTAMP"].dt == NOW
    cancelled = next(e for e in events if str(e["UID"]) == "a5@stillnote")
    assert str(cancelled["STATUS"]) == "CANCELLED"


def test_read_by_vobject_and_recurring_ical_events() -> None:
    data = _export()
    cal = vobject.readOne(data.decode("utf-8"))
    events = cal.vevent_list
    assert len(events) == 12
    by_uid = {e.uid.value: e for e in events}
    assert by_uid["a2@stillnote"].dtstart.value == sample.at(9)
    assert by_uid["a2@stillnote"].dtstart.value.utcoffset().total_seconds() == -4 * 3600  # EDT
    assert by_uid["a1@stillnote"].dtstart.value.utcoffset().total_seconds() == -5 * 3600  # EST
    assert by_uid["a5@stillnote"].status.value == "CANCELLED"
    assert by_uid["b1@stillnote"].summary.value == "Session – Blue 3"
    assert by_uid["a1@stillnote"].summary.value == "Session – MV"
    occurring = recurring_ical_events.of(icalendar.Calendar.from_ical(data)).between(
        sample.at(1), sample.at(31))
    assert len(occurring) == 10


def test_uids_are_stable_across_exports_and_sequence_grows() -> None:
    first = icalendar.Calendar.from_ical(_export())
    moved = [replace(a, start=a.start.replace(hour=14), sequence=a.sequence + 1)
             if a.id == 3 else a for a in _appointments()]
    second = icalendar.Calendar.from_ical(ics_bytes(moved, _clients(), sample.practice(),
                                                    now=datetime.now(UTC)))
    uids1 = sorted(str(e["UID"]) for e in first.walk("VEVENT"))
    uids2 = sorted(str(e["UID"]) for e in second.walk("VEVENT"))
    assert uids1 == uids2 and len(set(uids1)) == 12
    seq1 = {str(e["UID"]): int(e["SEQUENCE"]) for e in first.walk("VEVENT")}
    seq2 = {str(e["UID"]): int(e["SEQUENCE"]) for e in second.walk("VEVENT")}
    assert seq2["a3@stillnote"] > seq1["a3@stillnote"]
    assert {k: v for k, v in seq2.items() if k != "a3@stillnote"} == {
        k: v for k, v in seq1.items() if k != "a3@stillnote"}


def test_no_client_name_without_include_names() -> None:
    data = _export().decode("utf-8")
    unfolded = data.replace("\r\n ", "")
    for client in _clients().values():
        for word in (*client.legal_name.replace("-", " ").split(), client.legal_name,
                     client.display_name, client.preferred_name or "Marisol"):
            if word:
                assert word.lower() not in unfolded.lower(), word
        for dx in client.diagnoses:
            assert dx.code not in unfolded
        assert client.insurance.member_id not in unfolded
        assert client.address.street not in unfolded
    assert "Session – MV" in unfolded


def test_names_only_when_asked() -> None:
    data = _export(include_names=True).decode("utf-8").replace("\r\n ", "")
    assert "Session – Mari Vega-Okafor" in data
    assert "Session – Jonah Abernathy" in data
    assert "F41.1" not in data  # never a diagnosis, even with names


def test_summary_escaping_and_folding_survive_parsing() -> None:
    odd = replace(sample.client(7), legal_name="Zoë, de la Cruz; Ω 王小明 " + "x" * 80,
                  preferred_name="")
    appt = sample.appointments(7)[:1]
    data = ics_bytes(appt, {7: odd}, sample.practice(), include_names=True, now=NOW)
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))
    event = icalendar.Calendar.from_ical(data).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == f"Session – {odd.legal_name}"
    assert vobject.readOne(data.decode()).vevent.summary.value == f"Session – {odd.legal_name}"


def test_summary_fallbacks() -> None:
    assert event_summary(None, False) == "Session"
    assert event_summary(Client(legal_name="  "), False) == "Session"
    coded = Client(legal_name="ana b", calendar_code="C-12")
    assert event_summary(coded, False) == "Session – C-12"


def test_empty_calendar_is_valid() -> None:
    cal = icalendar.Calendar.from_ical(_export(appts=[]))
    assert cal.walk("VEVENT") == [] and cal.walk("VTIMEZONE")


def test_status_cancelled_only_for_cancelled() -> None:
    cal = icalendar.Calendar.from_ical(_export())
    for event in cal.walk("VEVENT"):
        uid = str(event["UID"])
        appt = next(a for a in _appointments() if a.uid == uid)
        expected = "CANCELLED" if appt.status is AppointmentStatus.CANCELLED else "CONFIRMED"
        assert str(event["STATUS"]) == expected
