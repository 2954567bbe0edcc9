"""'Remember on this device': the data key kept in the OS keyring under the vault's random id.

No keyring service (headless Linux) is a normal case: recall() answers None and remember()
raises KeyringUnavailable with a plain sentence, never a crash.
"""

from __future__ import annotations

import keyring
from keyring.errors import KeyringError, PasswordDeleteError

from models.errors import KeyringUnavailable

SERVICE = "Stillnote"
_UNAVAILABLE = ("No keyring service is available on this device, so Stillnote cannot remember "
                "the vault; the passphrase will be asked for each time.")


def remember(vault_id: str, data_key: bytes) -> None:
    try:
        keyring.set_password(SERVICE, vault_id, data_key.hex())
    except KeyringError:  # NoKeyringError is a KeyringError
        raise KeyringUnavailable(_UNAVAILABLE) from None
    except Exception:  # a broken backend (D-Bus gone, locked wallet) is the same for the user
        raise KeyringUnavailable(_UNAVAILABLE) from None


def recall(vault_id: str) -> bytes | None:
    try:
        stored = keyring.get_password(SERVICE, vault_id)
    except Exception:  # no keyring, or it refused: ask for the passphrase instead
        return None
    if not stored:
        return None
    try:
        return bytes.fromhex(stored)
    except ValueError:
        return None


def forget(vault_id: str) -> bool:
    """Remove a remembered key; True if one was removed."""
    try:
        keyring.delete_password(SERVICE, vault_id)
    except PasswordDeleteError:
        return False
    except Exception:
        return False
    return True
