"""Billing benchmark: a month's superbills and statements for 100 mixed clients; the .ics for
five years.

Run (prints the figures):
    STILLNOTE_BENCH=1 .venv/bin/python -m pytest tests/benchmarks/bench_billing.py -s -q
Aims: the month batch < 10 s, .ics < 1 s.
"""

from __future__ import annotations

import os
import time
from dataclasses import replace
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from models.appointment import Appointment, AppointmentStatus, Modality, Service
from models.billing import Payment
from models.insurance import BillingKind, Insurance, Relationship, Subscriber
from tests.app.billing import sample
from tests.app.billing.conftest import sign_notes

pytestmark = [
    pytest.mark.benchmark,
    pytest.mark.skipif(os.environ.get("STILLNOTE_BENCH") != "1",
                       reason="benchmark: set STILLNOTE_BENCH=1"),
]

CLIENTS = 100
YEARS = 5


def _mixed_practice(vault: Any) -> dict[str, int]:
    """100 clients with 4 March sessions each: 60 insured (every fifth a dependent, every
    seventh with a second plan), 30 self-pay (every third on a sliding scale), 10 whose
    documents cannot be made (5 insured without a date of birth, 5 self-pay whose sessions
    have no fee); the first session of every tenth client has no signed note yet."""
    vault.practice.save(sample.practice())
    for cpt, fee in sample.fees().items():
        vault.billing.fees.set(cpt, fee)
    kinds = {"insured": 0, "self_pay": 0, "incomplete": 0}
    with vault.transaction():
        for i in range(CLIENTS):
            base = replace(sample.client(), id=None, legal_name=f"Client Number{i}")
            if i < 60:
                insurance = base.insurance
                if i % 5 == 0:
                    insurance = replace(insurance, relationship=Relationship.CHILD,
                                        subscriber=Subscriber("Pat Number", date(1970, 1, 2)))
                client = replace(base, insurance=insurance, secondary_insurance=(
                    Insurance("Second Plan", f"S{i}") if i % 7 == 0 else Insurance()))
                kinds["insured"] += 1
            elif i < 90:
                client = replace(base, billing=BillingKind.SELF_PAY, insurance=Insurance(),
                                 sliding_fee=Decimal("80") if i % 3 == 0 else Decimal("0"))
                kinds["self_pay"] += 1
            elif i < 95:
                client = replace(base, date_of_birth=None)
                kinds["incomplete"] += 1
            else:
                client = replace(base, billing=BillingKind.SELF_PAY, insurance=Insurance())
                kinds["incomplete"] += 1
            stored = vault.clients.add(client)
            for week in range(4):
                minutes = 53 if week % 2 else 45
                appt = vault.appointments.add(Appointment(
                    client_id=stored.id, start=sample.at(2 + 7 * week, 8 + i % 9),
                    minutes=minutes, status=AppointmentStatus.ATTENDED,
                    service=Service.FAMILY if i >= 95 else Service.INDIVIDUAL,
                    modality=Modality.TELEHEALTH if i % 3 == 0 else Modality.OFFICE))
                if week < 2:
                    vault.billing.payments.add(Payment(appt.id, Decimal("50.00"),
                                                       date(2026, 3, 28), "card"))
                if not (week == 0 and i % 10 == 0):
                    sign_notes(vault, [appt])
    return kinds


def test_month_batch_for_100_mixed_clients(tmp_path: Path) -> None:
    from app.billing import icd10
    from app.billing.batch import batch_month
    from storage.vault import Vault

    vault, _ = Vault.create(tmp_path / "vault", "benchmark passphrase")
    with vault:
        kinds = _mixed_practice(vault)
        icd10.is_billable_code("F41.1")  # the code set loads once per process (about 2 s)
        t0 = time.perf_counter()
        result = batch_month(vault, 2026, 3, tmp_path / "out")
        elapsed = time.perf_counter() - t0
    assert result.superbills == 60 and result.statements == 30 and len(result.skipped) == 10
    print(f"\nBENCH month batch: {CLIENTS} clients x 4 sessions ({kinds['insured']} insured, "
          f"{kinds['self_pay']} self-pay, {kinds['incomplete']} incomplete) -> "
          f"{result.superbills} superbills + {result.statements} statements, "
          f"{len(result.skipped)} skipped, {len(result.left_out)} sessions left out, "
          f"in {elapsed:.2f} s (aim < 10 s)")


def test_ics_for_five_years_of_appointments(tmp_path: Path) -> None:
    from app.calendar.ics import export_ics, ics_bytes
    from storage.vault import Vault

    vault, _ = Vault.create(tmp_path / "vault", "benchmark passphrase")
    with vault:
        vault.practice.save(sample.practice())
        start = datetime(2022, 1, 3, 9, tzinfo=sample.TZ)
        with vault.transaction():
            ids = [vault.clients.add(replace(sample.client(), id=None,
                                             legal_name=f"Client Number{i}")).id
                   for i in range(30)]
            count = 0
            for week in range(52 * YEARS):
                for slot in range(24):  # 24 sessions a week, Monday to Thursday
                    day, hour = divmod(slot, 6)
                    vault.appointments.add(Appointment(
                        client_id=ids[(week + slot) % len(ids)],
                        start=start + timedelta(weeks=week, days=day, hours=hour),
                        status=AppointmentStatus.CANCELLED if slot == 23
                        else AppointmentStatus.ATTENDED))
                    count += 1
        t0 = time.perf_counter()
        written = export_ics(vault, tmp_path / "five-years.ics")
        total = time.perf_counter() - t0
        appts = vault.appointments.all()
        clients = {c.id: c for c in vault.clients.list()}
        practice = vault.practice.get()
        t1 = time.perf_counter()
        data = ics_bytes(appts, clients, practice)
        render = time.perf_counter() - t1
    assert written == count
    print(f"\nBENCH ics: {count} appointments over {YEARS} years -> {len(data) / 1e6:.1f} MB; "
          f"export from the vault {total:.2f} s (rendering alone {render:.2f} s; aim < 1 s)")
