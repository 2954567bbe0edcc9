"""How a client pays: insurance (with the policy holder when the client is a dependent, a second
plan, the payer's claim address) or self-pay.

Claims (CMS-1500) and superbills read these; the Good Faith Estimate rule (No Surprises Act)
applies to self-pay clients. ``to_dict``/``from_dict`` are the one JSON shape, shared by the
vault and the practice file, and tolerate records written before a field existed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from models.common import Address


class BillingKind(StrEnum):
    """Who is billed for the client's sessions."""

    INSURANCE = "insurance"  # superbills or claims to a payer
    SELF_PAY = "self_pay"  # statements and receipts to the client; Good Faith Estimates

    @property
    def label(self) -> str:
        return "Insurance" if self is BillingKind.INSURANCE else "Self-pay"


class Relationship(StrEnum):
    """The client's relationship to the policy holder (CMS-1500 box 6)."""

    SELF = "self"
    SPOUSE = "spouse"
    CHILD = "child"
    OTHER = "other"


class PlanType(StrEnum):
    """CMS-1500 box 1: the kind of coverage."""

    MEDICARE = "medicare"
    MEDICAID = "medicaid"
    TRICARE = "tricare"
    CHAMPVA = "champva"
    GROUP = "group"  # group health plan (most employer coverage)
    FECA = "feca"
    OTHER = "other"


SEXES = ("F", "M")  # what a CMS-1500 (02/12) can carry in boxes 3 and 11a


@dataclass
class Subscriber:
    """The policy holder, when it is not the client (a parent, a spouse)."""

    name: str = ""
    date_of_birth: date | None = None
    sex: str = ""  # "F", "M" or "" (unknown)
    address: Address = field(default_factory=Address)  # empty: same as the client's
    phone: str = ""

    def is_empty(self) -> bool:
        return not (self.name.strip() or self.date_of_birth or self.sex
                    or not self.address.is_empty() or self.phone.strip())


@dataclass
class Insurance:
    payer: str = ""
    member_id: str = ""
    group_number: str = ""
    plan_name: str = ""  # CMS-1500 box 11c / 9d
    plan_type: PlanType = PlanType.GROUP
    claim_address: Address = field(default_factory=Address)  # where paper claims go
    relationship: Relationship = Relationship.SELF  # the client to the policy holder
    subscriber: Subscriber = field(default_factory=Subscriber)  # when relationship is not self

    @property
    def is_empty(self) -> bool:
        return not (self.payer.strip() or self.member_id.strip())

    @property
    def is_dependent(self) -> bool:
        return self.relationship is not Relationship.SELF

    def to_dict(self) -> dict[str, Any]:
        return {
            "payer": self.payer, "member_id": self.member_id,
            "group_number": self.group_number, "plan_name": self.plan_name,
            "plan_type": str(self.plan_type), "claim_address": _address_dict(self.claim_address),
            "relationship": str(self.relationship),
            "subscriber": {
                "name": self.subscriber.name,
                "date_of_birth": (self.subscriber.date_of_birth.isoformat()
                                  if self.subscriber.date_of_birth else None),
                "sex": self.subscriber.sex,
                "address": _address_dict(self.subscriber.address),
                "phone": self.subscriber.phone,
            },
        }

    @classmethod
    def from_dict(cls, data: object) -> Insurance:
        """The insurance as stored; absent fields take their defaults. ValueError (or
        TypeError) names nothing of the record: callers say where it came from."""
        if data is None:
            return cls()
        if not isinstance(data, dict):
            raise TypeError("insurance is not an object")
        sub = data.get("subscriber") or {}
        if not isinstance(sub, dict):
            raise TypeError("subscriber is not an object")
        born = sub.get("date_of_birth")
        return cls(
            payer=_text(data, "payer"), member_id=_text(data, "member_id"),
            group_number=_text(data, "group_number"), plan_name=_text(data, "plan_name"),
            plan_type=PlanType(data.get("plan_type") or PlanType.GROUP),
            claim_address=_address(data.get("claim_address")),
            relationship=Relationship(data.get("relationship") or Relationship.SELF),
            subscriber=Subscriber(name=_text(sub, "name"),
                                  date_of_birth=date.fromisoformat(born) if born else None,
                                  sex=_sex(_text(sub, "sex")), address=_address(sub.get("address")),
                                  phone=_text(sub, "phone")))


def _text(data: dict[str, Any], key: str) -> str:
    value = data.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise TypeError(key)
    return value


def _sex(value: str) -> str:
    if value not in ("", *SEXES):
        raise ValueError("sex")
    return value


def _address_dict(a: Address) -> dict[str, str]:
    return {"street": a.street, "city": a.city, "state": a.state, "postal_code": a.postal_code}


def _address(data: object) -> Address:
    if data is None:
        return Address()
    if not isinstance(data, dict):
        raise TypeError("address is not an object")
    return Address(**{k: _text(data, k) for k in ("street", "city", "state", "postal_code")})


def billing_kind_for(insurance: Insurance) -> BillingKind:
    """What an older record without a billing kind means: a payer on file is insurance."""
    return BillingKind.INSURANCE if insurance.payer.strip() else BillingKind.SELF_PAY
