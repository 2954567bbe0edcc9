"""A client's documents as their page lists them: intakes, every plan version, discharge
summaries, each with its date and what sets it apart (a plan's version and review date)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from app.documents.plans import current_plan
from models.appointment import Appointment, AppointmentStatus
from models.common import date_text
from models.documents import is_intake_session
from models.note import KIND_TITLES, Note, NoteKind

if TYPE_CHECKING:
    from storage.vault import Vault


@dataclass(frozen=True)
class DocumentRow:
    note: Note
    title: str  # "Treatment plan"
    day: date | None
    detail: str  # "version 2 (revises 1), review 05/09/2026, in force"


def documents_of_client(vault: Vault, client_id: int) -> list[DocumentRow]:
    """The client's intake assessments, plans and discharge summaries, the latest first."""
    zone = vault.practice.get().zone
    in_force = current_plan(vault, client_id)
    rows: list[DocumentRow] = []
    version = 0
    ids: list[int | None] = []
    for note in vault.notes.for_client(client_id):
        if note.kind is NoteKind.PROGRESS:
            continue
        day = note.written_on
        if note.appointment_id is not None:
            day = vault.appointments.get(note.appointment_id).start.astimezone(zone).date()
        detail = ""
        if note.kind is NoteKind.TREATMENT_PLAN:
            version += 1
            ids.append(note.id)
            parts = [f"version {version}"]
            if note.revises in ids:
                parts[0] += f" (revises version {ids.index(note.revises) + 1})"
            parts.append(f"review {date_text(note.review_on)}")
            if in_force is not None and note.id == in_force.id:
                parts.append("in force")
            detail = ", ".join(parts)
        rows.append(DocumentRow(note, KIND_TITLES[note.kind], day, detail))
    rows.reverse()
    return rows


def intake_session(vault: Vault, client_id: int) -> Appointment | None:
    """The client's latest attended diagnostic evaluation (90791), whose note is the intake."""
    found = [a for a in vault.appointments.for_client(client_id)
             if a.status is AppointmentStatus.ATTENDED and is_intake_session(a)]
    return found[-1] if found else None
