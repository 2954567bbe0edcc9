"""The demo practice's client details (issue 13): an emergency contact, a preferred way to be
reached and who referred them, for most demo clients, so the client page shows them filled.
Called once from app.demo.build_demo_practice, inside its transaction."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from models.client import ContactMethod, EmergencyContact

if TYPE_CHECKING:
    from storage.vault import Vault

_CONTACTS = (("Jordan Kim", "partner"), ("Ruth Okafor", "mother"), ("Sam Liu", "friend"),
             ("Ana Marquez", "sister"), ("Chris Becker", "spouse"))
_METHODS = (ContactMethod.TEXT, ContactMethod.EMAIL, ContactMethod.PHONE)
_REFERRALS = ("Dr. Amara Lee (primary care)", "Psychology Today", "a former client",
              "Cayuga Medical Center", "")


def add_demo_client_details(vault: Vault) -> int:
    """Fill in the details of every demo client but each fourth; returns how many."""
    filled = 0
    for index, client in enumerate(vault.clients.list()):
        if index % 4 == 3:
            continue  # some clients gave none: the page shows that too
        name, relationship = _CONTACTS[index % len(_CONTACTS)]
        vault.clients.update(replace(
            client,
            emergency_contact=EmergencyContact(name, relationship, f"555-02{index + 10:02d}"),
            contact_method=str(_METHODS[index % len(_METHODS)]),
            referral_source=_REFERRALS[index % len(_REFERRALS)]))
        filled += 1
    return filled
