"""Business days: Monday to Friday, except the holidays the caller passes (the app passes the US
federal holidays, observed dates included). Deadlines counted in business days use these."""

from __future__ import annotations

from collections.abc import Container
from datetime import date, timedelta

NO_HOLIDAYS: frozenset[date] = frozenset()


def is_business_day(day: date, holidays: Container[date] = NO_HOLIDAYS) -> bool:
    return day.weekday() < 5 and day not in holidays


def add_business_days(day: date, count: int, holidays: Container[date] = NO_HOLIDAYS) -> date:
    """The ``count``-th business day after ``day`` (before it when ``count`` is negative);
    ``day`` itself is never counted, so one business day after a Friday is the Monday."""
    step = timedelta(days=1 if count >= 0 else -1)
    left = abs(count)
    while left:
        day += step
        if is_business_day(day, holidays):
            left -= 1
    return day


def business_days_between(start: date, end: date,
                          holidays: Container[date] = NO_HOLIDAYS) -> int:
    """Business days from ``start`` (counted if it is one) up to ``end`` (not counted).

    A session on Thursday booked on Monday is booked 3 business days ahead (Mon, Tue, Wed);
    booked on the Saturday before a Wednesday, 2 (Mon, Tue).
    """
    if end <= start:
        return 0
    count, day = 0, start
    while day < end:
        if is_business_day(day, holidays):
            count += 1
        day += timedelta(days=1)
    return count
