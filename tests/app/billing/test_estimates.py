"""Good Faith Estimates against a real vault: every element the rule requires, read back from
the PDF; refused with what is missing; due from the booking; kept as issued."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from app.billing.estimates import (
    estimate_due_for,
    estimate_lines_for_today,
    estimates_due,
    estimates_of,
    issue_estimate,
    prepare_estimate,
    reprint_estimate,
)
from models.appointment import Appointment, Service
from models.errors import InvalidInput, MissingBillingData
from models.good_faith import GfeReason
from models.insurance import BillingKind, Insurance
from storage.connection import DatabaseError
from tests.app.billing import sample
from tests.app.billing.pdf_text import pdf_words

TODAY = date(2026, 3, 2)  # a Monday
BOOKED = datetime(2026, 3, 2, 9, tzinfo=sample.TZ)


def self_pay_client(vault: Any, name: str = "Ana Lima", **fields: Any) -> Any:
    vault.practice.save(sample.practice())
    for cpt, fee in sample.fees().items():
        vault.billing.fees.set(cpt, fee)
    return vault.clients.add(replace(sample.client(), id=None, legal_name=name,
                                     preferred_name="", billing=BillingKind.SELF_PAY,
                                     insurance=Insurance(), **fields))


def book_course(vault: Any, client_id: int, first: date = date(2026, 3, 16),
                weeks: int = 6, booked: datetime = BOOKED) -> None:
    """An intake, then weekly 45-minute sessions, all booked at ``booked``."""
    start = datetime.combine(first, datetime.min.time().replace(hour=10), tzinfo=sample.TZ)
    vault.appointments.add(Appointment(client_id, start, minutes=60, service=Service.INTAKE,
                                       booked_at=booked))
    for week in range(1, weeks + 1):
        vault.appointments.add(Appointment(client_id, start + timedelta(weeks=week), minutes=45,
                                           booked_at=booked))


def test_the_estimate_carries_every_required_element(vault: Any, tmp_path: Path) -> None:
    client = self_pay_client(vault)
    book_course(vault, client.id)
    out = tmp_path / "gfe.pdf"
    gfe = issue_estimate(vault, client.id, out, today=TODAY)
    assert [(i.code, i.quantity, i.unit_fee) for i in gfe.items] == [
        ("90791", 1, Decimal("200.00")), ("90834", 6, Decimal("150.00"))]
    assert gfe.total == Decimal("1100.00")
    text = pdf_words(out)
    for required in (
            "Good Faith Estimate", "Ana Lima", "04/12/1988",  # name and date of birth
            # the service in plain words, with its expected dates and frequency
            "Intake assessment (diagnostic evaluation) (90791), one 60-minute session on "
            "03/16/2026", "weekly from 03/23/2026 (6 sessions)",
            # itemized services with codes and charges; diagnosis codes where known
            "90791", "90834", "$200.00", "$150.00", "$900.00", "$1,100.00", "F41.1", "F32.1",
            # the provider: name, NPI, TIN, location and state
            "Dana Whitfield, LCSW", "1234567893", "12-3456789", "12 Elm Street, Suite 4",
            "Albany", "NY 12207",
            # the disclaimers
            "not a contract", "only an estimate", "may differ",
            "may recommend other items or services", "scheduled separately",
            "at least $400 more than this estimate", "dispute the bill",
            "www.cms.gov/nosurprises", "1-800-985-3059",
            "will not affect the quality of the care",
            "Date issued: 03/02/2026"):
        assert required in text, required
    assert "2026-03" not in text  # every date in the app's format
    assert [e.id for e in estimates_of(vault, client.id)] == [gfe.id]


@pytest.mark.parametrize(("practice_change", "missing"), [
    ({"npi": ""}, ["the provider's NPI"]),
    ({"tax_id": ""}, ["the provider's tax ID (TIN)"]),
    ({"npi": "", "tax_id": ""}, ["the provider's NPI", "the provider's tax ID (TIN)"]),
    ({"npi": "1234567890"}, ["a valid NPI (10 digits with a correct check digit)"]),
])
def test_an_estimate_without_npi_or_tax_id_is_refused(vault: Any, tmp_path: Path,
                                                      practice_change: dict[str, str],
                                                      missing: list[str]) -> None:
    client = self_pay_client(vault)
    book_course(vault, client.id)
    vault.practice.save(replace(sample.practice(), **practice_change))
    out = tmp_path / "gfe.pdf"
    with pytest.raises(MissingBillingData) as info:
        issue_estimate(vault, client.id, out, today=TODAY)
    assert info.value.missing == missing
    assert str(info.value).startswith("The Good Faith Estimate is missing: ")
    assert not out.exists() and estimates_of(vault, client.id) == []


def test_other_gaps_are_named_too(vault: Any, tmp_path: Path) -> None:
    client = self_pay_client(vault, date_of_birth=None)
    vault.practice.save(replace(sample.practice(), address=replace(sample.practice().address,
                                                                    state="")))
    with pytest.raises(MissingBillingData) as info:
        issue_estimate(vault, client.id, tmp_path / "gfe.pdf", today=TODAY)
    assert info.value.missing == [
        "the client's date of birth", "an expected service: book the client's first session",
        "the practice's location (street, city and state)"]
    book_course(vault, client.id)
    vault.billing.fees.set("90834", Decimal("0"))
    with pytest.raises(MissingBillingData) as info:
        issue_estimate(vault, client.id, tmp_path / "gfe.pdf", today=TODAY)
    assert "an expected charge for 90834 (set it under Billing > Fees)" in info.value.missing


def test_only_self_pay_clients_get_one(vault: Any, tmp_path: Path) -> None:
    vault.practice.save(sample.practice())
    insured = vault.clients.add(replace(sample.client(), id=None))
    with pytest.raises(InvalidInput, match="self-pay"):
        issue_estimate(vault, insured.id, tmp_path / "gfe.pdf", today=TODAY)
    assert estimate_due_for(vault, insured.id, TODAY) is None


def test_booking_makes_one_due_and_giving_it_settles_that(vault: Any, tmp_path: Path) -> None:
    client = self_pay_client(vault)
    assert estimate_due_for(vault, client.id, TODAY) is None  # nothing booked
    book_course(vault, client.id)  # booked Monday 03/02 for 03/16: 10 business days ahead
    due = estimate_due_for(vault, client.id, TODAY)
    assert due is not None and due.reason is GfeReason.FIRST
    assert due.deadline == date(2026, 3, 5)  # within 3 business days
    assert estimate_lines_for_today(vault, TODAY) == [
        "Ana Lima: A Good Faith Estimate is due by 03/05/2026: the first session (03/16/2026) "
        "was booked on 03/02/2026."]
    issue_estimate(vault, client.id, tmp_path / "gfe.pdf", today=TODAY)
    assert estimate_due_for(vault, client.id, TODAY) is None
    assert estimate_lines_for_today(vault, TODAY) == []


def test_a_higher_fee_calls_for_a_new_estimate(vault: Any, tmp_path: Path) -> None:
    client = self_pay_client(vault)
    book_course(vault, client.id)
    issue_estimate(vault, client.id, tmp_path / "first.pdf", today=TODAY)
    vault.billing.fees.set("90834", Decimal("165.00"))  # the practice raised its fee
    due = estimate_due_for(vault, client.id, date(2026, 3, 4))
    assert due is not None and due.reason is GfeReason.CHANGED
    assert due.session_on == date(2026, 3, 23) and due.deadline == date(2026, 3, 20)
    second = issue_estimate(vault, client.id, tmp_path / "second.pdf", today=date(2026, 3, 4))
    assert second.total == Decimal("1190.00")
    assert estimate_due_for(vault, client.id, date(2026, 3, 4)) is None
    assert [e.id for e in estimates_of(vault, client.id)] == [second.id, second.id - 1]


def test_more_sessions_expected_than_booked(vault: Any, tmp_path: Path) -> None:
    client = self_pay_client(vault, sliding_fee=Decimal("90"))
    book_course(vault, client.id, weeks=2)
    gfe = prepare_estimate(vault, client.id, TODAY, sessions=24)
    assert [(i.code, i.quantity, i.unit_fee) for i in gfe.items] == [
        ("90791", 1, Decimal("90.00")), ("90834", 24, Decimal("90.00"))]
    assert "In all, 24 sessions (90834) are expected" in gfe.service_description
    with pytest.raises(InvalidInput):
        prepare_estimate(vault, client.id, TODAY, sessions=0)


def test_an_issued_estimate_is_kept_as_issued(vault: Any, tmp_path: Path) -> None:
    client = self_pay_client(vault)
    book_course(vault, client.id)
    gfe = issue_estimate(vault, client.id, tmp_path / "gfe.pdf", today=TODAY)
    vault.practice.save(replace(sample.practice(), practice_name="Renamed Practice"))
    copy = tmp_path / "copy.pdf"
    reprint_estimate(vault, gfe.id, copy)
    assert "Quiet Harbor Counseling" in pdf_words(copy)  # the provider as it was
    # the database itself refuses to change or delete it, by any SQL path
    for sql in ("UPDATE good_faith_estimates SET total = '1' WHERE id = ?",
                "DELETE FROM good_faith_estimates WHERE id = ?"):
        with pytest.raises(DatabaseError, match="kept as issued"):
            vault.connection.execute(sql, (gfe.id,))
    assert vault.billing.estimates.get(gfe.id).total == Decimal("1100.00")


def test_today_lists_only_clients_whose_estimate_is_due(vault: Any, tmp_path: Path) -> None:
    first = self_pay_client(vault, "Ana Lima")
    second = self_pay_client(vault, "Ben Ortiz")
    book_course(vault, first.id)
    book_course(vault, second.id, first=date(2026, 3, 4),
                booked=datetime(2026, 3, 2, 9, tzinfo=sample.TZ))  # 2 business days ahead
    issue_estimate(vault, first.id, tmp_path / "gfe.pdf", today=TODAY)
    due = estimates_due(vault, TODAY)
    assert [d.client_id for d in due] == [second.id] and due[0].deadline is None
    assert "before the session" in estimate_lines_for_today(vault, TODAY)[0]
    vault.clients.discharge(second.id, TODAY)
    assert estimates_due(vault, TODAY) == []
