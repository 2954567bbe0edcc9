"""What a signature over a signed note, an addendum or an exported practice vouches for.

The bytes signed are canonical JSON (sorted keys, no spaces, ASCII): the same record always
gives the same bytes, in this vault and in any vault a practice file is imported into. The
signature itself (Ed25519) is made and checked in storage/signing.py; this module only says
what is covered, so the rule is readable in one place:

- a note: its ids, format, the prompts it was drafted from, the sections, the verifier flags
  (with what was acknowledged), "risk not assessed", the signer, credentials and time, and a
  salted digest of the private process notes (so they are covered without being exported);
  a document's own date, review date and the earlier version it revises, when it has them
  (absent from a progress note's bytes, which are unchanged since before documents);
- an addendum: its id, the note it follows (by that note's signature), text, signer and time;
- a practice file: which signed notes it holds and the signatures of each note and addendum,
  so a note turned back into a draft, dropped, or stripped of an addendum is noticed.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from models.note import Addendum, Note, document_facts
from models.seal import PAYLOAD_VERSION, Seal, SealKind

__all__ = ["PAYLOAD_VERSION", "Seal", "SealKind", "SignedEntry", "addendum_payload", "canonical",
           "note_payload", "practice_payload", "process_notes_digest"]

def canonical(value: object) -> bytes:
    """The one byte form of a JSON value that is signed."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=True,
                      allow_nan=False).encode("ascii")


def process_notes_digest(salt: bytes, text: str) -> str:
    return hashlib.sha256(salt + text.encode("utf-8", "surrogatepass")).hexdigest()


def _flag_dict(flag: Any) -> Any:
    """A flag as it is stored: a Flag value's dict, or the stored dict itself."""
    return flag.to_dict() if hasattr(flag, "to_dict") else dict(flag)


def _seal_facts(seal: Seal) -> dict[str, str]:
    return {"key": seal.key, "how": str(seal.how), "at": seal.at.isoformat()}


def note_payload(note: Note, seal: Seal) -> bytes:
    """The bytes a signed note's signature covers (``seal.value`` is not part of them)."""
    return canonical({
        **document_facts(note),
        "record": "stillnote-note",
        "v": PAYLOAD_VERSION,
        "id": note.id,
        "appointment_id": note.appointment_id,
        "client_id": note.client_id,
        "format": str(note.format),
        "prompts": dict(note.prompts),
        "sections": [[s.heading, s.text] for s in note.sections],
        "flags": [_flag_dict(f) for f in note.flags],
        "risk_not_assessed": note.risk_not_assessed,
        "signed_at": note.signed_at.isoformat() if note.signed_at else None,
        "signed_by": note.signed_by,
        "signer_credentials": note.signer_credentials,
        "process_notes": seal.process_notes_digest,
        "seal": _seal_facts(seal),
    })


def addendum_payload(addendum: Addendum, note_signature: str, seal: Seal) -> bytes:
    """The bytes an addendum's signature covers; ``note_signature`` ties it to its note."""
    return canonical({
        "record": "stillnote-addendum",
        "v": PAYLOAD_VERSION,
        "id": addendum.id,
        "note_id": addendum.note_id,
        "note_signature": note_signature,
        "text": addendum.text,
        "signed_at": addendum.signed_at.isoformat(),
        "signed_by": addendum.signed_by,
        "signer_credentials": addendum.signer_credentials,
        "seal": _seal_facts(seal),
    })


@dataclass(frozen=True)
class SignedEntry:
    """One signed note of a practice file, as the file's own seal lists it."""

    note_id: int
    note_signature: str
    addendum_signatures: tuple[str, ...]

    def to_list(self) -> list[Any]:
        return [self.note_id, self.note_signature, list(self.addendum_signatures)]

    @classmethod
    def from_list(cls, raw: object) -> SignedEntry:
        if (not isinstance(raw, list) or len(raw) != 3 or type(raw[0]) is not int
                or not isinstance(raw[1], str) or not isinstance(raw[2], list)
                or not all(isinstance(s, str) for s in raw[2])):
            raise ValueError("not an entry of signed notes")
        return cls(raw[0], raw[1], tuple(raw[2]))


def practice_payload(key: str, exported_at: str, vault_id: str,
                     entries: list[SignedEntry]) -> bytes:
    """The bytes a practice file's seal covers: every signed note and addendum it holds."""
    return canonical({
        "record": "stillnote-practice",
        "v": PAYLOAD_VERSION,
        "key": key,
        "exported_at": exported_at,
        "vault_id": vault_id,
        "signed_notes": [e.to_list() for e in sorted(entries, key=lambda e: e.note_id)],
    })
