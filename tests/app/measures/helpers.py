"""Answer sets with a known total, and a client with a session on a given day."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from models.appointment import Appointment, AppointmentStatus
from tests.app.notes.helpers import TZ, add_client, add_session


def phq9(total: int, item9: int = 0) -> dict[str, int]:
    """PHQ-9 answers summing to ``total`` (item 9 as given), the difficulty question answered."""
    values = {str(i): 0 for i in range(1, 10)}
    values["9"] = item9
    left = total - item9
    for key in map(str, range(1, 9)):
        values[key] = min(3, left)
        left -= values[key]
    assert left == 0
    if total:
        values["difficulty"] = 1
    return values


def gad7(total: int) -> dict[str, int]:
    values = {str(i): 0 for i in range(1, 8)}
    left = total
    for key in values:
        values[key] = min(3, left)
        left -= values[key]
    values["difficulty"] = 1 if total else 0
    if not total:
        values.pop("difficulty")
    return values


def session_on(vault: Any, client: Any, day: date, hour: int = 10,
               status: AppointmentStatus = AppointmentStatus.ATTENDED) -> Appointment:
    return add_session(vault, client, start=datetime.combine(day, time(hour), tzinfo=TZ),
                       status=status)


__all__ = ["add_client", "gad7", "phq9", "session_on"]
