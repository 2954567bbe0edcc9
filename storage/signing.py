"""The practice's Ed25519 key and the signatures of signed notes and addenda.

Each vault makes one key pair (migration 3). The private key lives only in the vault's
``signing_keys`` table, so it is encrypted and authenticated like every other page of the
SQLCipher file and never leaves it: not in keys.json, not in a practice export. The public key
goes into every practice export and its fingerprint onto every signed PDF, so the vault a
practice is imported into can check what this one signed. Public keys of imported practices
are kept beside the vault's own (origin "imported"); signing always uses the vault's own key.

``note_problem`` is the one check of a signed note and its addenda, used when a note is shown,
exported or imported and by ``stillnote audit verify``.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from models.errors import VaultError
from models.note import Addendum, Note, addendum_hash, content_hash
from models.signed_record import (
    Seal,
    SealKind,
    addendum_payload,
    note_payload,
    process_notes_digest,
)
from storage.codec import from_json, now_utc, to_json

if TYPE_CHECKING:
    from storage.connection import Connection
    from storage.database import Database

OWN = "this vault"
IMPORTED = "imported"
_SALT_BYTES = 16


def fingerprint(public_raw: bytes) -> str:
    return hashlib.sha256(public_raw).hexdigest()


def short_fingerprint(fp: str) -> str:
    """The first 128 bits in groups of four, as printed on PDFs and compared by people."""
    return " ".join(fp[i:i + 4] for i in range(0, 32, 4)).upper()


@dataclass(frozen=True)
class PublicKey:
    fingerprint: str
    public_raw: bytes
    created_at: datetime
    origin: str = OWN

    def to_dict(self) -> dict[str, str]:
        return {"fingerprint": self.fingerprint,
                "public_key": base64.b64encode(self.public_raw).decode("ascii"),
                "created_at": self.created_at.isoformat()}

    @classmethod
    def from_dict(cls, raw: object) -> PublicKey:
        """A key listed in a practice file; ValueError unless its fingerprint is its own."""
        if not isinstance(raw, dict) or not all(
                isinstance(raw.get(k), str) for k in ("fingerprint", "public_key", "created_at")):
            raise ValueError("not a public key record")
        try:
            public_raw = base64.b64decode(raw["public_key"].encode("ascii"), validate=True)
        except (binascii.Error, UnicodeEncodeError):
            raise ValueError("public key is not base64") from None
        if len(public_raw) != 32 or fingerprint(public_raw) != raw["fingerprint"]:
            raise ValueError("public key does not match its fingerprint")
        created = datetime.fromisoformat(raw["created_at"])
        if created.tzinfo is None:
            raise ValueError("key time without its UTC offset")
        return cls(raw["fingerprint"], public_raw, created, IMPORTED)


def create_own_key(conn: Connection) -> SigningKey:
    """Make the vault's key pair and store it (migration 3)."""
    private = Ed25519PrivateKey.generate()
    public_raw = private.public_key().public_bytes_raw()
    key = SigningKey(fingerprint(public_raw), private)
    conn.execute("INSERT INTO signing_keys (fingerprint, public_key, private_key, created_at, "
                 "origin) VALUES (?, ?, ?, ?, ?)",
                 (key.fingerprint, public_raw, private.private_bytes_raw(),
                  now_utc().isoformat(), OWN))
    return key


@dataclass(frozen=True)
class SigningKey:
    """The vault's own private key, which signs notes, addenda and practice exports."""

    fingerprint: str
    private: Ed25519PrivateKey

    def sign(self, payload: bytes) -> str:
        return base64.b64encode(self.private.sign(payload)).decode("ascii")

    def seal_note(self, note: Note, how: SealKind = SealKind.SIGNING,
                  at: datetime | None = None) -> Seal:
        """The signature of ``note`` as it is now (its id, status and signing facts set)."""
        salt = secrets.token_bytes(_SALT_BYTES)
        unsigned = Seal(key=self.fingerprint, value="", how=how,
                        at=at or note.signed_at or now_utc(),
                        process_notes_digest=process_notes_digest(salt, note.process_notes),
                        process_notes_salt=base64.b64encode(salt).decode("ascii"))
        return replace(unsigned, value=self.sign(note_payload(note, unsigned)))

    def seal_addendum(self, addendum: Addendum, note_seal: Seal | None,
                      how: SealKind = SealKind.SIGNING, at: datetime | None = None) -> Seal:
        """The addendum's signature, tied to its note's (none for a note whose was lost)."""
        unsigned = Seal(key=self.fingerprint, value="", how=how, at=at or addendum.signed_at)
        note_value = note_seal.value if note_seal is not None else ""
        payload = addendum_payload(addendum, note_value, unsigned)
        return replace(unsigned, value=self.sign(payload))


def signature_is_valid(keys: Mapping[str, bytes], key: str, value: str, payload: bytes) -> bool:
    """Whether ``value`` (base64) is the signature of ``payload`` by key ``key`` of ``keys``."""
    public_raw = keys.get(key)
    if public_raw is None:
        return False
    try:
        raw = base64.b64decode(value.encode("ascii"), validate=True)
        Ed25519PublicKey.from_public_bytes(public_raw).verify(raw, payload)
    except (InvalidSignature, binascii.Error, UnicodeEncodeError, ValueError):
        return False
    return True


def note_problem(note: Note, addenda: Sequence[Addendum], keys: Mapping[str, bytes]) -> str:
    """"" when a signed note and its addenda are exactly as signed, else one plain sentence."""
    seal = note.signature
    if seal is None:
        return (f"Signed note {note.id} carries no signature, so nothing shows it is as it "
                "was signed.")
    if seal.key not in keys:
        return (f"Signed note {note.id} was signed with a key this vault does not know "
                f"({short_fingerprint(seal.key)}).")
    if not signature_is_valid(keys, seal.key, seal.value, note_payload(note, seal)) \
            or content_hash(note) != note.content_hash or not _process_notes_match(note, seal):
        return f"Signed note {note.id} was changed after it was signed."
    return addenda_problem(note, addenda, keys)


def addenda_problem(note: Note, addenda: Sequence[Addendum], keys: Mapping[str, bytes]) -> str:
    note_value = note.signature.value if note.signature is not None else ""
    for add in addenda:
        add_seal = add.signature
        if add_seal is None or add_seal.key not in keys:
            return f"Addendum {add.id} to note {note.id} carries no valid signature."
        if not signature_is_valid(keys, add_seal.key, add_seal.value,
                                  addendum_payload(add, note_value, add_seal)) \
                or addendum_hash(add) != add.content_hash:
            return f"Addendum {add.id} to note {note.id} was changed after it was signed."
    return ""


def _process_notes_match(note: Note, seal: Seal) -> bool:
    if not seal.process_notes_salt:  # imported without its process notes: none may appear
        return note.process_notes == ""
    try:
        salt = base64.b64decode(seal.process_notes_salt.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError):
        return False
    return process_notes_digest(salt, note.process_notes) == seal.process_notes_digest


class Signatures:
    """The signing side of one open vault."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._own: SigningKey | None = None

    def trusted(self) -> list[PublicKey]:
        """Every key this vault trusts, its own first."""
        rows = self._db.query(
            "SELECT fingerprint, public_key, created_at, origin FROM signing_keys "
            "ORDER BY origin != ?, created_at, fingerprint", (OWN,))
        return [PublicKey(r[0], bytes(r[1]), datetime.fromisoformat(r[2]), r[3]) for r in rows]

    def key_map(self) -> dict[str, bytes]:
        return {k.fingerprint: k.public_raw for k in self.trusted()}

    def trust(self, keys: Sequence[PublicKey]) -> None:
        """Keep the public keys of an imported practice, so its signed notes can be checked."""
        known = self.key_map()
        with self._db.transaction() as conn:
            for key in keys:
                if key.fingerprint not in known:
                    conn.execute(
                        "INSERT INTO signing_keys (fingerprint, public_key, private_key, "
                        "created_at, origin) VALUES (?, ?, NULL, ?, ?)",
                        (key.fingerprint, key.public_raw, key.created_at.isoformat(), IMPORTED))
                    known[key.fingerprint] = key.public_raw

    def note_problem(self, note: Note, addenda: Sequence[Addendum]) -> str:
        """"" for a draft or a signed note and its addenda exactly as signed."""
        if note.id is None or not note.is_signed:
            return ""
        return note_problem(note, addenda, self.key_map())

    @property
    def own(self) -> SigningKey:
        if self._own is None:
            row = self._db.query_one(
                "SELECT fingerprint, private_key FROM signing_keys WHERE origin = ? "
                "AND private_key IS NOT NULL", (OWN,))
            if row is None:
                raise VaultError("The vault has no signing key; it cannot sign notes.")
            self._own = SigningKey(row[0], Ed25519PrivateKey.from_private_bytes(bytes(row[1])))
        return self._own


def seal_text(seal: Seal | None) -> str:
    """The column text of a seal ("" for none)."""
    return to_json(seal.to_dict()) if seal is not None else ""


def seal_value(text: str | None) -> Seal | None:
    """A seal read back from its column; None for none or one this version cannot read."""
    if not text:
        return None
    try:
        data: Any = from_json(text)
        return Seal.from_dict(data)
    except (ValueError, TypeError):
        return None
