"""What a measure's chart shows, as plain data: the totals over time, the severity bands, the
session dates and the change markers. The window draws it (ui/measures/chart.py) and so does
every PDF, from the same data."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from models.common import date_text
from models.measures.change import ChangeKind, ChangeMarker, change_markers
from models.measures.instrument import Band, Instrument


@dataclass(frozen=True)
class ChartPoint:
    day: date
    total: int
    prorated: bool = False


@dataclass(frozen=True)
class MeasureChart:
    instrument: str  # key
    name: str  # "PHQ-9"
    points: tuple[ChartPoint, ...]  # oldest first, one per administration with a total
    bands: tuple[Band, ...]
    y_max: int
    sessions: tuple[date, ...] = ()  # attended sessions in the charted span
    markers: tuple[ChangeMarker, ...] = ()
    cutoff: int | None = None  # the clinical cutoff line, where the measure has one
    attribution: str = ""

    @property
    def first_day(self) -> date | None:
        return self.points[0].day if self.points else None

    @property
    def last_day(self) -> date | None:
        return self.points[-1].day if self.points else None

    def summary(self) -> str:
        """One line that says where the course went: "PHQ-9: 17 on 09/02/2026 → 9 on ..."."""
        if not self.points:
            return f"{self.name}: no scores yet."
        first, last = self.points[0], self.points[-1]
        if len(self.points) == 1:
            return f"{self.name}: {first.total} on {date_text(first.day)} (one score)."
        latest = self.markers[-1].kind if self.markers else ChangeKind.NONE
        change = f" ({latest.value})" if self.markers else ""
        return (f"{self.name}: {first.total} on {date_text(first.day)} → {last.total} on "
                f"{date_text(last.day)}{change}.")


def chart_of(instrument: Instrument, scores: Sequence[tuple[date, int, bool]],
             sessions: Sequence[date] = ()) -> MeasureChart:
    """The chart of ``scores`` (day, total, prorated), in any order, with the session days
    that fall within their span."""
    points = tuple(ChartPoint(d, t, p) for d, t, p in sorted(scores, key=lambda s: s[0]))
    span = (points[0].day, points[-1].day) if points else None
    days = tuple(sorted({d for d in sessions if span and span[0] <= d <= span[1]}))
    markers = tuple(change_markers(instrument, [(p.day, p.total) for p in points]))
    return MeasureChart(instrument=instrument.key, name=instrument.name, points=points,
                        bands=instrument.bands, y_max=instrument.max_total, sessions=days,
                        markers=markers, cutoff=instrument.change.clinical_cutoff,
                        attribution=instrument.attribution)
