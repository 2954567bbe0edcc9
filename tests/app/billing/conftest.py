"""The sample practice put into a real vault (tests/app/conftest.py gives each test one)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import timedelta
from typing import Any

from models.appointment import AppointmentStatus
from models.note import Note, NoteSection
from tests.app.billing import sample
from tests.app.conftest import PASSPHRASE

__all__ = ["PASSPHRASE", "fill", "sign_notes"]


def fill(vault: Any, *, signed: bool = True) -> dict[str, int]:
    """The sample practice, one client with March sessions and payments; returns their ids.

    Every attended session gets a signed note unless ``signed`` is False (billing guards
    sessions whose note is not signed)."""
    vault.practice.save(sample.practice())
    client = vault.clients.add(replace(sample.client(), id=None))
    ids: dict[str, int] = {"client": client.id}
    for appt in sample.appointments(client.id):
        stored = vault.appointments.add(replace(appt, id=None, uid=""))
        ids[f"appt{appt.id}"] = stored.id
    for cpt, fee in sample.fees().items():
        vault.billing.fees.set(cpt, fee)
    for payment in sample.payments():
        vault.billing.payments.add(replace(payment, id=None,
                                           appointment_id=ids[f"appt{payment.appointment_id}"]))
    if signed:
        sign_notes(vault, (a for a in vault.appointments.for_client(client.id)
                           if a.status is AppointmentStatus.ATTENDED))
    return ids


def sign_notes(vault: Any, appointments: Iterable[Any]) -> None:
    """A short signed note for each appointment (as the clinician signs after the session)."""
    for appt in appointments:
        note = vault.notes.save_draft(Note(
            appt.id, appt.client_id,
            sections=[NoteSection("Subjective", "Client reported a calmer week.")]))
        vault.notes.sign(note.id, "Dana Whitfield", "LCSW", appt.end + timedelta(hours=2))
