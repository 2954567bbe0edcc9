"""A real (SQLCipher) vault holding the sample practice, for the billing use-case tests."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from tests.app.billing import sample

PASSPHRASE = "correct horse battery staple"


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


@pytest.fixture
def vault_dir(tmp_path: Path) -> Path:
    return tmp_path / "vault"


@pytest.fixture
def vault(vault_dir: Path) -> Iterator[Any]:
    from storage.vault import Vault

    opened, _ = Vault.create(vault_dir, PASSPHRASE)
    with opened:
        yield opened
