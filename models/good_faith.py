"""Good Faith Estimates for self-pay clients (No Surprises Act, 45 CFR 149.610): what one holds,
when one is due, and when a new one is needed.

Timing, as the rule sets it for a service scheduled ahead:
- booked at least 10 business days before the session: give it within 3 business days of
  booking; at least 3 business days before: within 1 business day; fewer: the rule sets no
  deadline (Stillnote still asks for one before the session).
- expected charges change (a new code, a higher fee, more sessions than estimated): a new one
  no later than 1 business day before the next affected session.
- recurring care: one estimate covers at most 12 months; sessions after that need a new one
  (1 business day before the first of them; Today reminds 10 business days ahead).
Business days are counted with models.business_days and the holidays the caller gives.
"""

from __future__ import annotations

from collections.abc import Container, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum
from typing import Any

from models.business_days import add_business_days, business_days_between
from models.common import Address, date_text

DISPUTE_THRESHOLD = Decimal("400")  # 45 CFR 149.620: billed at least $400 over the estimate
BOOKED_WELL_AHEAD = 10  # business days: 3 business days to give the estimate
BOOKED_AHEAD = 3  # business days: 1 business day to give it
RENEWAL_REMINDER = 10  # business days before a renewal's deadline, Today starts to remind
NSA_HELP = "www.cms.gov/nosurprises"
NSA_PHONE = "1-800-985-3059"


@dataclass(frozen=True)
class GfeItem:
    """One expected service: its CPT code, how many, and the expected charge of each."""

    code: str
    description: str
    quantity: int
    unit_fee: Decimal

    @property
    def total(self) -> Decimal:
        return self.unit_fee * self.quantity


@dataclass(frozen=True)
class GfeProvider:
    """The provider as the estimate names them (kept with the estimate, as issued)."""

    name: str  # the clinician with credentials
    practice_name: str
    npi: str
    tax_id: str
    address: Address
    phone: str = ""
    email: str = ""
    license: str = ""  # number and state


@dataclass
class GoodFaithEstimate:
    client_id: int
    client_name: str
    client_date_of_birth: date | None
    issued_on: date
    period_start: date
    period_end: date
    service_description: str  # the primary service in plain language, with date and frequency
    items: list[GfeItem]
    diagnoses: list[tuple[str, str]]  # (ICD-10-CM code, description), where known
    provider: GfeProvider
    id: int | None = None

    @property
    def total(self) -> Decimal:
        return sum((item.total for item in self.items), Decimal("0.00"))

    def to_dict(self) -> dict[str, Any]:
        p = self.provider
        return {
            "client_id": self.client_id, "client_name": self.client_name,
            "client_date_of_birth": _iso(self.client_date_of_birth),
            "issued_on": self.issued_on.isoformat(), "period_start": self.period_start.isoformat(),
            "period_end": self.period_end.isoformat(),
            "service_description": self.service_description,
            "items": [{"code": i.code, "description": i.description, "quantity": i.quantity,
                       "unit_fee": str(i.unit_fee)} for i in self.items],
            "diagnoses": [{"code": c, "description": d} for c, d in self.diagnoses],
            "provider": {"name": p.name, "practice_name": p.practice_name, "npi": p.npi,
                         "tax_id": p.tax_id, "phone": p.phone, "email": p.email,
                         "license": p.license,
                         "address": {"street": p.address.street, "city": p.address.city,
                                     "state": p.address.state,
                                     "postal_code": p.address.postal_code}},
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any], estimate_id: int | None = None) -> GoodFaithEstimate:
        p = data["provider"]
        born = data.get("client_date_of_birth")
        return cls(
            client_id=int(data["client_id"]), client_name=str(data["client_name"]),
            client_date_of_birth=date.fromisoformat(born) if born else None,
            issued_on=date.fromisoformat(data["issued_on"]),
            period_start=date.fromisoformat(data["period_start"]),
            period_end=date.fromisoformat(data["period_end"]),
            service_description=str(data["service_description"]),
            items=[GfeItem(str(i["code"]), str(i["description"]), int(i["quantity"]),
                           Decimal(str(i["unit_fee"]))) for i in data["items"]],
            diagnoses=[(str(d["code"]), str(d.get("description", "")))
                       for d in data.get("diagnoses", [])],
            provider=GfeProvider(name=str(p["name"]), practice_name=str(p["practice_name"]),
                                 npi=str(p["npi"]), tax_id=str(p["tax_id"]),
                                 address=Address(**{k: str(v) for k, v in p["address"].items()}),
                                 phone=str(p.get("phone", "")), email=str(p.get("email", "")),
                                 license=str(p.get("license", ""))),
            id=estimate_id)


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def period_end_for(start: date) -> date:
    """The last day an estimate starting on ``start`` covers: 12 months, less a day."""
    try:
        anniversary = start.replace(year=start.year + 1)
    except ValueError:  # 29 February
        anniversary = start.replace(year=start.year + 1, day=28) + timedelta(days=1)
    return anniversary - timedelta(days=1)


# --- what is expected --------------------------------------------------------------------------

@dataclass(frozen=True)
class ExpectedSession:
    """A booked (or, inside an estimate's period, attended) session with its code and fee."""

    appointment_id: int
    day: date  # date of service, in the practice's zone
    code: str
    description: str
    fee: Decimal
    booked_on: date
    minutes: int = 50
    upcoming: bool = True  # still scheduled (False: already attended)
    service: str = ""  # the service in plain words, e.g. "Individual psychotherapy"


def estimate_items(sessions: Sequence[ExpectedSession]) -> list[GfeItem]:
    """Sessions grouped by code and fee, in the order they first occur."""
    counts: dict[tuple[str, Decimal], int] = {}
    described: dict[tuple[str, Decimal], str] = {}
    for s in sorted(sessions, key=lambda s: s.day):
        key = (s.code, s.fee)
        counts[key] = counts.get(key, 0) + 1
        described.setdefault(key, s.description)
    return [GfeItem(code, described[(code, fee)], n, fee) for (code, fee), n in counts.items()]


def uncovered(estimated: Sequence[GfeItem], expected: Sequence[GfeItem]) -> list[GfeItem]:
    """Expected services an estimate does not cover: a code or fee it did not list, or more of
    them than it counted. Fewer sessions than estimated need no new estimate (the client can
    only be billed less)."""
    counted = {(i.code, i.unit_fee): i.quantity for i in estimated}
    return [i for i in expected if i.quantity > counted.get((i.code, i.unit_fee), 0)]


def describe_course(sessions: Sequence[ExpectedSession]) -> str:
    """The expected care in plain words: each kind of service, how often, and from when."""
    if not sessions:
        return ""
    parts: list[str] = []
    by_code: dict[str, list[ExpectedSession]] = {}
    for s in sorted(sessions, key=lambda s: s.day):
        by_code.setdefault(s.code, []).append(s)
    for group in by_code.values():
        first = group[0]
        what = f"{first.service or first.description} ({first.code or 'no code yet'})"
        if len(group) == 1:
            parts.append(f"{what}, one {first.minutes}-minute session on "
                         f"{date_text(first.day)}")
        else:
            parts.append(f"{what}, {first.minutes}-minute sessions {_frequency(group)} from "
                         f"{date_text(first.day)} ({len(group)} sessions)")
    return "; then ".join(parts) + "."


def _frequency(group: Sequence[ExpectedSession]) -> str:
    gaps = sorted((b.day - a.day).days for a, b in zip(group, group[1:], strict=False))
    typical = gaps[len(gaps) // 2] if gaps else 0
    if 6 <= typical <= 8:
        return "weekly"
    if 13 <= typical <= 15:
        return "every two weeks"
    if 27 <= typical <= 31:
        return "monthly"
    return "as scheduled"


# --- when one is due ---------------------------------------------------------------------------

class GfeReason(StrEnum):
    FIRST = "first"  # a self-pay client's first booked session, no estimate yet
    CHANGED = "changed"  # expected charges went past the estimate
    RENEWAL = "renewal"  # sessions after the 12 months the estimate covers


@dataclass(frozen=True)
class GfeDue:
    client_id: int
    reason: GfeReason
    session_on: date  # the first session the current estimate does not cover
    booked_on: date
    deadline: date | None  # None: booked fewer than 3 business days ahead (no legal deadline)
    warn_from: date = field(default=date.min)

    def is_overdue(self, today: date) -> bool:
        return self.deadline is not None and today > self.deadline

    def message(self, today: date) -> str:
        """One sentence, without the client's name."""
        why = {GfeReason.FIRST: f"the first session ({date_text(self.session_on)}) was booked "
                                f"on {date_text(self.booked_on)}",
               GfeReason.CHANGED: "the expected charges changed (from the session on "
                                  f"{date_text(self.session_on)})",
               GfeReason.RENEWAL: "the current estimate ends before the session on "
                                  f"{date_text(self.session_on)}"}[self.reason]
        if self.deadline is None:
            return (f"A Good Faith Estimate is due before the session: {why} (fewer than "
                    f"{BOOKED_AHEAD} business days ahead, so the rule sets no deadline).")
        if self.is_overdue(today):
            return (f"A Good Faith Estimate was due by {date_text(self.deadline)}: {why}; "
                    "give it now.")
        return f"A Good Faith Estimate is due by {date_text(self.deadline)}: {why}."


def first_estimate_deadline(booked_on: date, session_on: date,
                            holidays: Container[date]) -> date | None:
    """The last day to give the first estimate for a session booked on ``booked_on``."""
    ahead = business_days_between(booked_on, session_on, holidays)
    if ahead >= BOOKED_WELL_AHEAD:
        return add_business_days(booked_on, 3, holidays)
    if ahead >= BOOKED_AHEAD:
        return add_business_days(booked_on, 1, holidays)
    return None


def estimate_due(client_id: int, sessions: Sequence[ExpectedSession],
                 latest: GoodFaithEstimate | None, today: date,
                 holidays: Container[date]) -> GfeDue | None:
    """Whether a self-pay client needs a (new) estimate, and by when; None if not.

    ``sessions`` are the client's scheduled sessions and the attended ones since the latest
    estimate was issued; ``latest`` is the newest estimate given to the client.
    """
    upcoming = sorted((s for s in sessions if s.upcoming and s.day >= today),
                      key=lambda s: s.day)
    if not upcoming:
        return None
    if latest is None:
        first = upcoming[0]
        deadline = first_estimate_deadline(first.booked_on, first.day, holidays)
        return GfeDue(client_id, GfeReason.FIRST, first.day, first.booked_on, deadline)
    # What the estimate covers: sessions from the day it was issued to the end of its period.
    covered = [s for s in sessions if latest.issued_on <= s.day <= latest.period_end]
    over = {(i.code, i.unit_fee) for i in uncovered(latest.items, estimate_items(covered))}
    changed = [s for s in upcoming if (s.code, s.fee) in over and s.day <= latest.period_end]
    if changed:
        first = changed[0]
        deadline = max(add_business_days(first.day, -1, holidays), first.booked_on)
        return GfeDue(client_id, GfeReason.CHANGED, first.day, first.booked_on, deadline)
    beyond = [s for s in upcoming if s.day > latest.period_end]
    if beyond:
        first = beyond[0]
        deadline = add_business_days(first.day, -1, holidays)
        return GfeDue(client_id, GfeReason.RENEWAL, first.day, first.booked_on, deadline,
                      warn_from=add_business_days(deadline, -RENEWAL_REMINDER, holidays))
    return None
