"""Billing benchmark: superbills for 100 clients for one month; the .ics for five years.

Run (prints the figures):
    STILLNOTE_BENCH=1 .venv/bin/python -m pytest tests/benchmarks/bench_billing.py -s -q
Aims: superbills < 10 s, .ics < 1 s.
"""

from __future__ import annotations

import os
import time
from dataclasses import replace
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from models.appointment import Appointment, AppointmentStatus, Modality
from tests.app.billing import sample

pytestmark = [
    pytest.mark.benchmark,
    pytest.mark.skipif(os.environ.get("STILLNOTE_BENCH") != "1",
                       reason="benchmark: set STILLNOTE_BENCH=1"),
]

CLIENTS = 100
YEARS = 5


def test_superbills_for_100_clients_for_one_month(tmp_path: Path) -> None:
    from app.billing import icd10
    from app.billing.batch import batch_superbills
    from storage.vault import Vault

    vault, _ = Vault.create(tmp_path / "vault", "benchmark passphrase")
    with vault:
        vault.practice.save(sample.practice())
        for cpt, fee in sample.fees().items():
            vault.billing.fees.set(cpt, fee)
        with vault.transaction():
            for i in range(CLIENTS):
                client = vault.clients.add(replace(sample.client(), id=None,
                                                   legal_name=f"Client Number{i}"))
                for week in range(4):
                    appt = vault.appointments.add(Appointment(
                        client_id=client.id, start=sample.at(2 + 7 * week, 8 + i % 9),
                        minutes=53 if week % 2 else 45, status=AppointmentStatus.ATTENDED,
                        modality=Modality.TELEHEALTH if i % 3 == 0 else Modality.OFFICE))
                    if week < 2:
                        vault.billing.payments.add(sample.payments()[0].__class__(
                            appt.id, Decimal("50.00"), date(2026, 3, 28), "card"))
        icd10.is_billable_code("F41.1")  # the code set loads once per process (about 2 s)
        t0 = time.perf_counter()
        result = batch_superbills(vault, 2026, 3, tmp_path / "out")
        elapsed = time.perf_counter() - t0
    assert len(result.written) == CLIENTS and not result.refused
    print(f"\nBENCH superbills: {CLIENTS} clients x 4 sessions, one month -> "
          f"{len(result.written)} PDFs in {elapsed:.2f} s (aim < 10 s)")


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
