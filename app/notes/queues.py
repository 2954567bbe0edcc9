"""Lists of notes: unsigned ones by age, clients needing risk follow-up, one client's notes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

from app.measures.safety import recent_screens
from models.appointment import Appointment
from models.client import Client
from models.completeness import recorded_elevated_risk
from models.note import Note, NoteKind
from models.note_status import OVERDUE_AFTER

if TYPE_CHECKING:
    from storage.vault import Vault

RISK_WINDOW = timedelta(days=30)


@dataclass(frozen=True)
class UnsignedItem:
    note_id: int
    appointment_id: int | None  # None: a treatment plan or discharge summary, opened by note
    client_id: int
    client_name: str
    date_of_service: date  # the session's date, or a document's own date
    age: timedelta  # since the session ended (a document without one: since it was begun)
    overdue: bool  # older than 24 hours: shown so it stands out
    kind: NoteKind = NoteKind.PROGRESS

    @property
    def age_text(self) -> str:
        return format_age(self.age)


@dataclass(frozen=True)
class RiskItem:
    client_id: int
    client_name: str
    note_id: int | None  # the latest note that recorded elevated risk (None: a screen only)
    date_of_service: date
    risk_text: str
    # Positive risk screens of the same 30 days (PHQ-9 item 9, C-SSRS), as plain sentences.
    screen_text: str = ""


def format_age(age: timedelta) -> str:
    minutes = max(0, int(age.total_seconds() // 60))
    if minutes < 60:
        return f"{minutes} min"
    hours = minutes // 60
    if hours < 48:
        return f"{hours} h"
    return f"{hours // 24} days"


def _appointments_by_id(vault: Vault, notes: list[Note]) -> dict[int, Appointment]:
    found: dict[int, Appointment] = {}
    for note in notes:
        if note.appointment_id is not None and note.appointment_id not in found:
            found[note.appointment_id] = vault.appointments.get(note.appointment_id)
    return found


def _clients_by_id(vault: Vault, ids: set[int]) -> dict[int, Client]:
    return {cid: vault.clients.get(cid) for cid in ids}


def unsigned_queue(vault: Vault, now: datetime | None = None) -> list[UnsignedItem]:
    """Unsigned notes, oldest first, each with its age; older than 24 hours is overdue."""
    now = now or datetime.now(UTC)
    notes: list[Note] = [n for n in vault.notes.unsigned() if n.id is not None]
    appointments = _appointments_by_id(vault, notes)
    clients = _clients_by_id(vault, {n.client_id for n in notes})
    items = []
    for note in notes:
        if note.appointment_id is None:  # a plan or a discharge summary: dated by itself
            age = now - (note.created_at or now)
            day = note.written_on or now.date()
        else:
            appt = appointments[note.appointment_id]
            age, day = now - appt.end, appt.start.date()
        items.append(UnsignedItem(
            note_id=note.id or 0, appointment_id=note.appointment_id, client_id=note.client_id,
            client_name=clients[note.client_id].display_name,
            date_of_service=day, age=age, overdue=age > OVERDUE_AFTER, kind=note.kind))
    items.sort(key=lambda i: i.age, reverse=True)
    return items


def risk_follow_up(vault: Vault, now: datetime | None = None) -> list[RiskItem]:
    """Clients whose last 30 days recorded elevated risk in a note or a positive risk screen.

    Elevated means the risk field mentions ideation, plan, intent, self-harm or a safety plan
    other than as a denial (see models.completeness.recorded_elevated_risk); a positive screen
    is a PHQ-9 item 9 or C-SSRS screener answer (app.measures.safety). One row per client: the
    latest such note, with the screens beside it.
    """
    now = now or datetime.now(UTC)
    since = now - RISK_WINDOW
    notes: list[Note] = [n for n in vault.notes.for_sessions_between(
        since, now + timedelta(microseconds=1))
                         if n.id is not None and recorded_elevated_risk(n.prompts.get("risk", ""))]
    appointments = _appointments_by_id(vault, notes)
    latest: dict[int, tuple[Appointment, Note]] = {}
    for note in notes:
        if note.appointment_id is None:  # a discharge summary's risk: not a session's
            continue
        appt = appointments[note.appointment_id]
        if not since <= appt.start <= now:
            continue
        current = latest.get(note.client_id)
        if current is None or appt.start > current[0].start:
            latest[note.client_id] = (appt, note)
    zone = vault.practice.get().zone
    screens = recent_screens(vault, since.astimezone(zone).date(), now.astimezone(zone).date())
    clients = _clients_by_id(vault, set(latest) | set(screens))
    items = []
    for cid in set(latest) | set(screens):
        found = screens.get(cid, [])
        note_day = latest[cid][0].start.date() if cid in latest else None
        days = [d for d in (note_day, found[0].taken_on if found else None) if d is not None]
        recorded = latest[cid][1] if cid in latest else None
        items.append(RiskItem(
            client_id=cid, client_name=clients[cid].display_name,
            note_id=recorded.id if recorded is not None else None, date_of_service=max(days),
            risk_text=recorded.prompts.get("risk", "").strip() if recorded is not None else "",
            screen_text="; ".join(s.sentence() for s in found)))
    items.sort(key=lambda i: i.date_of_service, reverse=True)
    return items


@dataclass(frozen=True)
class ClientNote:
    note: Note
    session_start: datetime | None  # the appointment's start (None if it cannot be found)


def notes_of_client(vault: Vault, client_id: int) -> list[ClientNote]:
    """The client's notes, the latest session first."""
    starts = {a.id: a.start for a in vault.appointments.for_client(client_id)}
    earliest = datetime.min.replace(tzinfo=UTC)
    def when(note: Note) -> datetime:
        start = starts.get(note.appointment_id) if note.appointment_id is not None else None
        if start is None and note.written_on is not None:
            start = datetime.combine(note.written_on, datetime.min.time(), tzinfo=UTC)
        return start or note.created_at or earliest

    notes = sorted(vault.notes.for_client(client_id), reverse=True, key=when)
    return [ClientNote(n, starts.get(n.appointment_id) if n.appointment_id is not None
                       else None) for n in notes]
