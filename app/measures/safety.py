"""The safety rule: a positive PHQ-9 item 9 or C-SSRS screener answer reaches the therapist at
once (the entry screens show it), puts the client on the risk follow-up list, and keeps the
session's note from being signed until its risk assessment refers to it
(models.completeness)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from app.measures.catalog import known
from app.measures.entry import scored, session_responses
from models.appointment import Appointment
from models.measures.safety import PositiveScreen

if TYPE_CHECKING:
    from storage.vault import Vault


def session_screens(vault: Vault, appointment: Appointment) -> tuple[PositiveScreen, ...]:
    """The positive risk answers given at this session (what its note must address)."""
    return tuple(s for r in session_responses(vault, appointment) for s in r.screens)


def screens_for_appointment(vault: Vault, appointment_id: int) -> tuple[PositiveScreen, ...]:
    """The same, by appointment id (for a note window whose session got a new score)."""
    return session_screens(vault, vault.appointments.get(appointment_id))


def recent_screens(vault: Vault, since: date, until: date) -> dict[int, list[PositiveScreen]]:
    """Client id -> positive risk answers given from ``since`` to ``until``, latest first."""
    found: dict[int, list[PositiveScreen]] = {}
    for response in reversed(vault.measures.since(since)):
        if response.taken_on > until or not known(response.instrument):
            continue
        screens = scored(response).screens
        if screens:
            found.setdefault(response.client_id, []).extend(screens)
    return found
