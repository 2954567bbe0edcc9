"""Recording a measure and reading a client's scores: one function per user action.

A score belongs to a session when it was given at one: the client's appointment that day
(attended first) unless the caller names the appointment. What a positive risk item means
for the note and the risk list is app.measures.safety's.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from app.calendar.schedule import today_in_practice
from app.measures.catalog import instrument as instrument_named
from models.appointment import Appointment, AppointmentStatus
from models.errors import InvalidInput
from models.measures.instrument import Instrument
from models.measures.records import MeasureResponse, Source
from models.measures.safety import PositiveScreen, blank_risk_items, positive_screens
from models.measures.scoring import Answers, Score, check_answers, score
from models.measures.wording import total_phrase

if TYPE_CHECKING:
    from storage.vault import Vault


@dataclass(frozen=True)
class ScoredResponse:
    """One administration with its instrument and score, as tables and charts show it."""

    response: MeasureResponse
    instrument: Instrument
    score: Score
    screens: tuple[PositiveScreen, ...] = ()  # positive risk items: shown at once
    blank_risk: tuple[str, ...] = ()  # risk items left blank: asked about, never silent

    @property
    def total_text(self) -> str:
        return total_phrase(self.instrument, self.score)

    @property
    def headline(self) -> str:
        """"PHQ-9 total 14 (moderate)" or "C-SSRS screener: low risk"."""
        if self.instrument.method == "levels":
            return f"{self.instrument.name}: {self.total_text}"
        return f"{self.instrument.name} total {self.total_text}"


def scored(response: MeasureResponse) -> ScoredResponse:
    measure = instrument_named(response.instrument)
    return ScoredResponse(response, measure, score(measure, response.answers),
                          tuple(positive_screens(measure, response.answers, response.taken_on)),
                          tuple(blank_risk_items(measure, response.answers)))


def session_on(vault: Vault, client_id: int, day: date) -> Appointment | None:
    """The client's session that day in the practice's zone: attended first, then any kept."""
    zone = vault.practice.get().zone
    same_day = [a for a in vault.appointments.for_client(client_id)
                if a.start.astimezone(zone).date() == day
                and a.status is not AppointmentStatus.CANCELLED]
    same_day.sort(key=lambda a: (a.status is not AppointmentStatus.ATTENDED, a.start))
    return same_day[0] if same_day else None


def record_measure(vault: Vault, client_id: int, instrument: str, answers: Answers,
                   on: date | None = None, *, appointment_id: int | None = None,
                   source: Source = Source.THERAPIST) -> ScoredResponse:
    """Store one administration's answers (blank items simply absent) and score it.

    Refused (InvalidInput) when nothing was answered, an answer is not one the form offers,
    the date is in the future, or the appointment is another client's.
    """
    measure = instrument_named(instrument)
    clean = check_answers(measure, answers)
    if not clean:
        raise InvalidInput(f"No {measure.name} item was answered, so nothing was recorded.")
    client = vault.clients.get(client_id)
    day = on or today_in_practice(vault)
    if day > today_in_practice(vault):
        raise InvalidInput(f"A {measure.name} cannot be recorded for a day in the future.")
    if appointment_id is not None:
        appointment = vault.appointments.get(appointment_id)
        if appointment.client_id != client.id:
            raise InvalidInput("That appointment belongs to another client.")
    else:
        found = session_on(vault, client_id, day)
        appointment_id = found.id if found is not None else None
    result = score(measure, clean)
    stored = vault.measures.add(MeasureResponse(
        client_id=client_id, instrument=measure.key, taken_on=day, answers=clean,
        total=result.total, appointment_id=appointment_id, source=source))
    return scored(stored)


def measures_of_client(vault: Vault, client_id: int,
                       instrument: str | None = None) -> list[ScoredResponse]:
    """The client's scores, the latest first (of one instrument if named)."""
    rows = vault.measures.for_client(client_id, instrument)
    return [scored(r) for r in reversed(rows)]


def delete_measure(vault: Vault, response_id: int) -> None:
    """Remove an administration entered by mistake (the audit log keeps that it existed)."""
    vault.measures.delete(response_id)


def session_responses(vault: Vault, appointment: Appointment) -> list[ScoredResponse]:
    """The scores given at this session: linked to it, or unlinked on its day, oldest first."""
    if appointment.id is None:
        return []
    day = appointment.start.astimezone(vault.practice.get().zone).date()
    linked = vault.measures.for_appointment(appointment.id)
    loose = [r for r in vault.measures.on_day(appointment.client_id, day)
             if r.appointment_id is None]
    rows = sorted(linked + loose, key=lambda r: (r.taken_on, r.id or 0))
    return [scored(r) for r in rows]
