"""Insurance as stored: every field round-trips; records from before a field existed read."""

from __future__ import annotations

from datetime import date

import pytest

from models.common import Address
from models.insurance import (
    BillingKind,
    Insurance,
    PlanType,
    Relationship,
    Subscriber,
    billing_kind_for,
)


def test_a_dependent_plan_round_trips() -> None:
    plan = Insurance("Lakeside Health Plan", "M1", "G1", plan_name="Lakeside PPO",
                     plan_type=PlanType.OTHER,
                     claim_address=Address("PO Box 450", "Rochester", "NY", "14603"),
                     relationship=Relationship.CHILD,
                     subscriber=Subscriber("Karen Williams", date(1976, 2, 11), "F",
                                           Address("5 Elm", "Ithaca", "NY", "14850"), "555"))
    again = Insurance.from_dict(plan.to_dict())
    assert again == plan and again.is_dependent and not again.is_empty


def test_an_old_record_reads_with_defaults() -> None:
    old = Insurance.from_dict({"payer": "Aetna", "member_id": "W1", "group_number": ""})
    assert old.relationship is Relationship.SELF and old.plan_type is PlanType.GROUP
    assert old.claim_address.is_empty() and old.subscriber.is_empty()
    assert Insurance.from_dict(None) == Insurance()
    assert billing_kind_for(old) is BillingKind.INSURANCE
    assert billing_kind_for(Insurance()) is BillingKind.SELF_PAY


@pytest.mark.parametrize("bad", [
    {"payer": 3}, {"relationship": "cousin"}, {"subscriber": {"sex": "X"}},
    {"subscriber": {"date_of_birth": "03/04/1980"}}, {"claim_address": "PO Box 1"}, [1],
])
def test_a_damaged_record_is_refused_with_a_type_or_value_error(bad: object) -> None:
    with pytest.raises((TypeError, ValueError)):
        Insurance.from_dict(bad)
