"""A day, a week or a month of appointments, in the practice's time zone, with the names and
note states to show, and the practice's working day."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import TYPE_CHECKING

from models.appointment import Appointment
from models.common import day_bounds
from models.note_status import NoteState, note_state

if TYPE_CHECKING:
    from storage.vault import Vault


@dataclass(frozen=True)
class Schedule:
    """The appointments starting from ``first_day`` to ``last_day``, in time order."""

    first_day: date
    last_day: date
    zone: tzinfo
    appointments: list[Appointment] = field(default_factory=list)
    names: dict[int, str] = field(default_factory=dict)  # client id -> name as the pages show it
    note_states: dict[int, NoteState] = field(default_factory=dict)  # appointment id -> state
    with_notes: frozenset[int] = frozenset()  # appointments whose note was begun
    work_hours: tuple[time, time] = (time(8), time(18))
    working_days: str = "12345"  # ISO weekday digits

    def note_state_of(self, appointment: Appointment) -> NoteState:
        return self.note_states.get(appointment.id or 0, NoteState.NOT_NEEDED)

    def on(self, day: date) -> list[Appointment]:
        """The appointments of one day (its local date in the practice's zone)."""
        return [a for a in self.appointments if a.start.astimezone(self.zone).date() == day]


def week_start(day: date) -> date:
    """The Monday of ``day``'s week."""
    return day - timedelta(days=day.weekday())


def today_in_practice(vault: Vault) -> date:
    """Today's date where the practice is (not where this computer's clock says)."""
    return datetime.now(vault.practice.get().zone).date()


def schedule_between(vault: Vault, first_day: date, last_day: date,
                     now: datetime | None = None) -> Schedule:
    practice = vault.practice.get()
    zone = practice.zone
    start, end = day_bounds(first_day, last_day, zone)
    appointments = sorted(vault.appointments.between(start, end), key=lambda a: a.start)
    names = vault.clients.display_names()
    statuses = vault.notes.statuses([a.id for a in appointments if a.id is not None])
    moment = now or datetime.now(UTC)
    states = {a.id: note_state(a, statuses.get(a.id), moment)
              for a in appointments if a.id is not None}
    return Schedule(first_day, last_day, zone, appointments, names, states,
                    frozenset(statuses), practice.work_hours(), practice.working_days)


def day_schedule(vault: Vault, day: date | None = None) -> Schedule:
    """One day (today in the practice's zone unless ``day`` is given)."""
    day = day if day is not None else today_in_practice(vault)
    return schedule_between(vault, day, day)


def week_schedule(vault: Vault, monday: date) -> Schedule:
    """Monday to Sunday of the week starting ``monday``."""
    return schedule_between(vault, monday, monday + timedelta(days=6))


def month_grid_days(day: date) -> tuple[date, date]:
    """The first and last day a month view shows: whole weeks, Monday to Sunday, around
    ``day``'s month."""
    first = day.replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    return week_start(first), week_start(following - timedelta(days=1)) + timedelta(days=6)


def month_schedule(vault: Vault, day: date) -> Schedule:
    """The weeks that show ``day``'s month."""
    first, last = month_grid_days(day)
    return schedule_between(vault, first, last)
