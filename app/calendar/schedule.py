"""A day or a week of appointments, in the practice's time zone, with the names to show."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo
from typing import TYPE_CHECKING

from models.appointment import Appointment
from models.common import day_bounds

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

    def on(self, day: date) -> list[Appointment]:
        """The appointments of one day (its local date in the practice's zone)."""
        return [a for a in self.appointments if a.start.astimezone(self.zone).date() == day]


def week_start(day: date) -> date:
    """The Monday of ``day``'s week."""
    return day - timedelta(days=day.weekday())


def today_in_practice(vault: Vault) -> date:
    """Today's date where the practice is (not where this computer's clock says)."""
    return datetime.now(vault.practice.get().zone).date()


def schedule_between(vault: Vault, first_day: date, last_day: date) -> Schedule:
    zone = vault.practice.get().zone
    start, end = day_bounds(first_day, last_day, zone)
    appointments = sorted(vault.appointments.between(start, end), key=lambda a: a.start)
    names = {c.id: c.display_name for c in vault.clients.list() if c.id is not None}
    return Schedule(first_day, last_day, zone, appointments, names)


def day_schedule(vault: Vault, day: date | None = None) -> Schedule:
    """One day (today in the practice's zone unless ``day`` is given)."""
    day = day if day is not None else today_in_practice(vault)
    return schedule_between(vault, day, day)


def week_schedule(vault: Vault, monday: date) -> Schedule:
    """Monday to Sunday of the week starting ``monday``."""
    return schedule_between(vault, monday, monday + timedelta(days=6))
