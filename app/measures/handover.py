"""Handing the laptop to the client: the form leaves only with the vault passphrase or the
hand-over PIN. The PIN is stored as an argon2 hash in the vault (never the digits), and after
a few wrong tries only the passphrase opens the form again."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from models.errors import InvalidInput, WrongPassphrase

if TYPE_CHECKING:
    from storage.keys import KeyFile
    from storage.vault import Vault

PIN_KEY = "measures.handover_pin"
PIN_PATTERN = re.compile(r"^[0-9]{4,8}$")
MAX_PIN_TRIES = 5
_HASHER = PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1)


def set_handover_pin(vault: Vault, pin: str) -> None:
    """Keep ``pin`` (4 to 8 digits) as the hand-over form's second way out."""
    if not PIN_PATTERN.match(pin):
        raise InvalidInput("The hand-over PIN is 4 to 8 digits.")
    vault.settings.set(PIN_KEY, _HASHER.hash(pin))


def clear_handover_pin(vault: Vault) -> None:
    vault.settings.set(PIN_KEY, "")


def has_handover_pin(vault: Vault) -> bool:
    return bool(vault.settings.get(PIN_KEY, ""))


class HandoverExit:
    """The way out of one hand-over: the passphrase always, the PIN until MAX_PIN_TRIES wrong
    tries. Checks run argon2 (a fraction of a second): call ``opens`` off the UI thread."""

    def __init__(self, key_file: KeyFile, pin_hash: str) -> None:
        self._key_file = key_file
        self._pin_hash = pin_hash
        self.wrong_tries = 0

    @property
    def pin_allowed(self) -> bool:
        return bool(self._pin_hash) and self.wrong_tries < MAX_PIN_TRIES

    def opens(self, secret: str) -> bool:
        if self.pin_allowed and PIN_PATTERN.match(secret):
            try:
                if _HASHER.verify(self._pin_hash, secret):
                    return True
            except (VerificationError, InvalidHashError):
                pass
        try:
            self._key_file.unwrap_with_passphrase(secret)
        except WrongPassphrase:
            self.wrong_tries += 1
            return False
        return True


def handover_exit(vault: Vault) -> HandoverExit:
    """What leaves the hand-over form that is about to open."""
    pin_hash = vault.settings.get(PIN_KEY, "")
    return HandoverExit(vault.key_file, pin_hash if isinstance(pin_hash, str) else "")
