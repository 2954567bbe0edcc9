"""The guard: a session whose note is not signed is not billed unless the therapist says so.

Every billing document (superbill, statement, claim form, the month's batch) passes its
sessions through ``guard_unsigned``. By default (``ASK``) it refuses with ``UnsignedSessions``
naming the dates, so the window can ask and the command line can say which flag to add; the
therapist then chooses to leave those sessions out or to bill them anyway. A missed session
(no-show, late cancellation) has no note and is not guarded. Receipts are not guarded: they
record money already received.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import tzinfo
from enum import StrEnum
from typing import TYPE_CHECKING

from models.appointment import Appointment, AppointmentStatus
from models.common import date_text
from models.errors import UnsignedSessions

if TYPE_CHECKING:
    from storage.vault import Vault


class UnsignedChoice(StrEnum):
    ASK = "ask"  # refuse, naming the sessions (the default everywhere)
    LEAVE_OUT = "leave_out"  # bill the rest; the document says nothing of those sessions
    INCLUDE = "include"  # bill them too: the therapist chose to


@dataclass(frozen=True)
class Guarded:
    appointments: list[Appointment]  # what may be billed
    left_out: list[Appointment] = field(default_factory=list)  # unsigned, left out by choice


def unsigned_sessions(vault: Vault, client_id: int,
                      appointments: Sequence[Appointment]) -> list[Appointment]:
    """The attended sessions among ``appointments`` without a signed note."""
    attended = [a for a in appointments if a.status is AppointmentStatus.ATTENDED]
    if not attended:
        return []
    signed = {n.appointment_id for n in vault.notes.for_client(client_id) if n.is_signed}
    return [a for a in attended if a.id not in signed]


def guard_unsigned(vault: Vault, client_id: int, appointments: Sequence[Appointment],
                   choice: UnsignedChoice, zone: tzinfo) -> Guarded:
    """The sessions that may be billed, after the therapist's choice about unsigned notes."""
    unsigned = unsigned_sessions(vault, client_id, appointments)
    if not unsigned or choice is UnsignedChoice.INCLUDE:
        return Guarded(list(appointments))
    if choice is UnsignedChoice.ASK:
        raise UnsignedSessions([date_text(a.start.astimezone(zone).date()) for a in unsigned])
    left_out = {a.id for a in unsigned}
    return Guarded([a for a in appointments if a.id not in left_out], unsigned)
