"""When measures are due: a client's schedules, what is due for a client on a day (the client
page header shows it), and what is due for today's clients (Today shows it)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from app.calendar.schedule import today_in_practice
from app.measures.catalog import instrument as instrument_named
from app.measures.catalog import known
from models.appointment import AppointmentStatus
from models.common import day_bounds
from models.errors import InvalidInput
from models.measures.records import Schedule, ScheduleRule
from models.measures.schedule import ClientDates, DueMeasure, due_reason

if TYPE_CHECKING:
    from storage.vault import Vault

MAX_INTERVAL = 365  # sessions or days; more is a typing slip


def schedules_of(vault: Vault, client_id: int) -> list[Schedule]:
    return vault.measures.schedules(client_id)


def set_schedule(vault: Vault, client_id: int, instrument: str, rule: ScheduleRule,
                 interval: int = 0) -> Schedule:
    """Give ``instrument`` to the client every ``interval`` sessions or days, or at intake or
    discharge; the same rule again changes its interval."""
    measure = instrument_named(instrument)
    vault.clients.get(client_id)  # VaultError if there is no such client
    if rule in (ScheduleRule.EVERY_SESSIONS, ScheduleRule.EVERY_DAYS):
        if not 1 <= interval <= MAX_INTERVAL:
            unit = "sessions" if rule is ScheduleRule.EVERY_SESSIONS else "days"
            raise InvalidInput(f"Give {measure.name} every 1 to {MAX_INTERVAL} {unit}.")
    else:
        interval = 0
    return vault.measures.set_schedule(Schedule(client_id, measure.key, rule, interval))


def remove_schedule(vault: Vault, schedule_id: int) -> None:
    vault.measures.remove_schedule(schedule_id)


def measures_due(vault: Vault, client_id: int, on: date | None = None) -> list[DueMeasure]:
    """The client's measures due on ``on`` (today where the practice is): at that day's
    session, or at the next one when there is none that day. For the client page header."""
    day = on or today_in_practice(vault)
    schedules = [s for s in vault.measures.schedules(client_id) if known(s.instrument)]
    if not schedules:
        return []
    client = vault.clients.get(client_id)
    zone = vault.practice.get().zone
    appointments = vault.appointments.for_client(client_id)
    attended = [a.start.astimezone(zone).date() for a in appointments
                if a.status is AppointmentStatus.ATTENDED]
    kept = [a.start.astimezone(zone).date() for a in appointments
            if a.status is not AppointmentStatus.CANCELLED]
    given: dict[str, list[date]] = {}
    for response in vault.measures.for_client(client_id):
        given.setdefault(response.instrument, []).append(response.taken_on)
    due: dict[str, DueMeasure] = {}
    for schedule in schedules:
        dates = ClientDates(given=given.get(schedule.instrument, []), sessions=attended,
                            first_session=min(kept) if kept else None,
                            discharged_on=client.discharged_on)
        reason = due_reason(schedule, day, dates)
        if reason is not None and schedule.instrument not in due:
            name = instrument_named(schedule.instrument).name
            due[schedule.instrument] = DueMeasure(client_id, schedule.instrument, name, reason)
    return list(due.values())


def due_today(vault: Vault, day: date | None = None) -> dict[int, list[DueMeasure]]:
    """Client id -> measures due, for every client with a session on ``day`` (not cancelled),
    in the order of their sessions."""
    day = day or today_in_practice(vault)
    start, end = day_bounds(day, day, vault.practice.get().zone)
    found: dict[int, list[DueMeasure]] = {}
    for appt in sorted(vault.appointments.between(start, end), key=lambda a: a.start):
        if appt.status is AppointmentStatus.CANCELLED or appt.client_id in found:
            continue
        due = measures_due(vault, appt.client_id, day)
        if due:
            found[appt.client_id] = due
    return found
