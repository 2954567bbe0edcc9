"""Clients and their treatment goals: find, add, edit, discharge, reactivate.

A change to a client's name or calendar label changes the events of the subscribed calendar
file, so ``update_client`` rewrites it and says in one sentence if that failed.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from app.calendar.subscription import refresh_after_change
from app.settings import DeviceSettings
from models.client import Client, ClientStatus, Goal, GoalStatus

if TYPE_CHECKING:
    from storage.vault import Vault


def find_clients(vault: Vault, search: str = "",
                 status: ClientStatus | None = None) -> list[Client]:
    """Clients whose name matches ``search`` (all when empty), of one status or any."""
    found = vault.clients.list(active_only=status is ClientStatus.ACTIVE, search=search.strip())
    if status is ClientStatus.DISCHARGED:
        found = [c for c in found if not c.is_active]
    return list(found)


def last_seen(vault: Vault) -> dict[int, datetime]:
    """Client id -> their latest attended session (to sort by "recently seen")."""
    return vault.appointments.last_start_by_client(datetime.now(UTC))


def client_names(vault: Vault, *, legal: bool = False) -> dict[int, str]:
    """Client id -> the name pages show (or the legal name, as superbills carry it)."""
    return {c.id: c.legal_name if legal else c.display_name
            for c in vault.clients.list() if c.id is not None}


def get_client(vault: Vault, client_id: int) -> Client:
    return vault.clients.get(client_id)


def add_client(vault: Vault, client: Client) -> Client:
    return vault.clients.add(client)


def update_client(vault: Vault, client: Client, settings: DeviceSettings) -> str:
    """Save the edited client; "" or why the subscribed calendar file was not rewritten."""
    vault.clients.update(client)
    return refresh_after_change(vault, settings)


def discharge_client(vault: Vault, client_id: int, on: date | None = None) -> Client:
    """Discharge (today unless ``on``); the record stays and the client can be reactivated."""
    return vault.clients.discharge(client_id, on or date.today())


def reactivate_client(vault: Vault, client_id: int) -> Client:
    client = vault.clients.get(client_id)
    return vault.clients.update(replace(client, status=ClientStatus.ACTIVE, discharged_on=None))


def goals_of(vault: Vault, client_id: int) -> list[Goal]:
    return vault.goals.for_client(client_id)


def add_goal(vault: Vault, client_id: int, text: str, target_date: date | None) -> Goal:
    return vault.goals.add(Goal(client_id=client_id, text=text, target_date=target_date))


def set_goal_status(vault: Vault, goal: Goal, status: GoalStatus) -> Goal:
    return vault.goals.update(replace(goal, status=status))
