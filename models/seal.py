"""A signed record's signature and how it was made (the bytes it covers: signed_record.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

PAYLOAD_VERSION = 1


class SealKind(StrEnum):
    SIGNING = "signing"  # made when the clinician signed
    UPGRADE = "upgrade"  # added when a vault from before signatures was upgraded


@dataclass(frozen=True)
class Seal:
    """A record's signature and the facts about how it was made (all of them signed too)."""

    key: str  # fingerprint of the signing key: hex SHA-256 of the raw Ed25519 public key
    value: str  # the Ed25519 signature, base64
    how: SealKind
    at: datetime
    # Notes only: SHA-256 of salt + process notes. The salt stays in the vault (and goes out
    # only with the process notes), so the digest tells nothing about private notes.
    process_notes_digest: str = ""
    process_notes_salt: str = ""  # base64; "" when the process notes were not carried over

    def to_dict(self, *, with_salt: bool = True) -> dict[str, Any]:
        data: dict[str, Any] = {"v": PAYLOAD_VERSION, "key": self.key, "how": str(self.how),
                                "at": self.at.isoformat(), "value": self.value}
        if self.process_notes_digest:
            data["process_notes_digest"] = self.process_notes_digest
            if with_salt and self.process_notes_salt:
                data["process_notes_salt"] = self.process_notes_salt
        return data

    @classmethod
    def from_dict(cls, data: object) -> Seal:
        """A seal as stored or exported; ValueError if it is not one this version reads."""
        if not isinstance(data, dict) or data.get("v") != PAYLOAD_VERSION:
            raise ValueError("not a signature of a known version")
        texts = {k: data.get(k, "") for k in ("key", "value", "how", "at",
                                              "process_notes_digest", "process_notes_salt")}
        if not all(isinstance(v, str) for v in texts.values()):
            raise ValueError("signature fields must be text")
        at = datetime.fromisoformat(texts["at"])
        if at.tzinfo is None:
            raise ValueError("signature time without its UTC offset")
        return cls(key=texts["key"], value=texts["value"], how=SealKind(texts["how"]), at=at,
                   process_notes_digest=texts["process_notes_digest"],
                   process_notes_salt=texts["process_notes_salt"])
