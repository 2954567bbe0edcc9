"""Good Faith Estimates as issued: added, read back, never changed (the table's triggers refuse
an UPDATE or DELETE; a changed estimate is a new one)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from models.good_faith import GoodFaithEstimate
from storage.codec import from_json, money_text, to_json
from storage.repositories.base import Repository

_SELECT = "SELECT id, estimate FROM good_faith_estimates"


def _estimate(row: Any) -> GoodFaithEstimate:
    return GoodFaithEstimate.from_dict(from_json(row[1], {}), estimate_id=int(row[0]))


class EstimateRepository(Repository):
    entity = "good_faith_estimate"

    def add(self, estimate: GoodFaithEstimate) -> GoodFaithEstimate:
        """Store an estimate as issued; an ``id`` already set is kept (practice import)."""
        with self._db.transaction() as conn:
            cur = conn.execute(
                "INSERT INTO good_faith_estimates (id, client_id, issued_on, period_end, total, "
                "estimate) VALUES (?, ?, ?, ?, ?, ?)",
                (estimate.id, estimate.client_id, estimate.issued_on.isoformat(),
                 estimate.period_end.isoformat(), money_text(estimate.total),
                 to_json(estimate.to_dict())))
            stored = replace(estimate, id=int(cur.lastrowid or 0))
            self._audit("create", stored.id, f"client {estimate.client_id}")
        return stored

    def get(self, estimate_id: int) -> GoodFaithEstimate:
        return _estimate(self._row(_SELECT + " WHERE id = ?", (estimate_id,),
                                   "The Good Faith Estimate"))

    def for_client(self, client_id: int) -> list[GoodFaithEstimate]:
        """The client's estimates, oldest first."""
        rows = self._db.query(_SELECT + " WHERE client_id = ? ORDER BY issued_on, id",
                              (client_id,))
        return [_estimate(r) for r in rows]

    def latest_by_client(self) -> dict[int, GoodFaithEstimate]:
        """Each client's newest estimate (Today asks for every self-pay client at once)."""
        rows = self._db.query(
            _SELECT + " g WHERE id = (SELECT id FROM good_faith_estimates h WHERE "
            "h.client_id = g.client_id ORDER BY issued_on DESC, id DESC LIMIT 1)")
        found = [_estimate(r) for r in rows]
        return {e.client_id: e for e in found}

    def all(self) -> list[GoodFaithEstimate]:
        return [_estimate(r) for r in self._db.query(_SELECT + " ORDER BY id")]
