"""Scheduling use cases against a real vault: plans, the authorization question, one status
path, and the subscribed calendar file rewritten after every change."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import icalendar

from app.appointments import (
    AppointmentPlan,
    appointments_for_client,
    authorization_concern,
    cancel_appointment,
    new_appointment_defaults,
    save_plan,
    schedulable_clients,
    set_status,
)
from app.billing.authorizations import add_authorization
from app.settings import DeviceSettings
from models.appointment import Appointment, AppointmentStatus, Modality, Recurrence, Service
from models.client import Client
from tests.app.billing import sample
from tests.app.billing.conftest import fill


def _events(path: Path) -> list[Any]:
    return list(icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT"))


def test_a_series_counts_its_own_sessions_against_the_authorization(vault: Any) -> None:
    client = vault.clients.add(Client(legal_name="Noor Haddad"))
    add_authorization(vault, client.id, "PA-7", 3, date(2026, 6, 1), date(2026, 9, 30))
    first = Appointment(client_id=client.id, start=sample.at(2, month=6))
    plan = AppointmentPlan(first, Recurrence.WEEKLY, 5)
    assert [a.start.day for a in plan.occurrences()] == [2, 9, 16, 23, 30]
    concern = authorization_concern(vault, plan)
    assert concern is not None and concern.in_series and concern.number == 4
    assert concern.occurrence.start == sample.at(23, month=6)
    assert "All 3 sessions of authorization PA-7" in concern.reason
    assert vault.appointments.for_client(client.id) == []  # asking writes nothing


def test_moving_within_the_same_slot_or_cancelling_asks_nothing(vault: Any) -> None:
    client = vault.clients.add(Client(legal_name="Noor Haddad"))
    add_authorization(vault, client.id, "PA-7", 1, date(2026, 6, 1), date(2026, 6, 30))
    booked = vault.appointments.add(Appointment(client_id=client.id, start=sample.at(2, month=6)))
    same_slot = AppointmentPlan(replace(booked, minutes=45))
    assert authorization_concern(vault, same_slot, before=booked) is None
    cancelled = AppointmentPlan(replace(booked, status=AppointmentStatus.CANCELLED,
                                        start=sample.at(9, month=7)))
    assert authorization_concern(vault, cancelled, before=booked) is None
    moved_out = AppointmentPlan(replace(booked, start=sample.at(9, month=7)))
    concern = authorization_concern(vault, moved_out, before=booked)
    assert concern is not None and "outside the authorization dates" in concern.reason


def test_save_plan_writes_the_series_and_the_subscribed_calendar(vault: Any,
                                                                 tmp_path: Path) -> None:
    ids = fill(vault)
    subscribed = tmp_path / "sub.ics"
    settings = DeviceSettings(ics_auto_export_path=str(subscribed))
    first = Appointment(client_id=ids["client"], start=sample.at(4, month=5), fee=Decimal("150"))
    saved = save_plan(vault, AppointmentPlan(first, Recurrence.BIWEEKLY, 3), settings)
    assert saved.calendar_problem == ""
    assert len(saved.appointments) == 3
    assert len({a.series_id for a in saved.appointments}) == 1
    assert len(_events(subscribed)) == 6 + 3
    moved = replace(saved.appointments[0], start=sample.at(5, month=5))
    assert save_plan(vault, AppointmentPlan(moved), settings).appointments[0].sequence == 1


def test_status_changes_take_one_path_and_refresh_the_calendar(vault: Any,
                                                               tmp_path: Path) -> None:
    ids = fill(vault)
    subscribed = tmp_path / "sub.ics"
    settings = DeviceSettings(ics_auto_export_path=str(subscribed))
    saved = set_status(vault, ids["appt6"], AppointmentStatus.ATTENDED, settings)
    assert saved.appointments[0].status is AppointmentStatus.ATTENDED
    assert vault.appointments.get(ids["appt6"]).status is AppointmentStatus.ATTENDED
    cancel_appointment(vault, ids["appt6"], settings)
    statuses = {str(e["UID"]).split("@")[0]: str(e["STATUS"]) for e in _events(subscribed)}
    assert list(statuses.values()).count("CANCELLED") == 2  # the sample's and this one


def test_an_unwritable_calendar_file_is_one_sentence_and_the_change_is_kept(
        vault: Any, tmp_path: Path) -> None:
    ids = fill(vault)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be")
    settings = DeviceSettings(ics_auto_export_path=str(blocker / "sub.ics"))
    saved = set_status(vault, ids["appt6"], AppointmentStatus.NO_SHOW, settings)
    assert saved.calendar_problem.startswith("The calendar file was not updated:")
    assert vault.appointments.get(ids["appt6"]).status is AppointmentStatus.NO_SHOW


def test_a_new_appointment_starts_like_the_clients_latest(vault: Any) -> None:
    newcomer = vault.clients.add(Client(legal_name="Ivo Petrov"))
    first = new_appointment_defaults(vault, newcomer.id)
    assert (first.fee, first.service, first.modality) == (None, Service.INTAKE, None)
    vault.billing.fees.set("90791", Decimal("200.00"))
    vault.billing.fees.set("90834", Decimal("150.00"))
    assert new_appointment_defaults(vault, newcomer.id).fee == Decimal("200.00")  # 90791
    vault.appointments.add(Appointment(client_id=newcomer.id, start=sample.at(2),
                                       service=Service.INTAKE, modality=Modality.TELEHEALTH,
                                       fee=Decimal("180.00")))
    later = new_appointment_defaults(vault, newcomer.id)
    # The next is an individual session: its fee is 90834's, not the intake's $180.
    assert (later.fee, later.service, later.modality, later.minutes) == (
        Decimal("150.00"), Service.INDIVIDUAL, Modality.TELEHEALTH, 50)


def test_schedulable_clients_keep_a_discharged_clients_own_appointment(vault: Any) -> None:
    ids = fill(vault)
    vault.clients.discharge(ids["client"], date(2026, 4, 1))
    assert schedulable_clients(vault) == []
    assert [c.id for c in schedulable_clients(vault, ids["client"])] == [ids["client"]]
    starts = [a.start for a in appointments_for_client(vault, ids["client"])]
    assert starts == sorted(starts, reverse=True) and len(starts) == 6
