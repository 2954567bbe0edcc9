"""Business days: weekends and the holidays given are not counted."""

from __future__ import annotations

from datetime import date

from models.business_days import add_business_days, business_days_between, is_business_day

JULY_3_2026 = date(2026, 7, 3)  # Friday: Independence Day observed (July 4 is a Saturday)


def test_weekends_are_not_business_days() -> None:
    assert is_business_day(date(2026, 3, 6))  # Friday
    assert not is_business_day(date(2026, 3, 7))  # Saturday
    assert not is_business_day(date(2026, 3, 8))  # Sunday
    assert not is_business_day(JULY_3_2026, {JULY_3_2026})


def test_one_business_day_after_a_friday_or_a_weekend_is_the_monday() -> None:
    monday = date(2026, 3, 9)
    assert add_business_days(date(2026, 3, 6), 1) == monday
    assert add_business_days(date(2026, 3, 7), 1) == monday
    assert add_business_days(date(2026, 3, 8), 1) == monday
    assert add_business_days(date(2026, 3, 6), 3) == date(2026, 3, 11)


def test_counting_back_skips_weekends_and_holidays() -> None:
    assert add_business_days(date(2026, 3, 9), -1) == date(2026, 3, 6)  # Monday -> Friday
    assert add_business_days(date(2026, 7, 6), -1, {JULY_3_2026}) == date(2026, 7, 2)


def test_a_holiday_moves_a_deadline_to_the_next_business_day() -> None:
    assert add_business_days(date(2026, 7, 2), 1) == JULY_3_2026
    assert add_business_days(date(2026, 7, 2), 1, {JULY_3_2026}) == date(2026, 7, 6)


def test_business_days_between_counts_the_start_not_the_end() -> None:
    assert business_days_between(date(2026, 3, 9), date(2026, 3, 12)) == 3  # Mon -> Thu
    assert business_days_between(date(2026, 3, 7), date(2026, 3, 11)) == 2  # Sat -> Wed
    assert business_days_between(date(2026, 3, 9), date(2026, 3, 23)) == 10
    assert business_days_between(date(2026, 3, 12), date(2026, 3, 9)) == 0
    assert business_days_between(date(2026, 6, 29), date(2026, 7, 6), {JULY_3_2026}) == 4
