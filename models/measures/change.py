"""Change over a course of scores: reliable and clinically significant change from baseline.

All measures here score higher when worse. A change is reliable when it reaches the
instrument's reliable-change points; an improvement is clinically significant when it is also
reliable and ends below the clinical cutoff from at or above it (Jacobson and Truax's two
criteria), or reaches the instrument's clinically significant points where it defines those.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from models.measures.instrument import Instrument


class ChangeKind(StrEnum):
    NONE = "no reliable change"
    IMPROVED = "reliable improvement"
    SIGNIFICANT = "clinically significant improvement"
    DETERIORATED = "reliable deterioration"


@dataclass(frozen=True)
class ChangeMarker:
    """Where a course first reached a new kind of change from its baseline."""

    day: date
    total: int
    kind: ChangeKind


def change_from(instrument: Instrument, baseline: int, current: int) -> ChangeKind | None:
    """The kind of change from ``baseline`` to ``current``; None if the measure defines none."""
    criteria = instrument.change
    if criteria.reliable_change is None:
        return None
    delta = current - baseline
    if delta <= -criteria.reliable_change:
        cutoff, points = criteria.clinical_cutoff, criteria.clinically_significant_points
        crossed = cutoff is not None and baseline >= cutoff > current
        if crossed or (points is not None and -delta >= points):
            return ChangeKind.SIGNIFICANT
        return ChangeKind.IMPROVED
    if delta >= criteria.reliable_change:
        return ChangeKind.DETERIORATED
    return ChangeKind.NONE


def change_markers(instrument: Instrument,
                   course: Sequence[tuple[date, int]]) -> list[ChangeMarker]:
    """Where the change from the first score (the baseline) first became a reliable
    improvement, a clinically significant one, a reliable deterioration, and where it first
    fell back within measurement error after an improvement: at most one marker of each kind,
    so a course that wavers around a threshold does not bury the chart in markers. None for a
    measure without change criteria."""
    if len(course) < 2 or instrument.change.reliable_change is None:
        return []
    baseline = course[0][1]
    markers: list[ChangeMarker] = []
    seen: set[ChangeKind] = set()
    improved = False
    for day, total in course[1:]:
        kind = change_from(instrument, baseline, total) or ChangeKind.NONE
        if kind is ChangeKind.NONE and not improved:
            continue
        improved = improved or kind in (ChangeKind.IMPROVED, ChangeKind.SIGNIFICANT)
        if kind not in seen:
            seen.add(kind)
            markers.append(ChangeMarker(day, total, kind))
    return markers


def direction_word(previous: int, current: int) -> str:
    """"down", "up" or "unchanged": how a total moved since the last one."""
    if current < previous:
        return "down"
    if current > previous:
        return "up"
    return "unchanged"
