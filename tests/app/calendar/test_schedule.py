"""A day and a week as the pages show them: in the practice's zone, in time order, named."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from app.calendar.schedule import day_schedule, today_in_practice, week_schedule, week_start
from models.appointment import Appointment
from tests.app.billing import sample
from tests.app.billing.conftest import fill


def test_a_week_runs_monday_to_sunday_in_the_practice_zone(vault: Any) -> None:
    ids = fill(vault)
    # 23:30 on Sunday 03/08 in New York is already Monday in UTC: it stays in the week before.
    late = vault.appointments.add(Appointment(client_id=ids["client"],
                                              start=datetime(2026, 3, 8, 23, 30, tzinfo=sample.TZ)))
    monday = week_start(date(2026, 3, 11))
    assert monday == date(2026, 3, 9)
    week = week_schedule(vault, monday)
    assert (week.first_day, week.last_day) == (date(2026, 3, 9), date(2026, 3, 15))
    assert [a.id for a in week.appointments] == [ids["appt2"]]
    assert week.names == {ids["client"]: "Mari Vega-Okafor"}
    assert [a.id for a in week_schedule(vault, date(2026, 3, 2)).on(date(2026, 3, 8))] == [
        late.id]


def test_a_day_is_today_where_the_practice_is_unless_asked(vault: Any) -> None:
    ids = fill(vault)
    assert day_schedule(vault).first_day == today_in_practice(vault)
    day = day_schedule(vault, date(2026, 3, 16))
    assert [a.id for a in day.appointments] == [ids["appt3"]]
    assert str(day.zone) == "America/New_York"
