"""The audit log: who did what to which record and when, hash-chained.

Each entry's hash is SHA-256 over its own fields and the previous entry's hash, so changing,
removing or inserting any past entry breaks every hash after it; verify() finds the first.
Details carry ids and field names only, never note text or names.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime

from storage.codec import now_utc
from storage.database import Database

GENESIS = "0" * 64


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: datetime
    actor: str
    action: str
    entity: str
    entity_id: int | None
    detail: str
    prev_hash: str
    hash: str


@dataclass(frozen=True)
class AuditVerdict:
    ok: bool
    first_broken_id: int | None
    message: str


def entry_hash(entry_id: int, at: str, actor: str, action: str, entity: str,
               entity_id: int | None, detail: str, prev_hash: str) -> str:
    payload = [entry_id, at, actor, action, entity, entity_id, detail, prev_hash]
    blob = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return hashlib.sha256(blob).hexdigest()


class AuditLog:
    def __init__(self, db: Database, actor: str) -> None:
        self._db = db
        self._actor = actor

    def record(self, action: str, entity: str, entity_id: int | None,
               detail: str = "") -> AuditEntry | None:
        """Append one entry (in the caller's transaction, if any). None on a vault that failed
        its checks on unlock: nothing may be written to it, yet the therapist must still be
        able to take their records out of it (exports), so those go unrecorded."""
        if self._db.refusal:
            return None
        with self._db.transaction() as conn:
            last = conn.execute(
                "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
            entry_id = (last[0] + 1) if last else 1
            prev = last[1] if last else GENESIS
            at = now_utc()
            at_text = at.isoformat()
            actor = self._actor
            digest = entry_hash(entry_id, at_text, actor, action, entity, entity_id, detail, prev)
            conn.execute(
                "INSERT INTO audit_log (id, at, actor, action, entity, entity_id, detail, "
                "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (entry_id, at_text, actor, action, entity, entity_id, detail, prev, digest))
        return AuditEntry(entry_id, at, actor, action, entity, entity_id, detail, prev, digest)

    def entries(self) -> list[AuditEntry]:
        rows = self._db.query(
            "SELECT id, at, actor, action, entity, entity_id, detail, prev_hash, hash "
            "FROM audit_log ORDER BY id")
        return [AuditEntry(r[0], datetime.fromisoformat(r[1]), r[2], r[3], r[4], r[5], r[6],
                           r[7], r[8]) for r in rows]

    def verify(self) -> AuditVerdict:
        rows = self._db.query(
            "SELECT id, at, actor, action, entity, entity_id, detail, prev_hash, hash "
            "FROM audit_log ORDER BY id")
        prev = GENESIS
        expected_id = 1
        for r in rows:
            entry_id = int(r[0])
            if entry_id != expected_id:
                return _broken(expected_id, "is missing")
            recomputed = entry_hash(entry_id, r[1], r[2], r[3], r[4], r[5], r[6], r[7])
            if r[7] != prev or recomputed != r[8]:
                return _broken(entry_id, "was changed")
            prev = r[8]
            expected_id += 1
        return AuditVerdict(True, None, f"The audit log is intact ({len(rows)} entries).")


def _broken(entry_id: int, what: str) -> AuditVerdict:
    return AuditVerdict(False, entry_id,
                        f"The audit log is broken: entry {entry_id} {what} after it was written.")
