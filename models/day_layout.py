"""Side by side: which lane each of a day's overlapping appointments takes in a calendar column.

Appointments that overlap (directly or through a chain) form a cluster; each takes the first
lane free at its start, and every member of a cluster is drawn 1/lanes of the column wide, so
two sessions booked at the same time sit next to each other instead of on top of each other.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Placed:
    index: int  # position in the list given to lay_out
    lane: int
    lanes: int  # lanes of its cluster


def lay_out(spans: Sequence[tuple[datetime, datetime]]) -> list[Placed]:
    """Lanes for ``spans`` (start, end); the result is in the order given."""
    order = sorted(range(len(spans)), key=lambda i: (spans[i][0], spans[i][1]))
    placed: dict[int, tuple[int, int]] = {}  # index -> (lane, cluster number)
    cluster_lanes: list[int] = []
    lane_ends: list[datetime] = []  # per lane, when its last appointment ends
    cluster_end: datetime | None = None
    for i in order:
        start, end = spans[i]
        if cluster_end is None or start >= cluster_end:  # nothing running: a new cluster
            cluster_lanes.append(0)
            lane_ends = []
            cluster_end = end
        lane = next((n for n, busy_until in enumerate(lane_ends) if busy_until <= start),
                    len(lane_ends))
        if lane == len(lane_ends):
            lane_ends.append(end)
        else:
            lane_ends[lane] = end
        cluster_end = max(cluster_end, end)
        cluster_lanes[-1] = max(cluster_lanes[-1], lane + 1)
        placed[i] = (lane, len(cluster_lanes) - 1)
    return [Placed(i, placed[i][0], cluster_lanes[placed[i][1]]) for i in range(len(spans))]
