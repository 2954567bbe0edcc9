"""Optionally ask for the passphrase or a PIN again before a note is signed.

A signature says "I, the clinician, wrote this": the practice may want proof that the person at
the keyboard is the clinician, not someone at an unlocked laptop. Off by default. The PIN is
kept inside the encrypted vault as an argon2 hash; the passphrase is checked against the vault's
own key file. ``sign_note`` calls ``confirm_signer`` itself, so no path around it signs.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from models.errors import InvalidInput, WrongPassphrase

if TYPE_CHECKING:
    from storage.vault import Vault

MODE_KEY = "notes.sign_check"
PIN_KEY = "notes.sign_pin_hash"


class SignCheck(StrEnum):
    NONE = "none"
    PASSPHRASE = "passphrase"
    PIN = "pin"


def sign_check(vault: Vault) -> SignCheck:
    try:
        return SignCheck(vault.settings.get(MODE_KEY, "none"))
    except ValueError:
        return SignCheck.NONE


def set_sign_check(vault: Vault, mode: SignCheck, pin: str = "") -> None:
    """Choose what signing asks for; a PIN is 4 to 12 digits."""
    # Imported here for start-up time: argon2's hasher loads only when signing asks for it.
    from argon2 import PasswordHasher

    if mode is SignCheck.PIN:
        if not (pin.isdigit() and 4 <= len(pin) <= 12):
            raise InvalidInput("A PIN is 4 to 12 digits.")
        with vault.transaction():
            vault.settings.set(PIN_KEY, PasswordHasher().hash(pin))
            vault.settings.set(MODE_KEY, str(mode))
        return
    with vault.transaction():
        vault.settings.set(MODE_KEY, str(mode))
        vault.settings.set(PIN_KEY, "")


def confirm_signer(vault: Vault, secret: str | None) -> None:
    """WrongPassphrase unless ``secret`` is what signing asks for (nothing when it is off)."""
    # Imported here for start-up time, as above.
    from argon2 import PasswordHasher, exceptions

    mode = sign_check(vault)
    if mode is SignCheck.NONE:
        return
    if not secret:
        raise WrongPassphrase("Enter your passphrase to sign." if mode is SignCheck.PASSPHRASE
                              else "Enter your PIN to sign.")
    if mode is SignCheck.PASSPHRASE:
        try:
            vault.key_file.unwrap_with_passphrase(secret)
        except WrongPassphrase:
            raise WrongPassphrase("That is not the passphrase; the note was not signed.") \
                from None
        return
    stored = str(vault.settings.get(PIN_KEY, "") or "")
    try:
        PasswordHasher().verify(stored, secret)
    except (exceptions.VerificationError, exceptions.InvalidHashError, ValueError):
        raise WrongPassphrase("That is not the PIN; the note was not signed.") from None
