"""CMS-1500 (02/12) claims: the pre-flight names each missing box, both versions are read back
with pdftotext, more than six service lines go on more forms, and the offsets move the values."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from app.billing.authorizations import add_authorization
from app.billing.claim_form import claim_name, claim_text
from app.billing.claims import claim_for, export_claim
from app.pdf.cms1500_pdf import Alignment, claim_values
from models.appointment import Appointment, AppointmentStatus
from models.common import Address
from models.errors import InvalidInput, MissingBillingData
from models.insurance import BillingKind, Insurance, Relationship, Subscriber
from tests.app.billing import sample
from tests.app.billing.conftest import fill, sign_notes
from tests.app.billing.pdf_text import pdf_text, pdf_words, word_positions

MARCH = (date(2026, 3, 1), date(2026, 3, 31))
CLAIMS_ADDRESS = Address("PO Box 1407", "Albany", "NY", "12201")


def claim_ready(vault: Any, **client_fields: Any) -> dict[str, int]:
    ids = fill(vault)
    client = vault.clients.get(ids["client"])
    insurance = replace(client.insurance, claim_address=CLAIMS_ADDRESS,
                        plan_name="Empire PPO")
    vault.clients.update(replace(client, insurance=insurance, sex="F", phone="518-555-0199",
                                 release_on_file=date(2026, 3, 2),
                                 assignment_on_file=date(2026, 3, 2), **client_fields))
    return ids


def test_the_pre_flight_names_each_missing_box(vault: Any, tmp_path: Path) -> None:
    ids = fill(vault)
    vault.practice.save(replace(sample.practice(), tax_id="", phone=""))
    out = tmp_path / "claim.pdf"
    with pytest.raises(MissingBillingData) as info:
        export_claim(vault, ids["client"], *MARCH, out)
    assert info.value.missing == [
        "the payer's claims address above box 1",
        "box 3 (the patient's sex, as on the card)",
        "box 12 (the date the client signed the release of information: signature on file)",
        "box 25 (the federal tax ID: an EIN or SSN of 9 digits)",
        "box 33 (the billing provider's phone number)"]
    assert str(info.value).startswith("The claim form (CMS-1500) is missing: ")
    assert not out.exists()


def test_the_plain_form_is_read_back_with_every_box(vault: Any, tmp_path: Path) -> None:
    ids = claim_ready(vault)
    add_authorization(vault, ids["client"], "PA-7781", 20, date(2026, 1, 1), date(2026, 12, 31))
    out = tmp_path / "claim.pdf"
    forms = export_claim(vault, ids["client"], *MARCH, out, signed_on=date(2026, 4, 1))
    assert len(forms) == 1
    assert [(line.code, line.charge) for line in forms[0].lines] == [
        ("90791", Decimal("200.00")), ("90837", Decimal("180.00")),
        ("90785", Decimal("25.00")), ("90834", Decimal("150.00"))]
    text = pdf_words(out)
    for expected in (
            "HEALTH INSURANCE CLAIM FORM", "1a. INSURED'S I.D. NUMBER", "EMPIRE BLUE CROSS",
            "PO BOX 1407", "ALBANY NY 12201", "XYZ123456789", "VEGA-OKAFOR, MARISOL",
            "04 12 1988", "88 RIVER ROAD", "TROY", "12180", "518 555-0199", "G-5521",
            "EMPIRE PPO", "SIGNATURE ON FILE", "03/02/2026", "F411", "F321", "PA-7781",
            "03 02 26 03 02 26 11", "90791", "AB", "200 00", "90785 AB 25 00",
            "03 16 26 03 16 26 10 90834 95", "1234567893", "123456789", "555 00", "305 50",
            "DANA WHITFIELD LCSW", "04/01/2026", "QUIET HARBOR COUNSELING",
            "12 ELM STREET, SUITE 4", "ALBANY NY 12207", "518 555-0142", "ZZ1041C0700X",
            "Form 1 of 1"):
        assert expected in text, expected
    # the no-show is not billable to insurance: it stays off the claim
    assert "03 23 26" not in text


def test_the_data_only_version_has_the_values_and_no_form(vault: Any, tmp_path: Path) -> None:
    ids = claim_ready(vault)
    plain, red = tmp_path / "plain.pdf", tmp_path / "red.pdf"
    export_claim(vault, ids["client"], *MARCH, plain)
    export_claim(vault, ids["client"], *MARCH, red, data_only=True)
    text = pdf_words(red)
    for expected in ("XYZ123456789", "VEGA-OKAFOR, MARISOL", "F411", "90837", "555 00",
                     "SIGNATURE ON FILE"):
        assert expected in text, expected
    for label in ("HEALTH INSURANCE CLAIM FORM", "INSURED'S I.D. NUMBER", "Form 1 of 1"):
        assert label not in text and label in pdf_words(plain)
    # without an offset the values sit exactly where the plain form puts them
    assert word_positions(red, "XYZ123456789") == word_positions(plain, "XYZ123456789")


def test_the_alignment_offsets_move_every_value(vault: Any, tmp_path: Path) -> None:
    ids = claim_ready(vault)
    base, moved = tmp_path / "base.pdf", tmp_path / "moved.pdf"
    export_claim(vault, ids["client"], *MARCH, base, data_only=True)
    export_claim(vault, ids["client"], *MARCH, moved, data_only=True,
                 alignment=Alignment(right=0.5, down=-0.25))
    for word in ("XYZ123456789", "90837", "1234567893"):
        (_, x0, y0), *_ = word_positions(base, word)
        (_, x1, y1), *_ = word_positions(moved, word)
        assert x1 - x0 == pytest.approx(36, abs=0.2)  # half an inch right
        assert y1 - y0 == pytest.approx(-18, abs=0.2)  # a quarter inch up
    # an absurd offset is held to an inch
    far = tmp_path / "far.pdf"
    export_claim(vault, ids["client"], *MARCH, far, data_only=True,
                 alignment=Alignment(right=9))
    assert word_positions(far, "XYZ123456789")[0][1] - \
        word_positions(base, "XYZ123456789")[0][1] == pytest.approx(72, abs=0.2)


def test_more_than_six_lines_go_on_more_forms_each_totalled(vault: Any, tmp_path: Path) -> None:
    ids = claim_ready(vault)
    extra = [vault.appointments.add(Appointment(ids["client"], sample.at(day, 15), minutes=45,
                                                status=AppointmentStatus.ATTENDED))
             for day in (3, 4, 5, 10, 11)]
    sign_notes(vault, extra)
    out = tmp_path / "claim.pdf"
    forms = export_claim(vault, ids["client"], *MARCH, out)
    assert [len(f.lines) for f in forms] == [6, 3]
    assert forms[0].total_charge + forms[1].total_charge == Decimal("1305.00")
    pages = pdf_text(out).split("\f")
    assert "Form 1 of 2" in pages[0] and "Form 2 of 2" in pages[1]
    totals = [f"{f.total_charge:.2f}".replace(".", " ") for f in forms]
    assert totals[0] in " ".join(pages[0].split()) and totals[1] in " ".join(pages[1].split())


def test_a_dependent_and_a_second_plan(vault: Any, tmp_path: Path) -> None:
    ids = claim_ready(vault)
    client = vault.clients.get(ids["client"])
    parent = Subscriber("Karen Williams", date(1961, 2, 11), "F")
    vault.clients.update(replace(
        client, insurance=replace(client.insurance, relationship=Relationship.CHILD,
                                  subscriber=parent),
        secondary_insurance=Insurance("Lakeside Health Plan", "L-551", "G-9",
                                      plan_name="Lakeside HMO", relationship=Relationship.SPOUSE,
                                      subscriber=Subscriber("Sam Okafor", date(1985, 5, 1)))))
    claim, _ = claim_for(vault, ids["client"], *MARCH)
    values, checks = claim_values(claim)
    placed = {(line, col): text for line, col, text in values}
    assert placed[(10, 50)] == "WILLIAMS, KAREN"  # box 4: the policy holder
    assert "6_child" in checks and "11d_yes" in checks and "11a_f" in checks
    assert (placed[(20, 53)], placed[(20, 56)], placed[(20, 59)]) == ("02", "11", "1961")
    assert placed[(18, 1)] == "OKAFOR, SAM" and placed[(20, 1)] == "G-9"
    assert placed[(26, 1)] == "LAKESIDE HMO"
    out = tmp_path / "claim.pdf"
    export_claim(vault, ids["client"], *MARCH, out)
    assert "WILLIAMS, KAREN" in pdf_words(out) and "OKAFOR, SAM" in pdf_words(out)
    vault.clients.update(replace(vault.clients.get(ids["client"]), insurance=replace(
        client.insurance, relationship=Relationship.CHILD, subscriber=Subscriber())))
    with pytest.raises(MissingBillingData) as info:
        export_claim(vault, ids["client"], *MARCH, out)
    assert info.value.missing[:2] == ["box 4 (the policy holder's name)",
                                      "box 11a (the policy holder's date of birth)"]


def test_names_in_another_script_must_be_entered_as_on_the_card(vault: Any,
                                                                tmp_path: Path) -> None:
    ids = claim_ready(vault, legal_name="Ελένη Παπαδοπούλου")
    with pytest.raises(MissingBillingData) as info:
        export_claim(vault, ids["client"], *MARCH, tmp_path / "claim.pdf")
    assert "box 2 (the patient's name in Latin letters, as on the card)" in info.value.missing
    assert claim_name("José Núñez") == "NUNEZ, JOSE"
    assert claim_name("Mary Ann O. Lee") == "LEE, MARY, A"
    assert claim_text("陈美玲") == ""


def test_self_pay_clients_have_no_claim(vault: Any, tmp_path: Path) -> None:
    ids = claim_ready(vault)
    vault.clients.update(replace(vault.clients.get(ids["client"]),
                                 billing=BillingKind.SELF_PAY))
    with pytest.raises(InvalidInput, match="self-pay"):
        export_claim(vault, ids["client"], *MARCH, tmp_path / "claim.pdf")


def test_dates_of_service_and_signature_dates(vault: Any) -> None:
    ids = claim_ready(vault)
    claim, _ = claim_for(vault, ids["client"], *MARCH, signed_on=date(2026, 4, 1))
    values, _ = claim_values(claim)
    placed = {(line, col): text for line, col, text in values}
    assert [placed[(44, c)] for c in (1, 4, 7, 10, 13, 16)] == ["03", "02", "26"] * 2
    assert placed[(61, 6)] == "04/01/2026" and placed[(29, 37)] == "03/02/2026"
