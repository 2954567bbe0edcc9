"""The vault's key file: a random data key, wrapped twice, and nothing else.

keys.json holds no PHI: the KDF salt and parameters, the data key wrapped (AES-256-GCM) by a key
derived from the passphrase (argon2id, memory-hard) and by a key derived from the recovery key,
and a key-check value that lets a remembered key be verified before the database is touched.
Changing the passphrase rewraps the data key; the database is never re-encrypted.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import unicodedata
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from argon2.exceptions import HashingError
from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from models.errors import InvalidInput, VaultError, WrongPassphrase
from storage.files import KEYS_FILE as KEYS_FILE  # the name the vault's modules use
from storage.files import write_text_atomic

FORMAT = "stillnote-keys"
# Version 2 adds a checksum over the other fields, so that an edited or damaged key file is
# reported as damaged instead of as a wrong passphrase (AES-GCM alone cannot tell them apart).
FORMAT_VERSION = 2
DATA_KEY_BYTES = 32

# argon2id tuned for a 2-core laptop: about 0.2-0.4 s, 64 MiB, so unlock stays well under 1 s
# while a stolen keys.json costs an attacker 64 MiB of memory per guess.
DEFAULT_KDF: dict[str, int] = {"time_cost": 2, "memory_cost": 65536, "parallelism": 2}

# Recovery key: 20 random bytes in base32 = 32 characters, typed as 8 groups of 4.
_RECOVERY_BYTES = 20
_B32_ALPHABET = set("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
# Characters people mistype for base32 ones when copying from paper.
_RECOVERY_CONFUSABLES = str.maketrans({"0": "O", "1": "I", "8": "B"})


@dataclass(frozen=True)
class KeyFile:
    """The parsed keys.json of one vault."""

    vault_id: str
    kdf_salt: bytes
    kdf_params: dict[str, int]
    passphrase_wrap: tuple[bytes, bytes]  # (nonce, ciphertext)
    recovery_salt: bytes
    recovery_wrap: tuple[bytes, bytes]
    key_check: str

    # --- unwrapping -------------------------------------------------------------------------
    def unwrap_with_passphrase(self, passphrase: str) -> bytes:
        try:
            kek = derive_passphrase_key(passphrase, self.kdf_salt, self.kdf_params)
        except (HashingError, ValueError, OverflowError, MemoryError):
            raise VaultError(_DAMAGED) from None
        return self._unwrap(kek, self.passphrase_wrap, b"passphrase",
                            "The passphrase is not correct for this vault.")

    def unwrap_with_recovery_key(self, recovery_key: str) -> bytes:
        kek = derive_recovery_key(normalize_recovery_key(recovery_key), self.recovery_salt)
        return self._unwrap(kek, self.recovery_wrap, b"recovery",
                            "The recovery key is not correct for this vault.")

    def matches(self, data_key: bytes) -> bool:
        """Whether ``data_key`` is this vault's key (used for a key remembered in the keyring)."""
        return hmac.compare_digest(key_check_value(data_key), self.key_check)

    def _unwrap(self, kek: bytes, wrap: tuple[bytes, bytes], purpose: bytes, wrong: str) -> bytes:
        nonce, ciphertext = wrap
        try:
            data_key = AESGCM(kek).decrypt(nonce, ciphertext, self._aad(purpose))
        except InvalidTag:
            raise WrongPassphrase(wrong) from None
        except ValueError:  # a nonce of the wrong size: the file was edited or damaged
            raise VaultError(_DAMAGED) from None
        if not self.matches(data_key):
            raise VaultError(_DAMAGED)
        return data_key

    def _aad(self, purpose: bytes) -> bytes:
        return b"stillnote:" + self.vault_id.encode("ascii") + b":" + purpose

    # --- rewrapping -------------------------------------------------------------------------
    def rewrapped_for_passphrase(self, data_key: bytes, passphrase: str) -> KeyFile:
        check_passphrase(passphrase)
        salt = secrets.token_bytes(16)
        params = dict(DEFAULT_KDF)
        kek = derive_passphrase_key(passphrase, salt, params)
        nonce = secrets.token_bytes(12)
        wrap = (nonce, AESGCM(kek).encrypt(nonce, data_key, self._aad(b"passphrase")))
        return KeyFile(self.vault_id, salt, params, wrap, self.recovery_salt, self.recovery_wrap,
                       self.key_check)

    # --- file ---------------------------------------------------------------------------------
    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "vault_id": self.vault_id,
            "kdf": {"name": "argon2id", "salt": _b64(self.kdf_salt), "hash_len": 32,
                    **self.kdf_params},
            "passphrase_wrap": {"cipher": "AES-256-GCM", "nonce": _b64(self.passphrase_wrap[0]),
                                "ciphertext": _b64(self.passphrase_wrap[1])},
            "recovery_wrap": {"kdf": "HKDF-SHA256", "salt": _b64(self.recovery_salt),
                              "cipher": "AES-256-GCM", "nonce": _b64(self.recovery_wrap[0]),
                              "ciphertext": _b64(self.recovery_wrap[1])},
            "key_check": self.key_check,
        }

    def dumps(self) -> str:
        body = self.to_json()
        return json.dumps({**body, "checksum": _checksum(body)}, indent=2) + "\n"

    def save(self, vault_dir: Path) -> None:
        write_text_atomic(vault_dir / KEYS_FILE, self.dumps())

    @staticmethod
    def loads(text: str | bytes) -> KeyFile:
        try:
            raw = json.loads(text)
            if raw.get("format") != FORMAT:
                raise ValueError("not a key file")
            if int(raw.get("version", 0)) > FORMAT_VERSION:
                raise VaultError("This vault's key file was written by a newer Stillnote; "
                                 "update Stillnote to open it.")
            if int(raw.get("version", 0)) >= 2 and raw.get("checksum") != _checksum(
                    {k: v for k, v in raw.items() if k != "checksum"}):
                raise ValueError("checksum does not match")
            kdf = raw["kdf"]
            pw = raw["passphrase_wrap"]
            rc = raw["recovery_wrap"]
            key_file = KeyFile(
                vault_id=str(uuid.UUID(raw["vault_id"])),
                kdf_salt=_unb64(kdf["salt"]),
                kdf_params={k: int(kdf[k]) for k in ("time_cost", "memory_cost", "parallelism")},
                passphrase_wrap=(_unb64(pw["nonce"]), _unb64(pw["ciphertext"])),
                recovery_salt=_unb64(rc["salt"]),
                recovery_wrap=(_unb64(rc["nonce"]), _unb64(rc["ciphertext"])),
                key_check=str(raw["key_check"]),
            )
            _check_shape(key_file)
            return key_file
        except VaultError:
            raise
        except (ValueError, KeyError, TypeError, AttributeError):
            raise VaultError(_DAMAGED) from None

    @staticmethod
    def load(vault_dir: Path) -> KeyFile:
        try:
            text = (vault_dir / KEYS_FILE).read_bytes()
        except FileNotFoundError:
            raise VaultError(f"There is no vault in {vault_dir}.") from None
        except OSError as exc:
            raise VaultError(f"The vault's key file cannot be read ({exc.strerror}).") from None
        return KeyFile.loads(text)


def _checksum(body: dict[str, Any]) -> str:
    blob = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(blob.encode("ascii")).hexdigest()


_DAMAGED = ("The vault's key file is damaged, so the vault cannot be unlocked; "
            "restore it from a backup.")

# Bounds on what keys.json may ask of argon2id: an edited file must not make unlocking
# allocate gigabytes or spin for minutes, nor pass argon2 values it rejects.
_KDF_BOUNDS = {"time_cost": (1, 16), "memory_cost": (8 * 1024, 1024 * 1024),
               "parallelism": (1, 16)}
_NONCE_BYTES = 12
_WRAPPED_BYTES = DATA_KEY_BYTES + 16  # the data key plus the GCM tag


def _check_shape(key_file: KeyFile) -> None:
    """ValueError unless every field has a size and range this version writes."""
    for name, (low, high) in _KDF_BOUNDS.items():
        if not low <= key_file.kdf_params[name] <= high:
            raise ValueError(f"kdf {name} out of range")
    for nonce, ciphertext in (key_file.passphrase_wrap, key_file.recovery_wrap):
        if len(nonce) != _NONCE_BYTES or len(ciphertext) != _WRAPPED_BYTES:
            raise ValueError("wrapped key of the wrong size")
    if len(key_file.kdf_salt) < 8 or len(key_file.recovery_salt) < 8:
        raise ValueError("salt too short")
    if len(key_file.key_check) != 64:
        raise ValueError("key check of the wrong size")


def has_checksum(vault_dir: Path) -> bool:
    """Whether keys.json is of the version with a checksum (older ones are rewritten on unlock)."""
    try:
        return '"checksum"' in (vault_dir / KEYS_FILE).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return True  # nothing to upgrade that can be read


def new_key_file(passphrase: str) -> tuple[KeyFile, bytes, str]:
    """A fresh key file: (key file, data key, recovery key to show once)."""
    check_passphrase(passphrase)
    data_key = secrets.token_bytes(DATA_KEY_BYTES)
    recovery_key = format_recovery_key(secrets.token_bytes(_RECOVERY_BYTES))
    vault_id = str(uuid.uuid4())
    recovery_salt = secrets.token_bytes(16)
    rkek = derive_recovery_key(normalize_recovery_key(recovery_key), recovery_salt)
    partial = KeyFile(vault_id, b"", {}, (b"", b""), recovery_salt, (b"", b""),
                      key_check_value(data_key))
    nonce = secrets.token_bytes(12)
    recovery_wrap = (nonce, AESGCM(rkek).encrypt(nonce, data_key, partial._aad(b"recovery")))
    partial = KeyFile(vault_id, b"", {}, (b"", b""), recovery_salt, recovery_wrap,
                      partial.key_check)
    return partial.rewrapped_for_passphrase(data_key, passphrase), data_key, recovery_key


def check_passphrase(passphrase: str) -> None:
    if not passphrase or not passphrase.strip():
        raise InvalidInput("The passphrase is empty; choose a passphrase to protect the vault.")


def derive_passphrase_key(passphrase: str, salt: bytes, params: dict[str, int]) -> bytes:
    # NFC so that the same passphrase typed on another keyboard/OS derives the same key.
    secret = unicodedata.normalize("NFC", passphrase).encode("utf-8")
    return hash_secret_raw(secret, salt, time_cost=params["time_cost"],
                           memory_cost=params["memory_cost"], parallelism=params["parallelism"],
                           hash_len=32, type=Type.ID)


def derive_recovery_key(normalized: str, salt: bytes) -> bytes:
    # The recovery key carries 160 random bits, so a fast KDF (HKDF) is enough.
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt,
                info=b"stillnote recovery key").derive(normalized.encode("ascii"))


def format_recovery_key(raw: bytes) -> str:
    text = base64.b32encode(raw).decode("ascii").rstrip("=")
    return "-".join(text[i:i + 4] for i in range(0, len(text), 4))


def normalize_recovery_key(typed: str) -> str:
    text = "".join(ch for ch in typed.upper() if ch.isalnum()).translate(_RECOVERY_CONFUSABLES)
    if len(text) != 32 or not set(text) <= _B32_ALPHABET:
        raise WrongPassphrase("That is not a Stillnote recovery key (8 groups of 4 characters).")
    return text


def key_check_value(data_key: bytes) -> str:
    return hmac.new(data_key, b"stillnote key check v1", hashlib.sha256).hexdigest()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise ValueError("expected base64 text")
    return base64.b64decode(text.encode("ascii"), validate=True)
