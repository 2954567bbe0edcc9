"""A session's scores as the note's ``measures`` facts, e.g. "PHQ-9 total 14 (moderate), down
from 17 on 11/04/2026; GAD-7 total 9 (mild)": plain facts the therapist entered, so the draft
can cite the numbers without inventing one."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from app.measures.entry import ScoredResponse, session_responses
from models.appointment import Appointment
from models.measures.wording import session_fact
from models.note import Note

if TYPE_CHECKING:
    from storage.vault import Vault

MEASURES_PROMPT = "measures"  # the prompt field's key (models.note.PROMPT_FIELDS)


def _previous(vault: Vault, given: ScoredResponse) -> tuple[date, int] | None:
    """The client's last total of the same measure before this one."""
    response = given.response
    earlier = [r for r in vault.measures.for_client(response.client_id, response.instrument)
               if r.total is not None and (r.taken_on, r.id or 0) < (response.taken_on,
                                                                      response.id or 0)]
    return (earlier[-1].taken_on, earlier[-1].total or 0) if earlier else None


def session_measures_text(vault: Vault, appointment: Appointment) -> str:
    """One fact per measure given at the session (its latest administration), joined by "; "."""
    latest: dict[str, ScoredResponse] = {}
    for given in session_responses(vault, appointment):
        latest[given.instrument.key] = given
    facts = [session_fact(g.instrument, g.score, _previous(vault, g), list(g.screens))
             for g in latest.values()]
    return "; ".join(facts)


def fill_measures_prompt(vault: Vault, note: Note) -> Note:
    """Put the session's scores into the note's measures prompt, unless the therapist already
    wrote something there (clearing the field lets it be filled afresh). Returns the note."""
    if note.is_signed or (note.prompts.get(MEASURES_PROMPT) or "").strip() \
            or note.appointment_id is None:  # a document written between sessions
        return note
    text = session_measures_text(vault, vault.appointments.get(note.appointment_id))
    if text:
        note.prompts[MEASURES_PROMPT] = text
    return note

