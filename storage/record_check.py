"""Everything `stillnote audit verify` checks, in one pass, reporting the first failure.

1. The vault matches its head kept outside the database (not rolled back, chain not cut).
2. The audit log's hash chain is intact from the first entry.
3. Every signed note and addendum matches its Ed25519 signature.
4. What the audit log says was signed is still there: a note recorded as signed is still a
   signed note, an addendum recorded as added still exists (a note turned back into a draft or
   an addendum deleted with the triggers dropped would otherwise leave no trace in the rows).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storage.signing import note_problem
from storage.vault import Vault

_ADDENDUM = re.compile(r"^addendum (\d+)$")


@dataclass(frozen=True)
class RecordVerdict:
    ok: bool
    message: str


def check_record(vault: Vault) -> RecordVerdict:
    if vault.problem is not None:
        return RecordVerdict(False, vault.problem.what)
    chain = vault.audit.verify()
    if not chain.ok:
        return RecordVerdict(False, chain.message)
    notes = {n.id: n for n in vault.notes.all()}
    addenda = vault.notes.all_addenda()
    keys = vault.signing.key_map()
    signed = [n for n in notes.values() if n.is_signed]
    for note in signed:
        problem = note_problem(note, addenda.get(note.id or 0, []), keys)
        if problem:
            return RecordVerdict(False, problem)
    addendum_ids = {a.id for adds in addenda.values() for a in adds}
    for entry in vault.audit.entries():
        if entry.entity != "note" or entry.entity_id is None:
            continue
        was_signed = entry.action == "sign" or (entry.action == "import"
                                                 and entry.detail.endswith("; signed"))
        now = notes.get(entry.entity_id)
        if was_signed and (now is None or not now.is_signed):
            state = "is missing" if now is None else "is no longer signed"
            return RecordVerdict(False, f"Note {entry.entity_id} was signed (audit entry "
                                        f"{entry.id}) but {state}.")
        match = _ADDENDUM.match(entry.detail) if entry.action == "addendum" else None
        if match and int(match[1]) not in addendum_ids:
            return RecordVerdict(False, f"Addendum {match[1]} to note {entry.entity_id} "
                                        f"(audit entry {entry.id}) is missing.")
    return RecordVerdict(True, f"{chain.message[:-1]}; it matches the vault's last known state, "
                               f"and all {len(signed)} signed notes are as they were signed.")
