"""A month's billing into one folder: a superbill for each insured client, a statement for each
self-pay client, and every skip named with its reason.

Sessions whose note is not signed are left out by default (and each is named as a skip); the
therapist may choose to bill them. A client whose document cannot be made (missing data) does
not stop the others. A problem with the folder or the disk stops the batch: that is an error,
not a skip. File names carry the client's id, never the name.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from app.billing.exports import export_superbill
from app.billing.fees import fee_policy
from app.billing.statements import export_statement
from app.billing.unsigned import UnsignedChoice, unsigned_sessions
from models.billing import is_billable
from models.common import date_text, day_bounds
from models.errors import InvalidInput, MissingBillingData

if TYPE_CHECKING:
    from storage.vault import Vault


@dataclass(frozen=True)
class Skip:
    """Something the batch did not do, in one plain sentence without the client's name."""

    client_id: int
    document: str  # "superbill" or "statement"
    reason: str


@dataclass
class BatchResult:
    written: list[Path] = field(default_factory=list)
    skipped: list[Skip] = field(default_factory=list)  # documents not made
    left_out: list[Skip] = field(default_factory=list)  # sessions left out of a document

    @property
    def superbills(self) -> int:
        return sum(1 for p in self.written if p.name.startswith("superbill-"))

    @property
    def statements(self) -> int:
        return sum(1 for p in self.written if p.name.startswith("statement-"))


def month_range(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def clients_with_sessions(vault: Vault, year: int, month: int) -> list[int]:
    """Ids of clients with at least one billable session in the month, in client-id order."""
    start, end = month_range(year, month)
    lo, hi = day_bounds(start, end, vault.practice.get().zone)
    policy = fee_policy(vault)
    return sorted({a.client_id for a in vault.appointments.between(lo, hi)
                   if is_billable(a, policy)})


def document_file_name(document: str, client_id: int, year: int, month: int) -> str:
    # The id, not the name: the folder listing itself should not disclose who is in care.
    return f"{document}-{year}-{month:02d}-client-{client_id}.pdf"


def batch_month(vault: Vault, year: int, month: int, folder: Path,
                unsigned: UnsignedChoice = UnsignedChoice.LEAVE_OUT) -> BatchResult:
    """Write the month's superbills and statements into ``folder``; see the module doc."""
    start, end = month_range(year, month)
    result = BatchResult()
    folder = Path(folder)
    for client_id in clients_with_sessions(vault, year, month):
        client = vault.clients.get(client_id)
        document = "statement" if client.is_self_pay else "superbill"
        out = folder / document_file_name(document, client_id, year, month)
        try:
            if client.is_self_pay:
                left_out = export_statement(vault, client_id, start, end, out,
                                            unsigned=unsigned).left_out
            else:
                left_out = export_superbill(vault, client_id, start, end, out,
                                            unsigned=unsigned).left_out
        except MissingBillingData as exc:
            result.skipped.append(Skip(client_id, document,
                                       "not made, missing: " + "; ".join(exc.missing)))
            continue
        except InvalidInput as exc:
            result.skipped.append(Skip(client_id, document,
                                       _nothing_to_bill(vault, client_id, start, end, exc)))
            continue
        result.written.append(out)
        result.left_out += [Skip(client_id, document, f"the session on {date_text(day)} was "
                                                      "left out: its note is not signed")
                            for day in left_out]
    return result


def _nothing_to_bill(vault: Vault, client_id: int, start: date, end: date,
                     exc: InvalidInput) -> str:
    """Why a client with sessions got no document: all their notes unsigned, or ``exc``."""
    zone = vault.practice.get().zone
    lo, hi = day_bounds(start, end, zone)
    unsigned = unsigned_sessions(vault, client_id, vault.appointments.between(lo, hi, client_id))
    if unsigned:
        days = ", ".join(date_text(a.start.astimezone(zone).date()) for a in unsigned)
        return f"not made: no session of the month has a signed note ({days})"
    return f"not made: {exc}"
