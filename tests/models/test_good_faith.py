"""Good Faith Estimate rules (45 CFR 149.610): the deadlines in business days, weekends and
holidays, and when expected charges or the 12 months call for a new estimate."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from models.common import Address
from models.good_faith import (
    ExpectedSession,
    GfeItem,
    GfeProvider,
    GfeReason,
    GoodFaithEstimate,
    describe_course,
    estimate_due,
    estimate_items,
    first_estimate_deadline,
    period_end_for,
    uncovered,
)

NONE: frozenset[date] = frozenset()
FEE = Decimal("150.00")
MONDAY = date(2026, 3, 2)


def session(day: date, booked: date = MONDAY, code: str = "90834", fee: Decimal = FEE,
            upcoming: bool = True, appointment_id: int = 1) -> ExpectedSession:
    return ExpectedSession(appointment_id, day, code, "Psychotherapy, 45 minutes", fee, booked,
                           upcoming=upcoming, service="Individual psychotherapy")


def estimate(issued: date, items: list[GfeItem]) -> GoodFaithEstimate:
    return GoodFaithEstimate(
        client_id=7, client_name="Ana Lima", client_date_of_birth=date(1990, 4, 2),
        issued_on=issued, period_start=issued, period_end=period_end_for(issued),
        service_description="", items=items, diagnoses=[],
        provider=GfeProvider("Dana Reyes, LCSW", "Quiet Harbor", "1234567893", "12-3456789",
                             Address("1 Main St", "Springfield", "IL", "62701")))


@pytest.mark.parametrize(("booked", "session_on", "deadline"), [
    # 3 to 9 business days ahead: within 1 business day of booking
    (date(2026, 3, 2), date(2026, 3, 5), date(2026, 3, 3)),  # Mon for Thu: exactly 3
    (date(2026, 3, 6), date(2026, 3, 12), date(2026, 3, 9)),  # booked Friday: due Monday
    (date(2026, 3, 7), date(2026, 3, 12), date(2026, 3, 9)),  # booked Saturday: due Monday
    (date(2026, 3, 2), date(2026, 3, 13), date(2026, 3, 3)),  # 9 business days ahead
    # 10 or more business days ahead: within 3 business days of booking
    (date(2026, 3, 2), date(2026, 3, 16), date(2026, 3, 5)),  # exactly 10
    (date(2026, 3, 5), date(2026, 4, 30), date(2026, 3, 10)),  # Thu + 3 skips the weekend
    (date(2026, 3, 8), date(2026, 4, 30), date(2026, 3, 11)),  # booked Sunday
])
def test_deadlines_count_business_days(booked: date, session_on: date, deadline: date) -> None:
    assert first_estimate_deadline(booked, session_on, NONE) == deadline


def test_fewer_than_three_business_days_ahead_has_no_deadline() -> None:
    assert first_estimate_deadline(date(2026, 3, 2), date(2026, 3, 4), NONE) is None
    # Friday for Tuesday: Friday and Monday only
    assert first_estimate_deadline(date(2026, 3, 6), date(2026, 3, 10), NONE) is None


def test_a_federal_holiday_is_not_a_business_day() -> None:
    observed = frozenset({date(2026, 7, 3)})  # Independence Day observed
    # Booked Thursday July 2 for Wednesday July 8: Thu, Mon, Tue = 3 ahead (Friday is off)
    assert first_estimate_deadline(date(2026, 7, 2), date(2026, 7, 8), observed) == \
        date(2026, 7, 6)
    # The same booking without the holiday: Thu, Fri, Mon, Tue = 4 ahead, due Friday
    assert first_estimate_deadline(date(2026, 7, 2), date(2026, 7, 8), NONE) == date(2026, 7, 3)
    # Booked Wednesday July 1 for Thursday July 9: 5 ahead with the holiday; due Thursday
    assert first_estimate_deadline(date(2026, 7, 1), date(2026, 7, 9), observed) == \
        date(2026, 7, 2)


def test_a_first_booking_makes_an_estimate_due() -> None:
    sessions = [session(date(2026, 3, 16)), session(date(2026, 3, 23), appointment_id=2)]
    due = estimate_due(7, sessions, None, date(2026, 3, 2), NONE)
    assert due is not None and due.reason is GfeReason.FIRST
    assert (due.session_on, due.booked_on, due.deadline) == (
        date(2026, 3, 16), MONDAY, date(2026, 3, 5))
    assert "due by 03/05/2026" in due.message(date(2026, 3, 2))
    assert due.is_overdue(date(2026, 3, 6))
    assert "was due by 03/05/2026" in due.message(date(2026, 3, 6))
    assert estimate_due(7, [], None, date(2026, 3, 2), NONE) is None


def test_an_estimate_that_covers_the_sessions_leaves_nothing_due() -> None:
    sessions = [session(date(2026, 3, 9) + timedelta(weeks=i), appointment_id=i)
                for i in range(4)]
    gfe = estimate(MONDAY, estimate_items(sessions))
    assert estimate_due(7, sessions, gfe, date(2026, 3, 2), NONE) is None
    # sessions held since still count against the estimate, not as new ones
    held = [session(s.day, upcoming=s.day >= date(2026, 3, 20), appointment_id=s.appointment_id)
            for s in sessions]
    assert estimate_due(7, held, gfe, date(2026, 3, 20), NONE) is None
    # fewer sessions than estimated (a cancellation) need no new estimate
    assert estimate_due(7, sessions[:2], gfe, date(2026, 3, 2), NONE) is None


def test_changed_charges_call_for_a_new_estimate_a_business_day_before() -> None:
    sessions = [session(date(2026, 3, 9)), session(date(2026, 3, 16), appointment_id=2)]
    gfe = estimate(MONDAY, estimate_items(sessions))
    higher = [sessions[0], session(date(2026, 3, 16), fee=Decimal("180.00"), appointment_id=2)]
    due = estimate_due(7, higher, gfe, date(2026, 3, 4), NONE)
    assert due is not None and due.reason is GfeReason.CHANGED
    assert (due.session_on, due.deadline) == (date(2026, 3, 16), date(2026, 3, 13))
    longer = [*sessions, session(date(2026, 3, 23), code="90837", appointment_id=3)]
    assert estimate_due(7, longer, gfe, date(2026, 3, 4), NONE).reason is GfeReason.CHANGED
    more = [*sessions, session(date(2026, 3, 23), appointment_id=3)]
    assert estimate_due(7, more, gfe, date(2026, 3, 4), NONE).session_on == date(2026, 3, 9)


def test_recurring_care_needs_a_new_estimate_after_twelve_months() -> None:
    issued = date(2026, 3, 2)
    weekly = [session(issued + timedelta(weeks=i), appointment_id=i) for i in range(60)]
    covered = [s for s in weekly if s.day <= period_end_for(issued)]
    gfe = estimate(issued, estimate_items(covered))
    early = estimate_due(7, weekly, gfe, issued, NONE)
    assert early is not None and early.warn_from > issued  # known, but Today waits to remind
    due = estimate_due(7, weekly, gfe, date(2027, 2, 20), NONE)
    assert due is not None and due.reason is GfeReason.RENEWAL
    first_after = min(s.day for s in weekly if s.day > gfe.period_end)
    assert due.session_on == first_after and due.deadline == first_after - timedelta(days=3)
    assert due.warn_from <= date(2027, 2, 20) < due.deadline


def test_period_is_twelve_months_less_a_day_even_from_a_leap_day() -> None:
    assert period_end_for(date(2026, 3, 2)) == date(2027, 3, 1)
    assert period_end_for(date(2028, 2, 29)) == date(2029, 2, 28)


def test_uncovered_and_items() -> None:
    items = estimate_items([session(date(2026, 3, 9)), session(date(2026, 3, 16)),
                            session(date(2026, 3, 2), code="90791", fee=Decimal("200"))])
    assert [(i.code, i.quantity, i.total) for i in items] == [
        ("90791", 1, Decimal("200")), ("90834", 2, Decimal("300.00"))]
    assert uncovered(items, items) == []
    assert uncovered(items[:1], items) == [items[1]]


def test_the_course_in_plain_words() -> None:
    weekly = [session(date(2026, 3, 9) + timedelta(weeks=i)) for i in range(4)]
    intake = ExpectedSession(9, date(2026, 3, 2), "90791", "Psychiatric diagnostic evaluation",
                             Decimal("200"), MONDAY, minutes=60,
                             service="Intake assessment (diagnostic evaluation)")
    text = describe_course([*weekly, intake])
    assert text == ("Intake assessment (diagnostic evaluation) (90791), one 60-minute session "
                    "on 03/02/2026; then Individual psychotherapy (90834), 50-minute sessions "
                    "weekly from 03/09/2026 (4 sessions).")
    biweekly = [session(date(2026, 3, 9) + timedelta(weeks=2 * i)) for i in range(3)]
    assert "every two weeks" in describe_course(biweekly)


def test_an_estimate_round_trips_as_stored() -> None:
    gfe = estimate(MONDAY, [GfeItem("90834", "Psychotherapy, 45 minutes", 3, FEE)])
    gfe.diagnoses = [("F41.1", "Generalized anxiety disorder")]
    again = GoodFaithEstimate.from_dict(gfe.to_dict(), estimate_id=4)
    assert again.id == 4 and again.to_dict() == gfe.to_dict() and again.total == Decimal("450.00")
