"""The essentials of one client at a glance, for the top of their page: age, diagnosis, next
appointment, balance, last note, measures due.

Balance and measures due belong to billing and measures; each plugs in as a source, a function
of the vault and the client (one line each at the end of this module):

    HEADER_SOURCES.balance = client_balance        # (vault, client_id) -> Decimal owed
    HEADER_SOURCES.measures_due = measures_due     # (vault, client_id, on) -> the due measures

A part whose source is not there is left out of the header rather than shown as a guess.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from models.appointment import Appointment, AppointmentStatus
from models.client import Client
from models.note import NoteStatus

if TYPE_CHECKING:
    from storage.vault import Vault

BalanceSource = Callable[["Vault", int], Decimal]
MeasuresSource = Callable[["Vault", int, date], Sequence[object]]


@dataclass
class HeaderSources:
    balance: BalanceSource | None = None
    measures_due: MeasuresSource | None = None


HEADER_SOURCES = HeaderSources()


@dataclass(frozen=True)
class LastNote:
    date_of_service: date
    status: NoteStatus


@dataclass(frozen=True)
class ClientHeader:
    client: Client
    age: int | None
    diagnosis: str  # "F41.1 Generalized anxiety disorder", or ""
    next_appointment: Appointment | None
    last_note: LastNote | None
    balance: Decimal | None  # None: no balance source (billing) yet
    measures_due: tuple[str, ...] | None  # None: no measures source yet


def _measure_name(measure: object) -> str:
    """A due measure as the header names it: its ``name`` (or ``code``), else its text."""
    for attribute in ("name", "code", "short_name"):
        value = getattr(measure, attribute, None)
        if isinstance(value, str) and value:
            return value
    return str(measure)


def client_header(vault: Vault, client_id: int, today: date | None = None,
                  now: datetime | None = None) -> ClientHeader:
    client = vault.clients.get(client_id)
    zone = vault.practice.get().zone
    moment = now or datetime.now(UTC)
    day = today or moment.astimezone(zone).date()
    appointments = vault.appointments.for_client(client_id)
    upcoming = [a for a in appointments
                if a.start >= moment and a.status is AppointmentStatus.SCHEDULED]
    notes = vault.notes.for_client(client_id)  # in session order
    starts = {a.id: a.start for a in appointments}
    last_note = None
    if notes:
        latest = notes[-1]
        start = starts.get(latest.appointment_id)
        if start is not None:
            last_note = LastNote(start.astimezone(zone).date(), latest.status)
    dx = client.primary_diagnosis
    sources = HEADER_SOURCES
    balance = sources.balance(vault, client_id) if sources.balance else None
    due = (tuple(_measure_name(m) for m in sources.measures_due(vault, client_id, day))
           if sources.measures_due else None)
    return ClientHeader(
        client=client, age=client.age_on(day),
        diagnosis=f"{dx.code} {dx.description}".strip() if dx else "",
        next_appointment=min(upcoming, key=lambda a: a.start) if upcoming else None,
        last_note=last_note, balance=balance, measures_due=due)
