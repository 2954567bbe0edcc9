"""CMS-1500 (02/12) claims from the vault: gather the superbill's data and the prior
authorization, check every box (app/billing/claim_form.py), and draw the form(s)
(app/pdf/cms1500_pdf.py), on blank paper or onto the red pre-printed form."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from app.billing.claim_form import Claim, build_claim, claim_pages, claim_problems
from app.billing.superbill import Superbill, superbill_for
from app.billing.unsigned import UnsignedChoice
from app.pdf.cms1500_pdf import Alignment, render_claim
from models.errors import InvalidInput, MissingBillingData

if TYPE_CHECKING:
    from storage.vault import Vault

DOCUMENT = "The claim form (CMS-1500)"


def prior_authorization_for(vault: Vault, client_id: int, start: date, end: date) -> str:
    """The number of the authorization covering the claim's dates (box 23), if any."""
    for auth in vault.billing.authorizations.for_client(client_id):
        if auth.start <= end and start <= auth.end and auth.number:
            return auth.number
    return ""


def claim_for(vault: Vault, client_id: int, start: date, end: date, *,
              signed_on: date | None = None,
              unsigned: UnsignedChoice = UnsignedChoice.ASK) -> tuple[Claim, Superbill]:
    client = vault.clients.get(client_id)
    if client.is_self_pay:
        raise InvalidInput("This client is self-pay, so there is no claim to file; make a "
                           "statement instead.")
    bill = superbill_for(vault, client_id, start, end, issued_on=signed_on, unsigned=unsigned)
    claim = build_claim(bill, vault.billing.fees.get_all(),
                        prior_authorization_for(vault, client_id, start, end),
                        signed_on or date.today())
    return claim, bill


def export_claim(vault: Vault, client_id: int, start: date, end: date, out: Path, *,
                 data_only: bool = False, alignment: Alignment | None = None,
                 signed_on: date | None = None,
                 unsigned: UnsignedChoice = UnsignedChoice.ASK) -> list[Claim]:
    """Write the client's CMS-1500 form(s) for ``start``..``end`` into one PDF.

    ``data_only`` prints only the values, for the red pre-printed form (shifted by
    ``alignment``); otherwise the form itself is drawn too, on blank paper. The pre-flight
    raises MissingBillingData naming each missing box before any file is written.
    """
    claim, bill = claim_for(vault, client_id, start, end, signed_on=signed_on,
                            unsigned=unsigned)
    missing = claim_problems(claim, bill)
    if missing:
        raise MissingBillingData(missing, DOCUMENT)
    pages = claim_pages(claim)
    render_claim(pages, Path(out), data_only=data_only, alignment=alignment or Alignment())
    vault.audit.record("export", "claim", client_id,
                       f"{start.isoformat()}..{end.isoformat()} lines={len(claim.lines)} "
                       f"forms={len(pages)}")
    return pages
