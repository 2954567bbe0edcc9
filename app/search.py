"""Search everything from one box: clients, notes (the full-text index) and appointments.

Clients match on names, date of birth (typed in the app's date format), email, phone, diagnosis
codes and descriptions, and member ids; notes on every word (as a prefix), newest first;
appointments are those of the clients found (the next one and the latest ones) and those on a
date typed. Results come grouped and capped, so the box answers while the therapist types.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from models.appointment import Appointment
from models.client import Client
from models.common import date_text, day_bounds, parse_date_text
from models.note import NoteStatus

if TYPE_CHECKING:
    from storage.vault import Vault

PER_GROUP = 8


@dataclass(frozen=True)
class ClientHit:
    client_id: int
    name: str
    detail: str  # "DOB 04/23/1987 · F41.1 Generalized anxiety disorder"


@dataclass(frozen=True)
class NoteHit:
    note_id: int
    appointment_id: int | None  # None: a treatment plan or discharge summary
    client_name: str
    date_of_service: date | None
    signed: bool
    snippet: str


@dataclass(frozen=True)
class AppointmentHit:
    appointment: Appointment
    client_name: str


@dataclass(frozen=True)
class SearchResults:
    text: str
    clients: list[ClientHit] = field(default_factory=list)
    notes: list[NoteHit] = field(default_factory=list)
    appointments: list[AppointmentHit] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.clients or self.notes or self.appointments)


def _typed_date(text: str) -> date | None:
    try:
        return parse_date_text(text)
    except ValueError:
        return None


def _client_detail(client: Client) -> str:
    parts = []
    if client.date_of_birth:
        parts.append(f"DOB {date_text(client.date_of_birth)}")
    dx = client.primary_diagnosis
    if dx:
        parts.append(f"{dx.code} {dx.description}".strip())
    if client.insurance.member_id:
        parts.append(f"member {client.insurance.member_id}")
    if not client.is_active:
        parts.append("discharged")
    return " · ".join(parts)


def search_everything(vault: Vault, text: str, now: datetime | None = None,
                      per_group: int = PER_GROUP) -> SearchResults:
    text = " ".join(text.split())
    if len(text) < 2:  # one letter matches half the practice; wait for the second
        return SearchResults(text)
    moment = now or datetime.now(UTC)
    zone = vault.practice.get().zone
    typed_day = _typed_date(text)
    found = vault.clients.list(search=text, limit=per_group)
    if typed_day is not None:  # "04/23/1987": a date of birth, as the vault stores it
        found += [c for c in vault.clients.list(search=typed_day.isoformat(), limit=per_group)
                  if all(c.id != f.id for f in found)]
    clients = [ClientHit(c.id or 0, c.display_name, _client_detail(c)) for c in found]

    snippets = vault.notes.search_snippets(text, per_group)
    found_notes = [vault.notes.get(note_id) for note_id, _ in snippets]
    notes: list[NoteHit] = []
    names: dict[int, str] = {c.id: c.display_name for c in found if c.id is not None}
    names.update(vault.clients.display_names({n.client_id for n in found_notes} - set(names)))
    for note, (_, snippet) in zip(found_notes, snippets, strict=True):
        day = note.written_on if note.appointment_id is None else \
            vault.appointments.get(note.appointment_id).start.astimezone(zone).date()
        notes.append(NoteHit(note.id or 0, note.appointment_id, names.get(note.client_id, "—"),
                             day,
                             note.status is NoteStatus.SIGNED, " ".join(snippet.split())))

    appointments: list[Appointment] = []
    if typed_day is not None:
        start, end = day_bounds(typed_day, typed_day, zone)
        appointments += vault.appointments.between(start, end)
    for hit in clients[:3]:  # the next session and the latest two of the best matches
        theirs = vault.appointments.for_client(hit.client_id)
        upcoming = [a for a in theirs if a.start >= moment][:1]
        past = [a for a in theirs if a.start < moment][-2:]
        appointments += upcoming + list(reversed(past))
    unique = list({a.id: a for a in appointments}.values())  # each once, first place kept
    names.update(vault.clients.display_names({a.client_id for a in unique} - set(names)))
    return SearchResults(
        text, clients[:per_group], notes,
        [AppointmentHit(a, names.get(a.client_id, "—")) for a in unique[:per_group]])
