"""The demo practice: fictitious, varied enough to show every screen."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from app.demo import build_demo_practice
from models.appointment import AppointmentStatus, Recurrence
from storage.vault import Vault

TODAY = date(2026, 5, 13)


@pytest.fixture(scope="module")
def demo_vault(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    vault, _ = Vault.create(tmp_path_factory.mktemp("demo") / "vault", "pw")
    counts = build_demo_practice(vault, today=TODAY)
    yield vault, counts
    vault.close()


def test_counts_and_practice(demo_vault) -> None:  # type: ignore[no-untyped-def]
    vault, counts = demo_vault
    assert 10 <= counts["clients"] <= 14
    assert counts["signed"] > 20 and counts["drafts"] >= 2
    profile = vault.practice.get()
    assert profile.npi == "1234567893" and profile.clinician_name and profile.tax_id
    assert profile.address.city


def test_clients_include_greek_and_chinese_names(demo_vault) -> None:  # type: ignore[no-untyped-def]
    vault, _ = demo_vault
    clients = vault.clients.list()
    names = [c.legal_name for c in clients]
    assert any("\u0370" <= ch <= "\u03ff" for n in names for ch in n)  # Greek
    assert any("\u4e00" <= ch <= "\u9fff" for n in names for ch in n)  # CJK
    assert sum(c.ai_consent for c in clients) > len(clients) // 2
    assert any(not c.ai_consent for c in clients)
    assert any(c.insurance.payer for c in clients) and any(not c.insurance.payer for c in clients)
    assert any(not c.is_active for c in clients)
    for c in clients:
        assert c.primary_diagnosis is not None
        assert vault.goals.for_client(c.id)


def test_diagnoses_are_billable_icd10cm(demo_vault) -> None:  # type: ignore[no-untyped-def]
    icd = pytest.importorskip("simple_icd_10_cm")
    vault, _ = demo_vault
    for c in vault.clients.list():
        for dx in c.diagnoses:
            assert icd.is_valid_item(dx.code) and icd.is_leaf(dx.code), dx.code


def test_appointments_span_three_months_each_way(demo_vault) -> None:  # type: ignore[no-untyped-def]
    vault, _ = demo_vault
    appts = vault.appointments.all()
    days = [a.start.date() for a in appts]
    assert min(days) <= TODAY - timedelta(days=80) and max(days) >= TODAY + timedelta(days=80)
    statuses = {a.status for a in appts}
    assert {AppointmentStatus.ATTENDED, AppointmentStatus.SCHEDULED, AppointmentStatus.NO_SHOW,
            AppointmentStatus.CANCELLED} <= statuses
    assert all(a.status is AppointmentStatus.SCHEDULED for a in appts if a.start.date() > TODAY)
    assert all(a.fee > 0 for a in appts)
    gaps = set()
    for series in {a.series_id for a in appts if a.series_id}:
        starts = sorted(a.start for a in appts if a.series_id == series)
        gaps.add((starts[1] - starts[0]).days)
    assert {Recurrence.WEEKLY.step.days, Recurrence.BIWEEKLY.step.days} <= gaps


def test_notes_signed_drafts_and_addenda(demo_vault) -> None:  # type: ignore[no-untyped-def]
    vault, _ = demo_vault
    notes = vault.notes.all()
    assert vault.notes.unsigned()
    signed = [n for n in notes if n.is_signed]
    assert any(vault.notes.addenda(n.id) for n in signed)
    attended = [a for a in vault.appointments.all() if a.status is AppointmentStatus.ATTENDED]
    assert all(vault.appointments.get(n.appointment_id).status is AppointmentStatus.ATTENDED
               for n in notes if n.appointment_id is not None)  # a plan is dated by itself
    assert len([n for n in notes if n.appointment_id is not None]) <= len(attended)
    assert vault.audit.verify().ok


def test_demo_is_reproducible(tmp_path: Path) -> None:
    a, _ = Vault.create(tmp_path / "a", "pw")
    b, _ = Vault.create(tmp_path / "b", "pw")
    with a, b:
        assert build_demo_practice(a, TODAY) == build_demo_practice(b, TODAY)


def test_some_notes_carry_private_process_notes(demo_vault) -> None:  # type: ignore[no-untyped-def]
    from app.practice_json import practice_to_dict

    demo_vault, _counts = demo_vault
    assert any(n.process_notes for n in demo_vault.notes.all())
    assert all("process_notes" not in n for n in practice_to_dict(demo_vault)["notes"])
    with_pn = practice_to_dict(demo_vault, include_process_notes=True)["notes"]
    assert any(n["process_notes"] for n in with_pn)


def test_only_one_or_two_clients_get_authorization_warnings(demo_vault) -> None:  # type: ignore[no-untyped-def]
    from app.billing.authorizations import status_for_client, warnings_for_today

    vault, _ = demo_vault
    warned = {w.client_id for w in warnings_for_today(vault, TODAY)}
    assert 1 <= len(warned) <= 2
    insured = [c for c in vault.clients.list(active_only=True) if c.insurance.payer]
    healthy = [s for c in insured for s in status_for_client(vault, c.id)
               if s.left > 1 and s.authorization.end >= TODAY + timedelta(days=90)]
    assert len(healthy) >= len(insured) - 2


def test_recent_signed_notes_record_elevated_risk(demo_vault) -> None:  # type: ignore[no-untyped-def]
    from datetime import datetime, time
    from zoneinfo import ZoneInfo

    from app.notes import risk_follow_up

    vault, _ = demo_vault
    now = datetime.combine(TODAY, time(18, 0), tzinfo=ZoneInfo("America/New_York"))
    items = risk_follow_up(vault, now=now)
    assert 1 <= len(items) <= 2
    assert all(vault.notes.get(i.note_id).is_signed for i in items)
    assert all("safety plan" in i.risk_text for i in items)


def test_billing_covers_every_kind_of_client(demo_vault) -> None:  # type: ignore[no-untyped-def]
    from app.billing.estimates import estimate_lines_for_today, estimates_of
    from models.insurance import Relationship

    vault, _ = demo_vault
    clients = vault.clients.list()
    insured = [c for c in clients if not c.is_self_pay]
    self_pay = [c for c in clients if c.is_self_pay]
    assert insured and self_pay
    assert all(c.insurance.payer and c.insurance.claim_address.street for c in insured)
    assert any(c.insurance.relationship is Relationship.CHILD and c.insurance.subscriber.name
               for c in insured)  # a dependent on a parent's plan
    assert any(c.secondary_insurance.payer for c in insured)  # a second plan
    assert all(c.sex and c.release_on_file for c in insured)
    assert any(c.sliding_fee > 0 for c in self_pay)
    with_estimates = [c for c in self_pay if estimates_of(vault, c.id)]
    assert len(with_estimates) >= 3
    # the new self-pay client's estimate is due, and Today says so; the others are covered
    lines = estimate_lines_for_today(vault, TODAY)
    assert lines == ["Rosa Delgado: A Good Faith Estimate is due by 05/14/2026: the first "
                     "session (05/20/2026) was booked on 05/13/2026."]
