"""The sample practice put into a real vault (tests/app/conftest.py gives each test one)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from tests.app.billing import sample
from tests.app.conftest import PASSPHRASE

__all__ = ["PASSPHRASE", "fill"]


def fill(vault: Any) -> dict[str, int]:
    """The sample practice, one client with March sessions and payments; returns their ids."""
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
    return ids

