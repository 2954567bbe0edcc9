"""Overlapping appointments are placed side by side, the rest take the whole column."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from models.day_layout import lay_out


def span(hour: float, minutes: int = 50) -> tuple[datetime, datetime]:
    start = datetime(2026, 3, 2, tzinfo=UTC) + timedelta(hours=hour)
    return start, start + timedelta(minutes=minutes)


def test_separate_sessions_take_the_whole_column() -> None:
    placed = lay_out([span(9), span(10), span(11)])
    assert [(p.lane, p.lanes) for p in placed] == [(0, 1), (0, 1), (0, 1)]


def test_a_double_booking_sits_side_by_side_and_the_next_hour_is_whole_again() -> None:
    placed = lay_out([span(10), span(9), span(9.5), span(12)])
    # given out of order: the result follows the order given
    assert [(p.index, p.lane, p.lanes) for p in placed] == [
        (0, 0, 2), (1, 0, 2), (2, 1, 2), (3, 0, 1)]


def test_a_chain_of_overlaps_is_one_cluster_and_reuses_free_lanes() -> None:
    placed = lay_out([span(9, 90), span(9.5), span(10.5), span(10.6)])
    lanes = {p.index: p.lane for p in placed}
    assert lanes[0] == 0 and lanes[1] == 1
    assert lanes[2] == 0  # the first lane is free again at 10:30, when the 9:00 session ends
    assert lanes[3] == 1  # and the second since 10:20
    assert {p.lanes for p in placed} == {2}


def test_back_to_back_sessions_do_not_overlap() -> None:
    placed = lay_out([span(9, 60), span(10, 60)])
    assert [(p.lane, p.lanes) for p in placed] == [(0, 1), (0, 1)]
