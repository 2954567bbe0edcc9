"""The days that are not business days for Good Faith Estimate deadlines: US federal holidays.

45 CFR 149.610 counts its deadlines in business days without defining them; Stillnote reads
them as Monday to Friday except the federal legal public holidays (5 U.S.C. 6103), on the days
they are observed (a Saturday holiday on the Friday before, a Sunday one on the Monday after),
as federal rules that do define the term (45 CFR 30.2) do. The holiday list comes from the
``holidays`` package.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any


@lru_cache(maxsize=8)
def _federal_holidays(first_year: int, last_year: int) -> frozenset[date]:
    # Imported on first use for start-up time: the package loads every country's rules
    # (about 0.25 s), and only a Good Faith Estimate deadline needs them.
    from holidays.countries.united_states import UnitedStates

    calendar: Any = UnitedStates  # the package is untyped
    return frozenset(calendar(years=range(first_year, last_year + 1), observed=True))


def federal_holidays(around: date) -> frozenset[date]:
    """Federal holidays (observed dates) from the year before ``around`` to two years after:
    enough for any deadline counted from a booking or back from a session."""
    return _federal_holidays(around.year - 1, around.year + 2)
