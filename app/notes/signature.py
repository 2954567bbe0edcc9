"""Whether a signed note is as it was signed: checked whenever one is shown or exported."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from models.note import Addendum, Note
from storage.signing import short_fingerprint

if TYPE_CHECKING:
    from storage.vault import Vault


def signature_problem(vault: Vault, note: Note, addenda: Sequence[Addendum] | None = None) -> str:
    """"" for a draft or for a signed note (with its addenda) exactly as signed, else the one
    sentence saying what is not."""
    return vault.notes.signature_problem(note, addenda)


def key_label(note: Note) -> str:
    """The fingerprint of the key that signed ``note`` as people compare it ("" unsigned)."""
    return short_fingerprint(note.signature.key) if note.signature is not None else ""


def signature_status(vault: Vault, note: Note) -> str:
    """What the note window says under a signed note: checked, or what is wrong."""
    if not note.is_signed:
        return ""
    problem = signature_problem(vault, note)
    if problem:
        return f"Warning: {problem} Do not rely on it as signed; restore a backup."
    return f"Signature checked (practice key {key_label(note)})."
