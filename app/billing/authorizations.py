"""Insurance authorizations: recording them, what is left, and the warnings Today shows.

Whether a new or moved appointment goes past one is asked in app.appointments.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from models.billing import (
    Authorization,
    AuthWarning,
    authorization_warnings,
    sessions_used,
)
from models.errors import InvalidInput

if TYPE_CHECKING:
    from storage.vault import Vault


def add_authorization(vault: Vault, client_id: int, number: str, sessions_authorized: int,
                      start: date, end: date, payer: str = "") -> Authorization:
    vault.clients.get(client_id)  # VaultError if there is no such client
    if sessions_authorized < 1:
        raise InvalidInput("An authorization covers at least one session.")
    if end < start:
        raise InvalidInput("The authorization ends before it starts.")
    return vault.billing.authorizations.add(Authorization(
        client_id=client_id, number=number.strip(), sessions_authorized=sessions_authorized,
        start=start, end=end, payer=payer.strip()))


@dataclass(frozen=True)
class AuthorizationStatus:
    authorization: Authorization
    used: int

    @property
    def left(self) -> int:
        return self.authorization.sessions_authorized - self.used


def status_for_client(vault: Vault, client_id: int) -> list[AuthorizationStatus]:
    appts = vault.appointments.for_client(client_id)
    return [AuthorizationStatus(auth, sessions_used(auth, appts))
            for auth in vault.billing.authorizations.for_client(client_id)]


def warnings_for_client(vault: Vault, client_id: int,
                        today: date | None = None) -> list[AuthWarning]:
    """One session left, none left, or ending soon, for each of the client's authorizations."""
    today = today or date.today()
    authorizations = vault.billing.authorizations.for_client(client_id)
    if not authorizations:  # most clients: no need to read their appointments
        return []
    appts = vault.appointments.for_client(client_id)
    return [warning for auth in authorizations
            for warning in authorization_warnings(auth, appts, today)]


def warnings_for_today(vault: Vault, today: date | None = None) -> list[AuthWarning]:
    """Warnings to show on Today, for every active client: one session left, or ending soon."""
    return [warning for client in vault.clients.list(active_only=True) if client.id is not None
            for warning in warnings_for_client(vault, client.id, today)]


def warning_lines_for_today(vault: Vault, today: date | None = None) -> list[str]:
    """Today's warnings, one line each with the client's name (the screen is the therapist's)."""
    warnings = warnings_for_today(vault, today)
    if not warnings:
        return []
    names = {c.id: c.display_name for c in vault.clients.list()}
    return [f"{names.get(w.client_id, 'A client')}: {w.message}" for w in warnings]
