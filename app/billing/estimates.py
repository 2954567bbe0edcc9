"""Good Faith Estimates (No Surprises Act, 45 CFR 149.610) for self-pay clients: make and give
one, print one again, and know when one is due (models.good_faith holds the rules).

The expected services are the client's booked sessions in the 12 months the estimate covers,
priced as their bills will be (the appointment's fee, the sliding scale or the fee schedule);
the therapist may say how many sessions of the ongoing service to expect in that time, when
fewer are booked. An estimate is stored as issued and never changed; a new one follows it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Container
from dataclasses import replace
from datetime import date, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from app.billing.business_calendar import federal_holidays
from app.billing.icd10 import description_of
from app.pdf.gfe_pdf import render_estimate
from models.appointment import AppointmentStatus, Service
from models.billing import (
    CPT_DESCRIPTIONS,
    CRISIS_FIRST_HOUR,
    INTAKE,
    coded_service,
    npi_is_valid,
    session_fee,
)
from models.client import Client
from models.errors import InvalidInput, MissingBillingData
from models.good_faith import (
    ExpectedSession,
    GfeDue,
    GfeItem,
    GfeProvider,
    GoodFaithEstimate,
    describe_course,
    estimate_due,
    estimate_items,
    period_end_for,
)
from models.practice import PracticeProfile

if TYPE_CHECKING:
    from storage.vault import Vault

DOCUMENT = "The Good Faith Estimate"
_EXPECTED = (AppointmentStatus.SCHEDULED, AppointmentStatus.ATTENDED)
PLAIN_SERVICE = {Service.INTAKE: "Intake assessment (diagnostic evaluation)",
                 Service.INDIVIDUAL: "Individual psychotherapy",
                 Service.FAMILY: "Family psychotherapy", Service.COUPLE: "Couples psychotherapy",
                 Service.GROUP: "Group psychotherapy"}


class _Holidays(Container[date]):
    """Federal holidays, loaded only if a deadline is actually counted."""

    def __init__(self, around: date) -> None:
        self._around = around
        self._days: frozenset[date] | None = None

    def __contains__(self, day: object) -> bool:
        if self._days is None:
            self._days = federal_holidays(self._around)
        return day in self._days


def expected_sessions(vault: Vault, client: Client, zone: tzinfo,
                      statuses: Collection[AppointmentStatus] = _EXPECTED,
                      ) -> list[ExpectedSession]:
    """The client's scheduled and attended sessions (or those of ``statuses``) with the code
    and fee each is billed at."""
    assert client.id is not None
    fees = vault.billing.fees.get_all()
    found: list[ExpectedSession] = []
    for appt in vault.appointments.for_client(client.id):
        if appt.status not in statuses or appt.id is None:
            continue
        coded = coded_service(appt)
        code = "+".join(coded.all_codes)
        booked = appt.booked_at or appt.updated_at or appt.start
        found.append(ExpectedSession(
            appointment_id=appt.id, day=appt.start.astimezone(zone).date(), code=code,
            description=CPT_DESCRIPTIONS.get(coded.primary, f"{appt.service.value} session"),
            fee=session_fee(appt, coded, fees, client.sliding_fee),
            booked_on=booked.astimezone(zone).date(), minutes=appt.minutes,
            upcoming=appt.status is AppointmentStatus.SCHEDULED,
            service=("Psychotherapy for crisis" if coded.primary == CRISIS_FIRST_HOUR
                     else PLAIN_SERVICE[appt.service])))
    return found


def prepare_estimate(vault: Vault, client_id: int, today: date | None = None,
                     sessions: int | None = None) -> GoodFaithEstimate:
    """The estimate as it would be issued today (not stored, not checked).

    ``sessions``: how many sessions of the ongoing service to expect in the 12 months, when
    more are expected than are booked.
    """
    today = today or date.today()
    client = vault.clients.get(client_id)
    practice = vault.practice.get()
    period_end = period_end_for(today)
    booked = [s for s in expected_sessions(vault, client, practice.zone)
              if s.upcoming and today <= s.day <= period_end]
    items = estimate_items(booked)
    description = describe_course(booked)
    if sessions is not None:
        items, extra = _expect_sessions(items, sessions)
        if extra:
            description += (f" In all, {sessions} sessions ({extra}) are expected in the 12 "
                            "months this estimate covers.")
    return GoodFaithEstimate(
        client_id=client_id, client_name=client.legal_name,
        client_date_of_birth=client.date_of_birth, issued_on=today, period_start=today,
        period_end=period_end, service_description=description, items=items,
        diagnoses=[(dx.code, dx.description or description_of(dx.code))
                   for dx in client.diagnoses if dx.code],
        provider=provider_of(practice))


def _expect_sessions(items: list[GfeItem], sessions: int) -> tuple[list[GfeItem], str]:
    """Raise the ongoing service (the most booked code besides the intake) to ``sessions``;
    returns the items and that service's code ("" when only an intake is booked)."""
    if sessions < 1:
        raise InvalidInput("Expect at least one session, or leave the number out.")
    ongoing = Counter({i: i.quantity for i in items if i.code != INTAKE})
    if not ongoing:
        return items, ""
    usual = ongoing.most_common(1)[0][0]
    if usual.quantity >= sessions:
        return items, usual.code
    return [replace(i, quantity=sessions) if i is usual else i for i in items], usual.code


def provider_of(p: PracticeProfile) -> GfeProvider:
    """The provider as an estimate names them, from the practice profile."""
    license_text = " ".join(x for x in (p.license_number, p.license_state) if x)
    return GfeProvider(name=p.signer_line(), practice_name=p.practice_name, npi=p.npi.strip(),
                       tax_id=p.tax_id.strip(), address=p.address, phone=p.phone,
                       email=p.email, license=license_text)


def estimate_problems(estimate: GoodFaithEstimate) -> list[str]:
    """What the rule requires that the estimate lacks, in the order of the document."""
    missing: list[str] = []
    p = estimate.provider
    if estimate.client_date_of_birth is None:
        missing.append("the client's date of birth")
    if not estimate.items:
        missing.append("an expected service: book the client's first session")
    for item in estimate.items:
        if not item.code:
            missing.append("a service (CPT) code for a booked session")
        elif item.unit_fee <= 0:
            missing.append(f"an expected charge for {item.code} (set it under Billing > Fees)")
    if not p.name.strip():
        missing.append("the provider's name")
    if not p.npi:
        missing.append("the provider's NPI")
    elif not npi_is_valid(p.npi):
        missing.append("a valid NPI (10 digits with a correct check digit)")
    if not p.tax_id:
        missing.append("the provider's tax ID (TIN)")
    if not (p.address.street.strip() and p.address.city.strip() and p.address.state.strip()):
        missing.append("the practice's location (street, city and state)")
    return missing


def issue_estimate(vault: Vault, client_id: int, out: Path, today: date | None = None,
                   sessions: int | None = None) -> GoodFaithEstimate:
    """Give the client a Good Faith Estimate: check it, keep it in the vault, write the PDF.

    MissingBillingData names every gap before anything is written or kept.
    """
    client = vault.clients.get(client_id)
    if not client.is_self_pay:
        raise InvalidInput("A Good Faith Estimate is for self-pay clients; this client is billed "
                           "to insurance (change the client's billing to self-pay first).")
    estimate = prepare_estimate(vault, client_id, today, sessions)
    missing = estimate_problems(estimate)
    if missing:
        raise MissingBillingData(missing, DOCUMENT)
    # One transaction: if the file cannot be written, the estimate is not recorded as given.
    with vault.transaction():
        stored = vault.billing.estimates.add(estimate)
        render_estimate(stored, Path(out))
        vault.audit.record("export", "good_faith_estimate", stored.id,
                           f"client {client_id} items={len(stored.items)}")
    return stored


def estimates_of(vault: Vault, client_id: int) -> list[GoodFaithEstimate]:
    """The client's estimates as issued, newest first."""
    return list(reversed(vault.billing.estimates.for_client(client_id)))


def reprint_estimate(vault: Vault, estimate_id: int, out: Path) -> GoodFaithEstimate:
    """Write an issued estimate again, exactly as it was given."""
    estimate = vault.billing.estimates.get(estimate_id)
    render_estimate(estimate, Path(out))
    vault.audit.record("export", "good_faith_estimate", estimate_id, "copy")
    return estimate


# --- when one is due ---------------------------------------------------------------------------

def estimate_due_for(vault: Vault, client_id: int, today: date | None = None) -> GfeDue | None:
    """Whether this client needs a (new) Good Faith Estimate, and by when."""
    today = today or date.today()
    client = vault.clients.get(client_id)
    if not client.is_self_pay or not client.is_active:
        return None
    latest = vault.billing.estimates.for_client(client_id)
    return _due(vault, client, latest[-1] if latest else None, today)


def _due(vault: Vault, client: Client, latest: GoodFaithEstimate | None,
         today: date) -> GfeDue | None:
    assert client.id is not None
    zone = vault.practice.get().zone
    return estimate_due(client.id, expected_sessions(vault, client, zone), latest, today,
                        _Holidays(today))


def estimates_due(vault: Vault, today: date | None = None) -> list[GfeDue]:
    """Every active self-pay client's due estimate that Today should show, soonest first."""
    today = today or date.today()
    latest = vault.billing.estimates.latest_by_client()
    due: list[GfeDue] = []
    for client in vault.clients.list(active_only=True):
        if not client.is_self_pay or client.id is None:
            continue
        found = _due(vault, client, latest.get(client.id), today)
        if found is not None and found.warn_from <= today:
            due.append(found)
    return sorted(due, key=lambda d: (d.deadline or d.session_on, d.client_id))


def estimate_lines_for_today(vault: Vault, today: date | None = None) -> list[str]:
    """Today's Good Faith Estimate reminders, one line each with the client's name."""
    today = today or date.today()
    due = estimates_due(vault, today)
    if not due:
        return []
    names = {c.id: c.display_name for c in vault.clients.list()}
    return [f"{names.get(d.client_id, 'A client')}: {d.message(today)}" for d in due]

