"""Superbills for every client with billable sessions in a month, into one folder."""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from app.billing.exports import export_superbill
from app.billing.fees import fee_policy
from models.billing import is_billable
from models.common import day_bounds
from models.errors import MissingBillingData

if TYPE_CHECKING:
    from storage.vault import Vault


@dataclass
class BatchResult:
    written: list[Path] = field(default_factory=list)
    # client id -> what an insurer would reject; those superbills were not written
    refused: dict[int, list[str]] = field(default_factory=dict)


def month_range(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def clients_with_sessions(vault: Vault, year: int, month: int) -> list[int]:
    """Ids of clients with at least one billable session in the month, in client-id order."""
    start, end = month_range(year, month)
    lo, hi = day_bounds(start, end, vault.practice.get().zone)
    policy = fee_policy(vault)
    return sorted({a.client_id for a in vault.appointments.between(lo, hi)
                   if is_billable(a, policy)})


def superbill_file_name(client_id: int, year: int, month: int) -> str:
    # The id, not the name: the folder listing itself should not disclose who is in care.
    return f"superbill-{year}-{month:02d}-client-{client_id}.pdf"


def batch_superbills(vault: Vault, year: int, month: int, folder: Path) -> BatchResult:
    """Write one superbill per client; a client with missing data is reported, not skipped
    silently, and does not stop the others."""
    start, end = month_range(year, month)
    result = BatchResult()
    folder = Path(folder)
    for client_id in clients_with_sessions(vault, year, month):
        out = folder / superbill_file_name(client_id, year, month)
        try:
            export_superbill(vault, client_id, start, end, out)
        except MissingBillingData as exc:
            result.refused[client_id] = exc.missing
            continue
        result.written.append(out)
    return result
