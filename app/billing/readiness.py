"""What an insurer would reject, named before the superbill is made rather than after.

The list never contains the client's name or any note text: it is printed on the command line
and shown in dialogs, and it names the gap, not the person.
"""

from __future__ import annotations

from app.billing.icd10 import is_billable_code
from app.billing.superbill import Superbill
from models.billing import npi_is_valid
from models.common import date_text
from models.errors import InvalidInput, MissingBillingData


def missing_billing_data(bill: Superbill) -> list[str]:
    """Each field an insurer needs that the superbill lacks, in the order of the form."""
    missing: list[str] = []
    practice, client = bill.practice, bill.client
    if not practice.practice_name.strip() and not practice.clinician_name.strip():
        missing.append("the practice name")
    if not practice.clinician_name.strip():
        missing.append("the clinician's name")
    if not practice.npi.strip():
        missing.append("the NPI")
    elif not npi_is_valid(practice.npi.strip()):
        missing.append("a valid NPI (10 digits with a correct check digit)")
    if not practice.tax_id.strip():
        missing.append("the tax ID (EIN or SSN)")
    if not practice.license_number.strip():
        missing.append("the license number")
    if practice.address.is_empty():
        missing.append("the practice address")
    if client.date_of_birth is None:
        missing.append("the client's date of birth")
    if client.address.is_empty():
        missing.append("the client's address")
    insurance = client.insurance
    if not insurance.payer.strip():
        missing.append("the insurance payer (the client is self-pay: make a statement instead)"
                       if client.is_self_pay else "the insurance payer")
    if not insurance.member_id.strip():
        missing.append("the insurance member ID")
    if insurance.is_dependent:
        if not insurance.subscriber.name.strip():
            missing.append("the policy holder's name (the client is a dependent)")
        if insurance.subscriber.date_of_birth is None:
            missing.append("the policy holder's date of birth")
    if not bill.diagnoses:
        missing.append("a diagnosis (ICD-10-CM code)")
    for dx in bill.diagnoses:
        if not is_billable_code(dx.code):
            missing.append(f"a billable ICD-10-CM code instead of {dx.code or '(blank)'}")
    for line in bill.lines:
        if not line.missed and not line.cpt:
            why = f" ({line.no_code_reason})" if line.no_code_reason else ""
            missing.append(
                f"a CPT code for the session on {date_text(line.date_of_service)}{why}")
        elif not line.missed and line.fee <= 0:
            missing.append(f"a fee for the session on {date_text(line.date_of_service)} "
                           f"(set one for {line.cpt} under Billing > Fees)")
    return missing


def require_ready(bill: Superbill) -> None:
    """Raise MissingBillingData listing every gap, or InvalidInput if nothing is billable."""
    missing = missing_billing_data(bill)
    if missing:
        raise MissingBillingData(missing)
    if not bill.lines:
        raise InvalidInput(
            f"There is no attended or billable session between {date_text(bill.start)} "
            f"and {date_text(bill.end)}.")
