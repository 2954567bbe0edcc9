"""The signatures a practice file carries, written on export and checked on import.

A file lists the public keys of the practices that signed its notes ("signing_keys"), each
signed note and addendum carries its own Ed25519 signature, and the file has a seal: the list
of its signed notes with their signatures and their addenda's, signed by the exporting vault.
So an import refuses a signed note that was edited (even with its hash recomputed), turned back
into a draft, left out, or stripped of an addendum. Someone who replaces every key and signature
with their own makes a file that checks out, but under another key: the import names the key's
fingerprint, which the clinician can compare with the one printed on their signed PDFs.
"""

from __future__ import annotations

from typing import Any

from models.errors import InvalidInput
from models.note import Addendum, Note
from models.signed_record import SignedEntry, practice_payload
from storage.signing import PublicKey, note_problem, short_fingerprint, signature_is_valid
from storage.vault import Vault

# The practice-file version from which every file carries signatures and a seal.
SIGNED_FROM_VERSION = 2
_REFUSED = "The practice file cannot be imported: "


def _entries(notes: list[tuple[Note, list[Addendum]]]) -> list[SignedEntry]:
    return [SignedEntry(note.id or 0, note.signature.value if note.signature else "",
                        tuple(a.signature.value if a.signature else "" for a in _by_id(adds)))
            for note, adds in notes if note.is_signed]


def _by_id(addenda: list[Addendum]) -> list[Addendum]:
    return sorted(addenda, key=lambda a: a.id or 0)


def export_signatures(vault: Vault, notes: list[tuple[Note, list[Addendum]]],
                      exported_at: str, problems: list[str]) -> dict[str, Any]:
    """The "signing_keys" and "seal" of a file holding ``notes``; each signed note that does
    not check out is added to ``problems`` (it is exported as stored: an import refuses it)."""
    keys = vault.signing.key_map()
    for note, adds in notes:
        if note.is_signed:
            problem = note_problem(note, adds, keys)
            if problem:
                problems.append(problem)
    entries = _entries(notes)
    own = vault.signing.own
    value = own.sign(practice_payload(own.fingerprint, exported_at, vault.vault_id, entries))
    return {
        "signing_keys": [k.to_dict() for k in vault.signing.trusted()],
        "seal": {"key": own.fingerprint, "vault_id": vault.vault_id,
                 "signed_notes": [e.to_list() for e in entries], "value": value},
    }


def check_signatures(data: dict[str, Any], version: int,
                     notes: list[tuple[Note, list[Addendum]]]) -> tuple[list[PublicKey], str]:
    """The file's public keys and the fingerprint of the key that sealed it; InvalidInput
    naming the first problem.

    A file with signed notes must carry its keys and a seal listing exactly those notes. A
    file with neither seal nor signed notes is a file of drafts (hand-made, or from another
    program) and comes in as such, with no keys ("").
    """
    has_signed = any(note.is_signed for note, _ in notes)
    if version < SIGNED_FROM_VERSION and has_signed:
        raise InvalidInput(
            "The practice file was written by a Stillnote that did not sign notes, so its "
            "signed notes cannot be checked; open the vault it came from with this version "
            "and export it again.")
    if not has_signed and data.get("seal") is None:
        return [], ""
    keys = _public_keys(data.get("signing_keys"))
    key_map = {k.fingerprint: k.public_raw for k in keys}
    sealed_by, listed = _seal(data, key_map)
    for note, adds in notes:
        if note.is_signed:
            problem = note_problem(note, adds, key_map)
            if problem:
                raise InvalidInput(_REFUSED + problem[0].lower() + problem[1:])
    _compare(listed, notes)
    return keys, sealed_by


def _public_keys(raw: Any) -> list[PublicKey]:
    if not isinstance(raw, list) or not raw:
        raise InvalidInput(_REFUSED + "it lists no signing keys, so its signed notes cannot "
                           "be checked.")
    try:
        return [PublicKey.from_dict(item) for item in raw]
    except ValueError:
        raise InvalidInput(_REFUSED + "one of its signing keys is damaged.") from None


def _seal(data: dict[str, Any], keys: dict[str, bytes]) -> tuple[str, list[SignedEntry]]:
    raw = data.get("seal")
    exported_at = data.get("exported_at")
    missing = InvalidInput(_REFUSED + "its seal is missing or damaged, so the file cannot be "
                           "shown to hold every signed note it was written with.")
    if not isinstance(raw, dict) or not isinstance(exported_at, str) or not all(
            isinstance(raw.get(k), str) for k in ("key", "vault_id", "value")):
        raise missing
    entries = raw.get("signed_notes")
    if not isinstance(entries, list):
        raise missing
    try:
        listed = [SignedEntry.from_list(e) for e in entries]
    except ValueError:
        raise missing from None
    payload = practice_payload(raw["key"], exported_at, raw["vault_id"], listed)
    if not signature_is_valid(keys, raw["key"], raw["value"], payload):
        raise InvalidInput(_REFUSED + "its seal does not match its signed notes (the file "
                           "was changed after it was exported).")
    return raw["key"], listed


def _compare(listed: list[SignedEntry], notes: list[tuple[Note, list[Addendum]]]) -> None:
    by_id = {note.id: (note, adds) for note, adds in notes}
    actual = {e.note_id: e for e in _entries(notes)}
    for entry in listed:
        found = by_id.get(entry.note_id)
        if found is None:
            raise InvalidInput(_REFUSED + f"signed note {entry.note_id} was removed from it.")
        if not found[0].is_signed:
            raise InvalidInput(_REFUSED + f"note {entry.note_id} was signed, but the file now "
                               "has it as a draft.")
        have = actual[entry.note_id]
        if have.note_signature != entry.note_signature:
            raise InvalidInput(_REFUSED + f"signed note {entry.note_id} is not the one it was "
                               "exported with.")
        if have.addendum_signatures != entry.addendum_signatures:
            what = ("an addendum was removed from" if len(have.addendum_signatures)
                    < len(entry.addendum_signatures) else "the addenda differ for")
            raise InvalidInput(_REFUSED + f"{what} signed note {entry.note_id}.")
    extra = set(actual) - {e.note_id for e in listed}
    if extra:
        raise InvalidInput(_REFUSED + f"note {min(extra)} is signed in the file, but the file "
                           "was not exported with it signed.")


def key_line(fingerprint: str) -> str:
    """What the import says about the key it checked signatures against."""
    return (f"Signed notes were checked against practice key {short_fingerprint(fingerprint)} "
            "(the fingerprint printed on that practice's signed PDFs).")
