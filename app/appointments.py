"""Scheduling: new appointments (one or a series), moving and cancelling them, their status.

What the appointment editor and the pages' status buttons do, one function per action:

    plan = AppointmentPlan(appointment, repeat=Recurrence.WEEKLY, count=10)
    concern = workspace.do(authorization_concern, plan)   # the window asks if not None
    clash = workspace.do(double_booking, plan)            # likewise: "book both anyway?"
    saved = workspace.do(save_plan, plan, workspace.settings)

Every change rewrites the subscribed calendar file (app.calendar.subscription); the result says
in one sentence when that failed, while the change itself is saved.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from app.billing.fees import fee_quote
from app.calendar.subscription import refresh_after_change
from app.settings import DeviceSettings
from models.appointment import (
    Appointment,
    AppointmentStatus,
    Modality,
    Recurrence,
    Service,
    expand_series,
)
from models.billing import beyond_authorization
from models.client import Client
from models.errors import InvalidInput

if TYPE_CHECKING:
    from storage.vault import Vault

USES_AUTHORIZATION = (AppointmentStatus.SCHEDULED, AppointmentStatus.ATTENDED)


@dataclass(frozen=True)
class AppointmentPlan:
    """An appointment as entered (with its id when it is being edited), maybe repeating."""

    appointment: Appointment
    repeat: Recurrence | None = None
    count: int = 1  # occurrences of the series (1 when it does not repeat)

    @property
    def is_series(self) -> bool:
        return self.appointment.id is None and self.repeat is not None and self.count > 1

    def occurrences(self) -> list[Appointment]:
        if self.is_series and self.repeat is not None:
            return expand_series(self.appointment, self.repeat, self.count)
        return [self.appointment]


@dataclass(frozen=True)
class AuthorizationConcern:
    """The first planned session that goes past the client's insurance authorization."""

    number: int  # 1 for a single appointment; its place in a series otherwise
    occurrence: Appointment
    reason: str  # one sentence, e.g. "All 12 sessions of authorization PA-1 are already used."
    in_series: bool


@dataclass(frozen=True)
class DoubleBooking:
    """The first planned session that overlaps another appointment of the practice."""

    number: int  # its place in the plan (1 for a single appointment)
    occurrence: Appointment
    other: Appointment  # the appointment already booked at that time
    other_name: str  # that appointment's client, as the pages name them
    in_series: bool


@dataclass(frozen=True)
class Saved:
    """What a change wrote, and "" or the sentence saying the calendar file was not updated."""

    appointments: list[Appointment] = field(default_factory=list)
    calendar_problem: str = ""


@dataclass(frozen=True)
class NewAppointmentDefaults:
    """What a new appointment for a client starts with: the service and modality of their
    latest one, and the fee for that service (never the latest appointment's fee)."""

    fee: Decimal | None  # None: the fee schedule has no fee for the suggested code
    service: Service
    modality: Modality | None
    minutes: int = 50


def appointments_for_client(vault: Vault, client_id: int) -> list[Appointment]:
    """The client's appointments, newest first."""
    return sorted(vault.appointments.for_client(client_id), key=lambda a: a.start, reverse=True)


def schedulable_clients(vault: Vault, keep_client_id: int | None = None) -> list[Client]:
    """Active clients to schedule for, plus ``keep_client_id`` (an appointment's own client,
    even if discharged since)."""
    clients = vault.clients.list(active_only=True)
    if keep_client_id is not None and all(c.id != keep_client_id for c in clients):
        clients.append(vault.clients.get(keep_client_id))
    return clients


def new_appointment_defaults(vault: Vault, client_id: int) -> NewAppointmentDefaults:
    """The service, length and modality of the client's latest appointment (an intake comes
    once: after it, individual sessions); a first appointment is an intake. The fee is the
    client's sliding-scale fee or the fee schedule's for the suggested code."""
    past = vault.appointments.for_client(client_id)
    if not past:
        service, modality, minutes = Service.INTAKE, None, 60
    else:
        latest = max(past, key=lambda a: a.start)
        service = Service.INDIVIDUAL if latest.service is Service.INTAKE else latest.service
        modality = latest.modality
        minutes = 50 if latest.service is Service.INTAKE else latest.minutes
    quote = fee_quote(vault, client_id, service, minutes)
    return NewAppointmentDefaults(fee=quote.fee if quote.fee > 0 else None, service=service,
                                  modality=modality, minutes=minutes)


def authorization_concern(vault: Vault, plan: AppointmentPlan,
                          before: Appointment | None = None) -> AuthorizationConcern | None:
    """The first planned session past the client's authorization (None: nothing to ask).

    Only a new or moved session that uses an authorized session is checked (``before`` is the
    appointment as it was). A series counts its own earlier sessions. The window asks the
    therapist; it never refuses.
    """
    planned = plan.occurrences()
    first = planned[0]
    if first.status not in USES_AUTHORIZATION:
        return None  # a cancelled or missed session uses no authorized session
    if before is not None and (before.start, before.client_id, before.status) == (
            first.start, first.client_id, first.status):
        return None  # neither new nor moved
    authorizations = vault.billing.authorizations.for_client(first.client_id)
    if not authorizations:
        return None
    booked = list(vault.appointments.for_client(first.client_id))
    for number, occurrence in enumerate(planned, start=1):
        reason = beyond_authorization(occurrence, authorizations, booked)
        if reason:
            return AuthorizationConcern(number, occurrence, reason, in_series=len(planned) > 1)
        booked.append(occurrence)
    return None


BOOKED = (AppointmentStatus.SCHEDULED, AppointmentStatus.ATTENDED)  # what takes up the time


def double_booking(vault: Vault, plan: AppointmentPlan) -> DoubleBooking | None:
    """The first planned session that overlaps another booked appointment (None: the time is
    free). Cancelled and missed sessions free their time; the window asks, it never refuses."""
    planned = plan.occurrences()
    if planned[0].status not in BOOKED:
        return None
    first, last = min(a.start for a in planned), max(a.end for a in planned)
    # Appointments start at most a day before the earliest planned one ends.
    others = [a for a in vault.appointments.between(first - timedelta(days=1), last)
              if a.status in BOOKED and (plan.appointment.id is None
                                         or a.id != plan.appointment.id)]
    for number, occurrence in enumerate(planned, start=1):
        for other in others:
            if occurrence.overlaps(other):
                name = vault.clients.display_names().get(other.client_id, "another client")
                return DoubleBooking(number, occurrence, other, name, len(planned) > 1)
    return None


def moved_appointment(vault: Vault, appointment_id: int, start: datetime,
                      minutes: int) -> AppointmentPlan:
    """The plan for an appointment dragged to ``start`` (and resized to ``minutes``), checked
    like any edit before ``save_plan``."""
    appointment = vault.appointments.get(appointment_id)
    if minutes <= 0:
        raise InvalidInput("An appointment lasts at least 5 minutes.")
    return AppointmentPlan(replace(appointment, start=start, minutes=minutes))


def save_plan(vault: Vault, plan: AppointmentPlan, settings: DeviceSettings) -> Saved:
    """Write the appointment (update, single or whole series), then the calendar file."""
    appointment = plan.appointment
    if appointment.id is not None:
        stored = [vault.appointments.update(appointment)]
    elif plan.is_series and plan.repeat is not None:
        stored = vault.appointments.add_series(appointment, plan.repeat, plan.count)
    else:
        stored = [vault.appointments.add(appointment)]
    return Saved(stored, refresh_after_change(vault, settings))


def set_status(vault: Vault, appointment_id: int, status: AppointmentStatus,
               settings: DeviceSettings) -> Saved:
    """Attended, no-show, late cancellation or cancelled (the one path for every page)."""
    stored = vault.appointments.set_status(appointment_id, status)
    return Saved([stored], refresh_after_change(vault, settings))


def cancel_appointment(vault: Vault, appointment_id: int, settings: DeviceSettings) -> Saved:
    """Cancel: it stays in the record as cancelled (and leaves the calendar as such)."""
    return set_status(vault, appointment_id, AppointmentStatus.CANCELLED, settings)

