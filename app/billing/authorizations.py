"""Insurance authorizations: recording them, Today's warnings, and the check before scheduling."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from models.appointment import Appointment
from models.billing import (
    Authorization,
    AuthWarning,
    authorization_warnings,
    beyond_authorization,
    sessions_used,
)
from models.errors import InvalidInput


def add_authorization(vault: Any, client_id: int, number: str, sessions_authorized: int,
                      start: date, end: date, payer: str = "") -> Authorization:
    vault.clients.get(client_id)  # VaultError if there is no such client
    if sessions_authorized < 1:
        raise InvalidInput("An authorization covers at least one session.")
    if end < start:
        raise InvalidInput("The authorization ends before it starts.")
    stored: Authorization = vault.billing.authorizations.add(Authorization(
        client_id=client_id, number=number.strip(), sessions_authorized=sessions_authorized,
        start=start, end=end, payer=payer.strip()))
    return stored


@dataclass(frozen=True)
class AuthorizationStatus:
    authorization: Authorization
    used: int

    @property
    def left(self) -> int:
        return self.authorization.sessions_authorized - self.used


def status_for_client(vault: Any, client_id: int) -> list[AuthorizationStatus]:
    appts = vault.appointments.for_client(client_id)
    return [AuthorizationStatus(auth, sessions_used(auth, appts))
            for auth in vault.billing.authorizations.for_client(client_id)]


def warnings_for_today(vault: Any, today: date | None = None) -> list[AuthWarning]:
    """Warnings to show on Today, for every active client: one session left, or ending soon."""
    today = today or date.today()
    found: list[AuthWarning] = []
    for client in vault.clients.list(active_only=True):
        auths = vault.billing.authorizations.for_client(client.id)
        if not auths:
            continue
        appts = vault.appointments.for_client(client.id)
        for auth in auths:
            found.extend(authorization_warnings(auth, appts, today))
    return found


def scheduling_check(vault: Any, appt: Appointment) -> str:
    """Why ``appt`` would go past the client's authorization ("" if it would not).

    The window asks the therapist before saving when this is not empty; it never refuses.
    """
    auths = vault.billing.authorizations.for_client(appt.client_id)
    if not auths:
        return ""
    return beyond_authorization(appt, auths, vault.appointments.for_client(appt.client_id))
