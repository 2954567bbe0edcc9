"""Superbill assembly and the readiness check, from model objects only."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from app.billing.icd10 import description_of
from app.billing.readiness import missing_billing_data, require_ready
from app.billing.superbill import build_superbill
from models.billing import FeePolicy
from models.client import Client, Diagnosis
from models.common import Address
from models.errors import InvalidInput, MissingBillingData
from tests.app.billing import sample

MARCH = (date(2026, 3, 1), date(2026, 3, 31))


def _bill(client: Client | None = None, policy: FeePolicy | None = None, **practice: object):
    prof = replace(sample.practice(), **practice)  # type: ignore[arg-type]
    return build_superbill(prof, client or sample.client(), sample.appointments(),
                           sample.payments(), sample.fees(), policy or FeePolicy(), *MARCH,
                           issued_on=date(2026, 4, 1), describe=description_of)


def test_lines_codes_pos_and_totals() -> None:
    bill = _bill()
    assert [line.date_of_service for line in bill.lines] == [
        date(2026, 3, 2), date(2026, 3, 9), date(2026, 3, 16)]
    intake, long_session, video = bill.lines
    assert (intake.cpt, intake.place_of_service, intake.modifiers) == ("90791", "11", ())
    assert long_session.cpt == "90837" and long_session.add_ons == (("90785", 1),)
    assert long_session.codes_text == "90837 +90785"
    assert (video.cpt, video.place_of_service, video.modifiers) == ("90834", "10", ("95",))
    assert [line.fee for line in bill.lines] == [Decimal("200.00"), Decimal("205.00"),
                                                 Decimal("150.00")]
    assert [line.paid for line in bill.lines] == [Decimal("200.00"), Decimal("105.50"),
                                                  Decimal("0.00")]
    assert bill.total_fee == Decimal("555.00")
    assert bill.total_paid == Decimal("305.50")
    assert bill.balance == Decimal("249.50")
    assert all(isinstance(x, Decimal) for x in (bill.total_fee, bill.total_paid, bill.balance))
    assert all(line.pointers == "AB" for line in bill.lines)


def test_primary_diagnosis_is_pointer_a_with_official_description() -> None:
    bill = _bill()
    assert [(d.pointer, d.code) for d in bill.diagnoses] == [("A", "F41.1"), ("B", "F32.1")]
    assert bill.diagnoses[0].description == "Generalized anxiety disorder"
    assert "Major depressive disorder" in bill.diagnoses[1].description


def test_no_show_fee_appears_only_when_policy_charges_it() -> None:
    bill = _bill(policy=FeePolicy(no_show_fee=Decimal("75")))
    missed = [line for line in bill.lines if line.missed]
    assert len(missed) == 1 and missed[0].fee == Decimal("75.00")
    assert missed[0].cpt == "" and "No-show" in missed[0].description
    assert bill.total_fee == Decimal("630.00")
    assert missing_billing_data(bill) == []  # a missed-session fee needs no CPT code


def test_telehealth_pos_02_from_practice_setting() -> None:
    bill = _bill(telehealth_pos="02")
    assert bill.lines[2].place_of_service == "02"


def test_ready_bill_passes() -> None:
    require_ready(_bill())


def test_missing_npi_is_named() -> None:
    with pytest.raises(MissingBillingData) as info:
        require_ready(_bill(npi=""))
    assert info.value.missing == ["the NPI"]
    assert "NPI" in str(info.value)


def test_every_gap_is_listed_without_the_clients_name() -> None:
    bare = Client(legal_name="Marisol Vega-Okafor", id=7)
    appts = [replace(a, cpt_code="") for a in sample.appointments()]
    appts[2] = replace(appts[2], minutes=10)  # too short for any psychotherapy code
    prof = replace(sample.practice(), npi="123", tax_id="", address=Address())
    bill = build_superbill(prof, bare, appts, [], {}, FeePolicy(), *MARCH)
    missing = missing_billing_data(bill)
    assert missing == [
        "a valid NPI (10 digits with a correct check digit)", "the tax ID (EIN or SSN)",
        "the practice address",
        "the client's date of birth", "the client's address", "the insurance payer",
        "the insurance member ID", "a diagnosis (ICD-10-CM code)",
        "a CPT code for the session on 2026-03-16"]
    assert not any("Marisol" in m for m in missing)


def test_non_billable_diagnosis_is_refused() -> None:
    client = replace(sample.client(), diagnoses=[Diagnosis("F41", is_primary=True)])
    assert missing_billing_data(_bill(client=client)) == [
        "a billable ICD-10-CM code instead of F41"]


def test_nothing_to_bill_is_an_invalid_input() -> None:
    bill = build_superbill(sample.practice(), sample.client(), [], [], {}, FeePolicy(),
                           date(2025, 1, 1), date(2025, 1, 31))
    with pytest.raises(InvalidInput):
        require_ready(bill)
