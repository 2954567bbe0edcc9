"""The first steps after setup, so a new practice has no dead ends: a client, then a session.

Today shows them until each is done (or the therapist hides the list). The fee schedule has its
own lead on Today, billing's notice (ui/billing/today_notices.py), so it is not repeated here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from storage.vault import Vault

HIDDEN_KEY = "ui.first_steps_hidden"


@dataclass(frozen=True)
class FirstSteps:
    has_client: bool
    has_appointment: bool
    hidden: bool = False

    @property
    def done(self) -> bool:
        return self.has_client and self.has_appointment

    @property
    def shown(self) -> bool:
        return not (self.done or self.hidden)


def first_steps(vault: Vault) -> FirstSteps:
    has_appointment = vault.query_one("SELECT 1 FROM appointments LIMIT 1") is not None
    return FirstSteps(has_client=vault.clients.count() > 0, has_appointment=has_appointment,
                      hidden=bool(vault.settings.get(HIDDEN_KEY, False)))


def hide_first_steps(vault: Vault) -> None:
    vault.settings.set(HIDDEN_KEY, True)

