"""Superbill export: gather, check what an insurer would reject, render, record in the audit."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from app.billing.readiness import require_ready
from app.billing.superbill import Superbill, superbill_for
from app.billing.unsigned import UnsignedChoice
from app.pdf.superbill_pdf import render_superbill

if TYPE_CHECKING:
    from storage.vault import Vault


def export_superbill(vault: Vault, client_id: int, start: date, end: date, out: Path,
                     *, issued_on: date | None = None,
                     unsigned: UnsignedChoice = UnsignedChoice.ASK) -> Superbill:
    """Write one client's superbill for ``start``..``end`` to ``out``.

    Raises UnsignedSessions (unless ``unsigned`` says what to do with sessions whose note is
    not signed), then MissingBillingData (listing each gap), before any file is written.
    """
    bill = superbill_for(vault, client_id, start, end, issued_on=issued_on, unsigned=unsigned)
    require_ready(bill)
    render_superbill(bill, Path(out))
    vault.audit.record("export", "superbill", client_id,
                       f"{start.isoformat()}..{end.isoformat()} lines={len(bill.lines)}")
    return bill
