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
from models.client import Client, Diagnosis, Insurance
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
    bill = build_superbill(prof, bare, appts, [], sample.fees(), FeePolicy(), *MARCH)
    missing = missing_billing_data(bill)
    assert missing == [
        "a valid NPI (10 digits with a correct check digit)", "the tax ID (EIN or SSN)",
        "the practice address",
        "the client's date of birth", "the client's address", "the insurance payer",
        "the insurance member ID", "a diagnosis (ICD-10-CM code)",
        "a CPT code for the session on 03/16/2026 (A 10-minute session is shorter than the 16 "
        "minutes psychotherapy (90832) requires, so no code is suggested.)"]
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


@pytest.mark.parametrize(("change", "named"), [
    ({"npi": ""}, "the NPI"),
    ({"npi": "1234567890"}, "a valid NPI (10 digits with a correct check digit)"),
    ({"tax_id": ""}, "the tax ID (EIN or SSN)"),
    ({"license_number": ""}, "the license number"),
    ({"address": Address()}, "the practice address"),
    ({"clinician_name": ""}, "the clinician's name"),
])
def test_each_practice_gap_alone_is_named(change: dict[str, object], named: str) -> None:
    with pytest.raises(MissingBillingData) as info:
        require_ready(_bill(**change))
    assert info.value.missing == [named]


@pytest.mark.parametrize(("change", "named"), [
    ({"date_of_birth": None}, "the client's date of birth"),
    ({"diagnoses": []}, "a diagnosis (ICD-10-CM code)"),
    ({"address": Address()}, "the client's address"),
    ({"diagnoses": [Diagnosis("F43.1", is_primary=True)]},
     "a billable ICD-10-CM code instead of F43.1"),
])
def test_each_client_gap_alone_is_named(change: dict[str, object], named: str) -> None:
    client = replace(sample.client(), **change)  # type: ignore[arg-type]
    with pytest.raises(MissingBillingData) as info:
        require_ready(_bill(client=client))
    assert info.value.missing == [named]
    assert "Marisol" not in str(info.value)


def test_payer_and_member_id_are_named() -> None:
    client = replace(sample.client(), insurance=Insurance())
    assert missing_billing_data(_bill(client=client)) == ["the insurance payer",
                                                          "the insurance member ID"]


def test_a_session_without_a_code_alone_is_named_with_the_reason() -> None:
    appts = sample.appointments()
    appts[1] = replace(appts[1], minutes=12, add_on_codes=[])
    bill = build_superbill(sample.practice(), sample.client(), appts, [], sample.fees(),
                           FeePolicy(), *MARCH)
    with pytest.raises(MissingBillingData) as info:
        require_ready(bill)
    assert info.value.missing == [
        "a CPT code for the session on 03/09/2026 (A 12-minute session is shorter than the 16 "
        "minutes psychotherapy (90832) requires, so no code is suggested.)"]
    # The therapist's own code makes it billable: the suggestion is never forced.
    appts[1] = replace(appts[1], cpt_code="90832")
    fees = {**sample.fees(), "90832": Decimal("100.00")}
    require_ready(build_superbill(sample.practice(), sample.client(), appts, [], fees,
                                  FeePolicy(), *MARCH))


def test_a_session_without_a_fee_is_named() -> None:
    fees = {k: v for k, v in sample.fees().items() if k != "90834"}
    bill = build_superbill(sample.practice(), sample.client(), sample.appointments(), [], fees,
                           FeePolicy(), *MARCH)
    assert missing_billing_data(bill) == [
        "a fee for the session on 03/16/2026 (set one for 90834 under Billing > Fees)"]


def test_payments_received_are_listed_with_date_and_method() -> None:
    bill = _bill()
    assert [(p.paid_on, p.method, p.amount) for p in bill.payments] == [
        (date(2026, 3, 2), "card", Decimal("200.00")),
        (date(2026, 3, 9), "check", Decimal("100.00")),
        (date(2026, 3, 10), "cash", Decimal("5.50"))]
