"""The practice's fees: per CPT code, and what a late cancellation or a no-show costs."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from models.billing import FeePolicy

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
