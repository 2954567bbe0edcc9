"""The practice's fees: per CPT code, what a late cancellation or a no-show costs, what a new
appointment's fee starts at, and the fee schedule step a fresh practice is led to."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from models.appointment import AppointmentStatus, Service
from models.billing import (
    CPT_DESCRIPTIONS,
    FAMILY_WITH_CLIENT,
    FAMILY_WITHOUT_CLIENT,
    GROUP,
    INTAKE,
    INTERACTIVE_COMPLEXITY,
    PSYCHOTHERAPY_30,
    PSYCHOTHERAPY_45,
    PSYCHOTHERAPY_60,
    FeePolicy,
    FeeQuote,
    coded_service,
    missed_session_fee,
    money,
    quote_fee,
    session_fee,
)
from models.errors import InvalidInput

if TYPE_CHECKING:
    from storage.vault import Vault

FEE_POLICY_KEY = "billing.fee_policy"


def fee_policy(vault: Vault) -> FeePolicy:
    return FeePolicy.from_json(vault.settings.get(FEE_POLICY_KEY, None))


def save_fee_policy(vault: Vault, policy: FeePolicy) -> None:
    vault.settings.set(FEE_POLICY_KEY, policy.to_json())


def fee_schedule(vault: Vault) -> dict[str, Decimal]:
    """The fee per CPT code (codes without a fee are absent)."""
    return dict(vault.billing.fees.get_all())


def save_fees(vault: Vault, fees: dict[str, Decimal], policy: FeePolicy) -> None:
    """The fees as edited (only changed ones are written) and the policy, in one transaction."""
    current = vault.billing.fees.get_all()
    with vault.transaction():
        for code, fee in fees.items():
            if current.get(code) != fee:
                vault.billing.fees.set(code, fee)
        save_fee_policy(vault, policy)


# --- what a session costs ---------------------------------------------------------------------

def fee_quote(vault: Vault, client_id: int | None, service: Service | str, minutes: int,
              *, crisis: bool = False) -> FeeQuote:
    """The fee an appointment of ``service`` and ``minutes`` starts with: the client's sliding
    scale fee, else the fee schedule's fee for the suggested CPT code (editable; never copied
    from another appointment)."""
    sliding = vault.clients.get(client_id).sliding_fee if client_id is not None else Decimal(0)
    return quote_fee(service, minutes, vault.billing.fees.get_all(), sliding, crisis=crisis)


def session_fees(vault: Vault, client_id: int) -> dict[int, Decimal]:
    """Appointment id -> what the session costs (its own fee, the sliding scale or the
    schedule), for the client's page; missed sessions show the policy's fee."""
    fees = vault.billing.fees.get_all()
    policy = fee_policy(vault)
    sliding = vault.clients.get(client_id).sliding_fee
    result: dict[int, Decimal] = {}
    for appt in vault.appointments.for_client(client_id):
        if appt.id is None:
            continue
        missed = missed_session_fee(appt.status, policy)
        result[appt.id] = (missed if appt.status in (AppointmentStatus.NO_SHOW,
                                                     AppointmentStatus.LATE_CANCEL)
                           else session_fee(appt, coded_service(appt), fees, sliding))
    return result


# --- the fee schedule step of a fresh practice ---------------------------------------------------

# The rows a new practice is asked to fill: what a solo psychotherapy practice bills most.
SETUP_FEE_CODES: tuple[str, ...] = (INTAKE, PSYCHOTHERAPY_30, PSYCHOTHERAPY_45, PSYCHOTHERAPY_60,
                                    FAMILY_WITHOUT_CLIENT, FAMILY_WITH_CLIENT, GROUP,
                                    INTERACTIVE_COMPLEXITY)


def needs_fee_schedule(vault: Vault) -> bool:
    """True while the practice has no fee above zero: the fee schedule step should be offered."""
    return not any(fee > 0 for fee in vault.billing.fees.get_all().values())


def save_fee_schedule(vault: Vault, fees: dict[str, Decimal]) -> dict[str, Decimal]:
    """The fees entered in the setup step (blank rows left out), in one transaction."""
    for code, fee in fees.items():
        if code not in CPT_DESCRIPTIONS:
            raise InvalidInput(f"{code} is not a code Stillnote bills.")
        if fee < 0:
            raise InvalidInput(f"The fee for {code} is below zero.")
    with vault.transaction():
        for code, fee in fees.items():
            vault.billing.fees.set(code, money(fee))
    return fee_schedule(vault)
