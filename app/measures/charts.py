"""A client's measures as chart data (models.measures.chart): totals, bands, sessions, markers."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from app.measures.catalog import instrument as instrument_named
from app.measures.catalog import instruments
from models.measures.chart import MeasureChart, chart_of
from models.measures.scoring import is_prorated

if TYPE_CHECKING:
    from storage.vault import Vault


def session_days(vault: Vault, client_id: int) -> list[date]:
    """The client's attended sessions, as dates where the practice is."""
    zone = vault.practice.get().zone
    return [start.astimezone(zone).date() for start in vault.measures.session_starts(client_id)]


def chart_for(vault: Vault, client_id: int, instrument: str,
              sessions: list[date] | None = None) -> MeasureChart:
    """One measure's course for the client (administrations without a total are left out)."""
    measure = instrument_named(instrument)
    points = [(r.taken_on, r.total, is_prorated(measure, r.answers))
              for r in vault.measures.for_client(client_id, measure.key) if r.total is not None]
    days = session_days(vault, client_id) if sessions is None else sessions
    return chart_of(measure, points, days)


def charts_of_client(vault: Vault, client_id: int) -> list[MeasureChart]:
    """A chart for every measure the client has a total for, in the catalog's order."""
    given = {r.instrument for r in vault.measures.for_client(client_id) if r.total is not None}
    days = session_days(vault, client_id)
    return [chart_for(vault, client_id, m.key, days) for m in instruments() if m.key in given]
