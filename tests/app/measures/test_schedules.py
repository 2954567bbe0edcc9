"""Schedules against a real vault: what is due for a client, and for today's clients."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from app.measures.entry import record_measure
from app.measures.schedules import (
    due_today,
    measures_due,
    remove_schedule,
    schedules_of,
    set_schedule,
)
from models.appointment import AppointmentStatus
from models.errors import InvalidInput
from models.measures import ScheduleRule
from tests.app.measures.helpers import add_client, phq9, session_on

MONDAY = date(2026, 11, 2)


def weekly(vault: Any, client: Any, weeks: int, today_too: bool = True) -> None:
    for n in range(weeks):
        session_on(vault, client, MONDAY + timedelta(weeks=n))
    if today_too:
        session_on(vault, client, MONDAY + timedelta(weeks=weeks),
                   status=AppointmentStatus.SCHEDULED)


def test_every_four_sessions_for_a_client(vault: Any) -> None:
    client = add_client(vault)
    weekly(vault, client, 4)
    set_schedule(vault, client.id, "phq9", ScheduleRule.EVERY_SESSIONS, 4)
    today = MONDAY + timedelta(weeks=4)
    [due] = measures_due(vault, client.id, today)
    assert due.text == "PHQ-9 (every 4 sessions; not given yet)"
    record_measure(vault, client.id, "phq9", phq9(9), MONDAY)
    [due] = measures_due(vault, client.id, today)
    assert due.reason == "every 4 sessions; 3 sessions since 11/02/2026"
    record_measure(vault, client.id, "phq9", phq9(8), MONDAY + timedelta(weeks=2))
    assert measures_due(vault, client.id, today) == []


def test_today_lists_only_todays_clients_and_a_changed_rule_replaces_the_old(vault: Any) -> None:
    seen, away = add_client(vault), add_client(vault, "Bo Chen")
    weekly(vault, seen, 2)
    weekly(vault, away, 2, today_too=False)
    for client in (seen, away):
        set_schedule(vault, client.id, "gad7", ScheduleRule.EVERY_DAYS, 14)
        set_schedule(vault, client.id, "gad7", ScheduleRule.EVERY_DAYS, 7)
    assert [s.interval for s in schedules_of(vault, seen.id)] == [7]
    today = MONDAY + timedelta(weeks=2)
    found = due_today(vault, today)
    assert list(found) == [seen.id]
    assert found[seen.id][0].text == "GAD-7 (every 7 days; not given yet)"
    remove_schedule(vault, schedules_of(vault, seen.id)[0].id)
    assert due_today(vault, today) == {}


def test_intake_and_discharge_schedules(vault: Any) -> None:
    client = add_client(vault)
    weekly(vault, client, 1, today_too=False)
    set_schedule(vault, client.id, "pcl5", ScheduleRule.INTAKE)
    set_schedule(vault, client.id, "phq9", ScheduleRule.DISCHARGE)
    assert [d.text for d in measures_due(vault, client.id, MONDAY)] == ["PCL-5 (at intake)"]
    vault.clients.discharge(client.id, MONDAY + timedelta(days=30))
    later = MONDAY + timedelta(days=31)
    assert [d.text for d in measures_due(vault, client.id, later)] == [
        "PHQ-9 (at discharge, 12/02/2026)"]


@pytest.mark.parametrize(("rule", "interval"), [(ScheduleRule.EVERY_SESSIONS, 0),
                                                (ScheduleRule.EVERY_DAYS, 400)])
def test_a_schedule_needs_a_sensible_interval(vault: Any, rule: ScheduleRule,
                                             interval: int) -> None:
    client = add_client(vault)
    with pytest.raises(InvalidInput, match="every 1 to 365"):
        set_schedule(vault, client.id, "phq9", rule, interval)
    assert schedules_of(vault, client.id) == []
