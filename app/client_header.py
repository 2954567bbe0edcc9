"""The essentials of one client at a glance, for the top of their page: age, diagnosis, next
appointment, balance (app.billing.payments), last note, measures due (app.measures.schedules).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from app.billing.payments import balances
from app.measures.schedules import measures_due
from models.appointment import Appointment, AppointmentStatus
from models.client import Client
from models.note import NoteStatus

if TYPE_CHECKING:
    from storage.vault import Vault


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
    balance: Decimal  # owed over all billable sessions; below zero is a credit
    measures_due: tuple[str, ...]  # "PHQ-9", ...


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
    balance = sum((b.owed for b in balances(vault, client_id)), Decimal("0"))
    due = tuple(m.name for m in measures_due(vault, client_id, day))
    return ClientHeader(
        client=client, age=client.age_on(day),
        diagnosis=f"{dx.code} {dx.description}".strip() if dx else "",
        next_appointment=min(upcoming, key=lambda a: a.start) if upcoming else None,
        last_note=last_note, balance=balance, measures_due=due)
