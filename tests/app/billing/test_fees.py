"""Fees: the setup step's schedule, the fee an appointment starts with, the client's balance."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any

import pytest

from app.billing.fees import (
    SETUP_FEE_CODES,
    fee_quote,
    fee_schedule,
    needs_fee_schedule,
    save_fee_schedule,
    session_fees,
)
from app.billing.payments import client_balance, mark_paid
from models.appointment import Appointment, Service
from models.client import Client
from models.errors import InvalidInput
from tests.app.billing import sample
from tests.app.billing.conftest import fill


def test_a_fresh_practice_is_asked_for_its_fee_schedule(vault: Any) -> None:
    assert needs_fee_schedule(vault)
    assert {"90791", "90834", "90837", "90847"} <= set(SETUP_FEE_CODES)
    saved = save_fee_schedule(vault, {"90791": Decimal("200"), "90834": Decimal("150.5")})
    assert saved == {"90791": Decimal("200.00"), "90834": Decimal("150.50")}
    assert not needs_fee_schedule(vault) and fee_schedule(vault) == saved
    with pytest.raises(InvalidInput):
        save_fee_schedule(vault, {"99999": Decimal("10")})
    with pytest.raises(InvalidInput):
        save_fee_schedule(vault, {"90832": Decimal("-1")})
    assert fee_schedule(vault) == saved  # nothing of a refused change was kept


def test_an_appointment_starts_with_its_codes_fee_or_the_sliding_scale(vault: Any) -> None:
    save_fee_schedule(vault, {"90791": Decimal("200"), "90834": Decimal("150"),
                              "90837": Decimal("190")})
    client = vault.clients.add(Client(legal_name="Ana Lima"))
    assert fee_quote(vault, client.id, Service.INTAKE, 60).fee == Decimal("200.00")
    assert fee_quote(vault, client.id, Service.INDIVIDUAL, 45).fee == Decimal("150.00")
    assert fee_quote(vault, client.id, Service.INDIVIDUAL, 55).code == "90837"
    assert fee_quote(vault, None, Service.INDIVIDUAL, 55).fee == Decimal("190.00")
    vault.clients.update(replace(client, sliding_fee=Decimal("70")))
    quote = fee_quote(vault, client.id, Service.INDIVIDUAL, 45)
    assert (quote.fee, quote.source) == (Decimal("70.00"), "sliding scale")


def test_the_client_page_shows_each_sessions_fee_as_billed(vault: Any) -> None:
    ids = fill(vault)
    fees = session_fees(vault, ids["client"])
    assert fees[ids["appt1"]] == Decimal("200.00")  # 90791 from the schedule, not $0.00
    assert fees[ids["appt2"]] == Decimal("205.00")  # 90837 + 90785
    assert fees[ids["appt4"]] == Decimal("0.00")  # a no-show without a policy fee


def test_client_balance_counts_every_charge_and_payment(vault: Any) -> None:
    ids = fill(vault)
    balance = client_balance(vault, ids["client"])
    assert (balance.charged, balance.paid, balance.owed) == (
        Decimal("555.00"), Decimal("305.50"), Decimal("249.50"))
    # paid ahead for a session not held yet: a credit toward it
    ahead = vault.appointments.add(Appointment(ids["client"], sample.at(13, month=4)))
    mark_paid(vault, ahead.id, "300", sample.at(1, month=4).date())
    assert client_balance(vault, ids["client"]).owed == Decimal("-50.50")
    newcomer = vault.clients.add(Client(legal_name="Ivo Petrov"))
    assert client_balance(vault, newcomer.id).owed == Decimal("0.00")
