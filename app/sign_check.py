"""Optionally ask for the passphrase or a PIN again before a note is signed.

A signature says "I, the clinician, wrote this": the practice may want proof that the person at
the keyboard is the clinician, not someone at an unlocked laptop. Off by default. The PIN is
kept inside the encrypted vault as an argon2 hash; the passphrase is checked against the vault's
own key file. ``sign_note`` calls ``confirm_signer`` itself, so no path around it signs.
In PIN mode the passphrase signs too, and after MAX_WRONG_PINS wrong PINs in a row only the
passphrase does (a 4-digit PIN must not be guessable by trying them all at an unlocked laptop).
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from models.errors import InvalidInput, WrongPassphrase

if TYPE_CHECKING:
    from storage.vault import Vault

MODE_KEY = "notes.sign_check"
PIN_KEY = "notes.sign_pin_hash"
WRONG_PINS_KEY = "notes.sign_wrong_pins"  # kept in the vault, so a restart does not reset it
MAX_WRONG_PINS = 5


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
            vault.settings.set(WRONG_PINS_KEY, 0)
        return
    with vault.transaction():
        vault.settings.set(MODE_KEY, str(mode))
        vault.settings.set(PIN_KEY, "")
        vault.settings.set(WRONG_PINS_KEY, 0)


def _wrong_pins(vault: Vault) -> int:
    value = vault.settings.get(WRONG_PINS_KEY, 0)
    return value if isinstance(value, int) else MAX_WRONG_PINS  # unreadable: the safe side


def _reset_wrong_pins(vault: Vault, wrong: int) -> None:
    if wrong:
        vault.settings.set(WRONG_PINS_KEY, 0)


def _is_passphrase(vault: Vault, secret: str) -> bool:
    try:
        vault.key_file.unwrap_with_passphrase(secret)
    except WrongPassphrase:
        return False
    return True


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
        if not _is_passphrase(vault, secret):
            raise WrongPassphrase("That is not the passphrase; the note was not signed.")
        return
    wrong = _wrong_pins(vault)
    if wrong < MAX_WRONG_PINS and secret.isdigit():
        stored = str(vault.settings.get(PIN_KEY, "") or "")
        try:
            PasswordHasher().verify(stored, secret)
        except (exceptions.VerificationError, exceptions.InvalidHashError, ValueError):
            pass
        else:
            _reset_wrong_pins(vault, wrong)
            return
    if _is_passphrase(vault, secret):
        _reset_wrong_pins(vault, wrong)
        return
    if wrong + 1 >= MAX_WRONG_PINS:
        vault.settings.set(WRONG_PINS_KEY, MAX_WRONG_PINS)
        raise WrongPassphrase("Too many wrong PINs: sign with your passphrase; the note was not "
                              "signed.")
    vault.settings.set(WRONG_PINS_KEY, wrong + 1)
    raise WrongPassphrase("That is not the PIN; the note was not signed.")
