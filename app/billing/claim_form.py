"""What goes in each box of a CMS-1500 (02/12) claim, from the superbill's data, and the
pre-flight that names each missing box (pure: no vault, no PDF).

Values follow the NUCC instructions: capital letters, names as "LAST, FIRST, M", no periods
in diagnosis codes, the tax ID without hyphens. One form carries at most six service lines;
more lines go on more forms, each totalled on its own. An add-on code (90785, 90840) is a
service line of its own, with the fee schedule's charge; the session's primary code carries
the rest of the session's fee.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal

from app.billing.superbill import Superbill
from models.billing import money, npi_is_valid
from models.client import Client
from models.common import Address, date_text
from models.insurance import Insurance, PlanType, Relationship

MAX_LINES = 6
MAX_DIAGNOSES = 12

@dataclass(frozen=True)
class ClaimLine:
    day: date
    place_of_service: str
    code: str
    modifiers: tuple[str, ...]
    pointers: str
    charge: Decimal
    units: int
    paid: Decimal  # what the client paid toward this line (box 29)
    rendering_npi: str


@dataclass
class Person:
    """A patient or policy holder as a claim names them."""

    name: str  # "LAST, FIRST, M"; "" when it cannot be written in capital Latin letters
    date_of_birth: date | None
    sex: str
    address: Address
    phone: str


@dataclass
class Claim:
    payer: str
    payer_address: Address
    plan_type: PlanType
    member_id: str
    patient: Person
    insured: Person
    relationship: Relationship
    group_number: str
    plan_name: str
    other_insured_name: str  # box 9: the second plan's policy holder
    other_policy: str
    other_plan_name: str
    release_on_file: date | None
    assignment_on_file: date | None
    diagnoses: list[str]  # up to twelve, without the period
    prior_authorization: str
    lines: list[ClaimLine]
    tax_id: str
    tax_id_kind: str
    account_number: str
    signer: str
    signed_on: date
    facility_name: str
    facility_address: Address
    billing_name: str
    billing_address: Address
    billing_phone: str
    billing_npi: str
    billing_taxonomy: str
    left_out: list[date] = field(default_factory=list)

    @property
    def has_other_plan(self) -> bool:
        return bool(self.other_policy or self.other_plan_name)

    @property
    def total_charge(self) -> Decimal:
        return money(sum((line.charge for line in self.lines), Decimal("0")))

    @property
    def amount_paid(self) -> Decimal:
        return money(sum((line.paid for line in self.lines), Decimal("0")))


def claim_text(value: str) -> str:
    """``value`` as a claim form carries it: capital letters A-Z, accents dropped; "" when it
    holds characters of another script (the name must then be entered as on the card)."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", value)
                    if not unicodedata.combining(c))
    plain = " ".join(plain.split()).upper()
    return plain if plain.isascii() else ""


def claim_name(full_name: str) -> str:
    """ "Marisol Vega-Okafor" -> "VEGA-OKAFOR, MARISOL"; middle names give an initial."""
    words = claim_text(full_name.replace(".", " ")).split()
    if not words:
        return ""
    if len(words) == 1:
        return words[0]
    last, first, middle = words[-1], words[0], words[1:-1]
    return f"{last}, {first}" + (f", {middle[0][0]}" if middle else "")


def digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


def _person(name: str, born: date | None, sex: str, address: Address, phone: str) -> Person:
    return Person(claim_name(name), born, sex, _claim_address(address), digits(phone))


def _claim_address(a: Address) -> Address:
    return Address(claim_text(a.street.replace(".", "")), claim_text(a.city),
                   claim_text(a.state), a.postal_code.strip())


def _insured(client: Client, insurance: Insurance) -> Person:
    if not insurance.is_dependent:
        return _person(client.legal_name, client.date_of_birth, client.sex, client.address,
                       client.phone)
    sub = insurance.subscriber
    address = client.address if sub.address.is_empty() else sub.address
    return _person(sub.name, sub.date_of_birth, sub.sex, address, sub.phone or client.phone)


def claim_lines(bill: Superbill, fees: dict[str, Decimal], npi: str) -> list[ClaimLine]:
    """The superbill's attended sessions as service lines; missed-session fees are not
    billable to insurance and stay off the claim."""
    lines: list[ClaimLine] = []
    for line in bill.lines:
        if line.missed:
            continue
        add_ons = [(code, units, money(fees.get(code, Decimal("0")) * units))
                   for code, units in line.add_ons]
        primary = money(line.fee - sum((c for _, _, c in add_ons), Decimal("0")))
        paid = min(line.paid, line.fee)
        lines.append(ClaimLine(line.date_of_service, line.place_of_service, line.cpt,
                               line.modifiers, line.pointers[:4], primary, line.units,
                               min(paid, primary), npi))
        paid -= min(paid, primary)
        for code, units, charge in add_ons:
            lines.append(ClaimLine(line.date_of_service, line.place_of_service, code,
                                   line.modifiers, line.pointers[:4], charge, units,
                                   min(paid, charge), npi))
            paid -= min(paid, charge)
    return lines


def build_claim(bill: Superbill, fees: dict[str, Decimal], prior_authorization: str,
                signed_on: date) -> Claim:
    p, client = bill.practice, bill.client
    ins, other = client.insurance, client.secondary_insurance
    npi = p.npi.strip()
    return Claim(
        payer=claim_text(ins.payer), payer_address=_claim_address(ins.claim_address),
        plan_type=ins.plan_type, member_id=claim_text(ins.member_id),
        patient=_person(client.legal_name, client.date_of_birth, client.sex, client.address,
                        client.phone),
        insured=_insured(client, ins), relationship=ins.relationship,
        group_number=claim_text(ins.group_number),
        plan_name=claim_text(ins.plan_name or ins.payer),
        other_insured_name=(_insured(client, other).name if not other.is_empty else ""),
        other_policy=claim_text(other.group_number or other.member_id),
        other_plan_name=claim_text(other.plan_name or other.payer),
        release_on_file=client.release_on_file, assignment_on_file=client.assignment_on_file,
        diagnoses=[dx.code.replace(".", "").upper() for dx in bill.diagnoses][:MAX_DIAGNOSES],
        prior_authorization=claim_text(prior_authorization),
        lines=claim_lines(bill, fees, npi),
        tax_id=digits(p.tax_id), tax_id_kind=p.tax_id_kind or "EIN",
        account_number=str(client.id or ""),
        signer=claim_text(p.signer_line().replace(",", "")), signed_on=signed_on,
        facility_name=claim_text(p.practice_name or p.clinician_name),
        facility_address=_claim_address(p.address),
        billing_name=claim_text(p.practice_name or p.clinician_name),
        billing_address=_claim_address(p.address), billing_phone=digits(p.phone),
        billing_npi=npi, billing_taxonomy=p.taxonomy_code.strip().upper(),
        left_out=list(bill.left_out))


def claim_pages(claim: Claim) -> list[Claim]:
    """One claim per form: six service lines each, every form totalled on its own."""
    lines = claim.lines or []
    chunks = [lines[i:i + MAX_LINES] for i in range(0, len(lines), MAX_LINES)] or [[]]
    return [replace(claim, lines=chunk) for chunk in chunks]


def claim_problems(claim: Claim, bill: Superbill) -> list[str]:
    """Each box a payer would reject, named by its number, in the order of the form."""
    missing: list[str] = []

    def need(ok: object, box: str) -> None:
        if not ok:
            missing.append(box)

    client = bill.client
    need(claim.payer, "the payer's name above box 1 (Latin letters, as on the card)")
    need(not claim.payer_address.is_empty() and claim.payer_address.street
         and claim.payer_address.city, "the payer's claims address above box 1")
    need(claim.member_id, "box 1a (the insured's ID number)")
    need(claim.patient.name, "box 2 (the patient's name in Latin letters, as on the card)"
         if client.legal_name.strip() else "box 2 (the patient's name)")
    need(claim.patient.date_of_birth, "box 3 (the patient's date of birth)")
    need(claim.patient.sex in ("F", "M"), "box 3 (the patient's sex, as on the card)")
    if client.insurance.is_dependent:
        need(claim.insured.name, "box 4 (the policy holder's name)")
        need(claim.insured.date_of_birth, "box 11a (the policy holder's date of birth)")
    need(claim.patient.address.street and claim.patient.address.city
         and claim.patient.address.state and claim.patient.address.postal_code,
         "box 5 (the patient's address: street, city, state and ZIP)")
    if client.insurance.is_dependent:
        need(claim.insured.address.street, "box 7 (the policy holder's address)")
    if not client.secondary_insurance.is_empty:
        need(claim.other_insured_name and claim.other_policy,
             "box 9 and 9a (the second plan's policy holder and policy number)")
    need(claim.release_on_file, "box 12 (the date the client signed the release of "
                                "information: signature on file)")
    need(claim.diagnoses, "box 21 (a diagnosis)")
    need(len(bill.diagnoses) <= MAX_DIAGNOSES, "box 21 (at most twelve diagnoses)")
    for line in bill.lines:
        if line.missed:
            continue
        when = date_text(line.date_of_service)
        need(line.cpt, f"box 24D (a CPT code for the session on {when})")
        need(line.pointers, f"box 24E (a diagnosis pointer for the session on {when})")
    for service in claim.lines:
        need(service.charge > 0, f"box 24F (a charge for {service.code or 'the session'} on "
                                 f"{date_text(service.day)}; set it under Billing > Fees)")
    need(claim.lines, "box 24 (an attended session in the period)")
    need(claim.billing_npi, "box 24J and 33a (the NPI)")
    if claim.billing_npi and not npi_is_valid(claim.billing_npi):
        missing.append("box 24J and 33a (a valid NPI: 10 digits with a correct check digit)")
    need(len(claim.tax_id) == 9, "box 25 (the federal tax ID: an EIN or SSN of 9 digits)")
    need(claim.signer, "box 31 (the clinician's name and credentials)")
    need(claim.facility_address.street and claim.facility_address.city,
         "box 32 (the service location's address)")
    need(claim.billing_name and claim.billing_address.street and claim.billing_address.city,
         "box 33 (the billing provider's name and address)")
    need(len(claim.billing_phone) >= 10, "box 33 (the billing provider's phone number)")
    return missing
