"""The .ics export from a vault: stable UIDs, SEQUENCE after a change, demo data stays private,
and the auto-export setting."""

from __future__ import annotations

import os
import re
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

import icalendar
import vobject

from app.calendar.ics import export_calendar, export_ics
from app.calendar.subscription import auto_export, keep_calendar_file, refresh_after_change
from app.settings import DeviceSettings, load_settings
from models.appointment import Appointment, AppointmentStatus
from tests.app.billing import sample
from tests.app.billing.conftest import fill


def _events(path: Path) -> dict[str, Any]:
    cal = icalendar.Calendar.from_ical(path.read_bytes())
    return {str(e["UID"]): e for e in cal.walk("VEVENT")}


def test_stable_uids_and_growing_sequence(vault: Any, tmp_path: Path) -> None:
    ids = fill(vault)
    assert export_ics(vault, tmp_path / "a.ics") == 6
    first = _events(tmp_path / "a.ics")
    appt = vault.appointments.get(ids["appt6"])
    vault.appointments.update(replace(appt, start=appt.start.replace(hour=15)))
    vault.appointments.set_status(ids["appt3"], AppointmentStatus.CANCELLED)
    export_ics(vault, tmp_path / "b.ics")
    second = _events(tmp_path / "b.ics")
    assert set(first) == set(second) and len(first) == 6
    moved = vault.appointments.get(ids["appt6"]).uid
    cancelled = vault.appointments.get(ids["appt3"]).uid
    assert int(second[moved]["SEQUENCE"]) > int(first[moved]["SEQUENCE"])
    assert second[moved]["DTSTART"].dt.hour == 15
    assert str(second[cancelled]["STATUS"]) == "CANCELLED"
    assert int(second[cancelled]["SEQUENCE"]) > int(first[cancelled]["SEQUENCE"])
    assert (tmp_path / "b.ics").stat().st_mode & 0o777 == 0o600


def test_date_range_filter(vault: Any, tmp_path: Path) -> None:
    fill(vault)
    out = tmp_path / "march.ics"
    count = export_ics(vault, out, start=sample.at(1, 0), end=sample.at(17, 0))
    assert count == 3 and len(_events(out)) == 3


def test_demo_practice_ics_has_no_client_names(vault: Any, tmp_path: Path) -> None:
    from app.demo import build_demo_practice

    build_demo_practice(vault, today=date(2026, 3, 15))
    out = tmp_path / "demo.ics"
    assert export_ics(vault, out) > 10
    text = out.read_text(encoding="utf-8")
    unfolded = text.replace("\r\n ", "")
    clients = vault.clients.list()
    assert clients
    for client in clients:
        for word in {client.legal_name, client.display_name, *client.legal_name.split(),
                     client.preferred_name, client.email, client.phone,
                     client.address.street, client.insurance.member_id}:
            if word and len(word) > 2:
                pattern = r"(?<!\w)" + re.escape(word.lower()) + r"(?!\w)"
                assert not re.search(pattern, unfolded.lower()), "a client detail leaked"
        for dx in client.diagnoses:
            assert dx.code not in unfolded and (not dx.description
                                                or dx.description not in unfolded)
    parsed = vobject.readOne(text)
    assert all(e.summary.value.startswith("Session") for e in parsed.vevent_list)
    with_names = tmp_path / "names.ics"
    export_ics(vault, with_names, include_names=True)
    assert clients[0].display_name in with_names.read_text(encoding="utf-8").replace("\r\n ", "")


def test_auto_export_rewrites_the_chosen_file(vault: Any, tmp_path: Path) -> None:
    fill(vault)
    assert auto_export(vault, DeviceSettings()) is None
    target = tmp_path / "sub" / "stillnote.ics"
    settings = DeviceSettings(ics_auto_export_path=str(target))
    assert auto_export(vault, settings) == target
    before = _events(target)
    vault.appointments.add(Appointment(client_id=vault.clients.list()[0].id,
                                       start=datetime(2026, 5, 1, 9, tzinfo=sample.TZ)))
    assert refresh_after_change(vault, settings) == ""
    assert len(_events(target)) == len(before) + 1
    assert not [p for p in target.parent.iterdir() if p.name.startswith(".")]  # no temp left


def test_auto_export_failure_is_one_sentence(vault: Any, tmp_path: Path) -> None:
    fill(vault)
    blocked = tmp_path / "blocked"
    blocked.mkdir()
    os.chmod(blocked, 0o500)
    try:
        if os.access(blocked, os.W_OK):  # running as root: permissions do not stop us
            blocked = tmp_path / "file-not-dir"
            blocked.write_text("x")
        message = refresh_after_change(
            vault, DeviceSettings(ics_auto_export_path=str(blocked / "cal.ics")))
    finally:
        os.chmod(tmp_path / "blocked", 0o700)
    assert message.startswith("The calendar file was not updated")


def test_export_by_days_uses_the_practice_zone(vault: Any, tmp_path: Path) -> None:
    fill(vault)
    out = tmp_path / "days.ics"
    # 03/09 and 03/16 only: a day ends at midnight in New York, not in UTC.
    assert export_calendar(vault, out, date(2026, 3, 9), date(2026, 3, 16)) == 2
    assert export_calendar(vault, out, date(2026, 4, 1)) == 1  # open end
    assert export_calendar(vault, out) == 6


def test_keeping_a_file_saves_the_device_setting_and_writes_it(vault: Any,
                                                              tmp_path: Path) -> None:
    fill(vault)
    settings = DeviceSettings()
    target = tmp_path / "kept.ics"
    assert keep_calendar_file(vault, settings, path=str(target)) == target
    assert load_settings().ics_auto_export_path == str(target) and target.exists()
    keep_calendar_file(vault, settings, include_names=True)
    assert all("Vega-Okafor" in str(e["SUMMARY"]) for e in _events(target).values())
    assert keep_calendar_file(vault, settings, path="") is None
    assert load_settings().ics_auto_export_path == ""
