"""Schema v3: signed records that cannot be replaced, and Ed25519 signatures.

- ``signing_keys``: the vault's own key pair (made here) and public keys of imported practices;
  append-only, like the audit log.
- ``signature`` columns on notes and addenda (a JSON seal, see models/signed_record.py).
- Triggers that refuse ``INSERT OR REPLACE`` / ``UPDATE OR REPLACE`` over a signed note, an
  addendum or an audit entry: SQLite runs no DELETE trigger for a REPLACE conflict unless
  ``recursive_triggers`` is on, so the v1 triggers alone let REPLACE swap a signed row.
- Notes signed before this version are signed now ("upgrade" seals, dated today) if their
  SHA-256 content hash still matches; one that no longer matches was changed before the upgrade
  and stays without a signature, so every check reports it (docs/security.md).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from models.note import (
    Addendum,
    Note,
    NoteFormat,
    NoteSection,
    NoteStatus,
    addendum_hash,
    content_hash,
)
from models.signed_record import SealKind
from storage.codec import from_json, now_utc
from storage.connection import Connection
from storage.migrations import m001_initial
from storage.signing import create_own_key, seal_text

VERSION = 3

_LOCKED = "RAISE(ABORT, 'signed note is locked: {}')"

STATEMENTS: tuple[str, ...] = (
    """CREATE TABLE signing_keys (
        fingerprint TEXT PRIMARY KEY,
        public_key BLOB NOT NULL,
        private_key BLOB,
        created_at TEXT NOT NULL,
        origin TEXT NOT NULL
    )""",
    """CREATE TRIGGER signing_keys_no_update BEFORE UPDATE ON signing_keys
       BEGIN SELECT RAISE(ABORT, 'signing keys cannot be changed'); END""",
    """CREATE TRIGGER signing_keys_no_delete BEFORE DELETE ON signing_keys
       BEGIN SELECT RAISE(ABORT, 'signing keys cannot be changed'); END""",
    """CREATE TRIGGER signing_keys_no_replace BEFORE INSERT ON signing_keys
       WHEN EXISTS (SELECT 1 FROM signing_keys WHERE fingerprint = NEW.fingerprint)
         OR (NEW.private_key IS NOT NULL
             AND EXISTS (SELECT 1 FROM signing_keys WHERE private_key IS NOT NULL))
       BEGIN SELECT RAISE(ABORT, 'signing keys cannot be changed'); END""",
    "ALTER TABLE notes ADD COLUMN signature TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE addenda ADD COLUMN signature TEXT NOT NULL DEFAULT ''",
    # INSERT OR REPLACE of a row whose id or appointment is a signed note's.
    f"""CREATE TRIGGER notes_signed_no_replace BEFORE INSERT ON notes
       WHEN EXISTS (SELECT 1 FROM notes WHERE status = 'signed'
                    AND (id = NEW.id OR appointment_id = NEW.appointment_id))
       BEGIN SELECT {_LOCKED.format('it cannot be replaced')}; END""",
    # UPDATE OR REPLACE of another (draft) row onto a signed note's id or appointment.
    f"""CREATE TRIGGER notes_signed_no_displace BEFORE UPDATE ON notes
       WHEN EXISTS (SELECT 1 FROM notes WHERE status = 'signed' AND id != OLD.id
                    AND (id = NEW.id OR appointment_id = NEW.appointment_id))
       BEGIN SELECT {_LOCKED.format('it cannot be replaced')}; END""",
    f"""CREATE TRIGGER addenda_no_replace BEFORE INSERT ON addenda
       WHEN EXISTS (SELECT 1 FROM addenda WHERE id = NEW.id)
       BEGIN SELECT {_LOCKED.format('addenda cannot be replaced')}; END""",
    f"""CREATE TRIGGER addenda_follow_signed BEFORE INSERT ON addenda
       WHEN (SELECT status FROM notes WHERE id = NEW.note_id) IS NOT 'signed'
       BEGIN SELECT {_LOCKED.format('addenda follow a signed note only')}; END""",
    # Strictly appended: the next id, never an old one again (REPLACE) nor a gap.
    """CREATE TRIGGER audit_append_only BEFORE INSERT ON audit_log
       WHEN NEW.id IS NULL OR NEW.id != 1 + coalesce((SELECT max(id) FROM audit_log), 0)
       BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
)

# The v1 "no update" triggers, lifted inside this one transaction to add the signatures.
_RELOCK = tuple(s for s in m001_initial.STATEMENTS
                if "notes_signed_no_update" in s or "addenda_no_update" in s)


def apply(conn: Connection) -> None:
    key = create_own_key(conn)
    now = now_utc()
    signed = [_legacy_note(r) for r in conn.execute(
        "SELECT id, appointment_id, client_id, format, prompts, sections, flags, process_notes, "
        "risk_not_assessed, signed_at, signed_by, signer_credentials, content_hash "
        "FROM notes WHERE status = 'signed' ORDER BY id").fetchall()]
    # IF EXISTS: whoever edited a signed note behind the app's back may have dropped them;
    # they are created again below either way.
    conn.execute("DROP TRIGGER IF EXISTS notes_signed_no_update")
    conn.execute("DROP TRIGGER IF EXISTS addenda_no_update")
    for note in signed:
        if note.signed_at is None or content_hash(note) != note.content_hash:
            continue  # changed before the upgrade: left unsigned, reported by every check
        seal = key.seal_note(note, SealKind.UPGRADE, now)
        conn.execute("UPDATE notes SET signature = ? WHERE id = ?", (seal_text(seal), note.id))
        for add in _legacy_addenda(conn, note.id or 0):
            if addendum_hash(add) == add.content_hash:
                conn.execute("UPDATE addenda SET signature = ? WHERE id = ?",
                             (seal_text(key.seal_addendum(add, seal, SealKind.UPGRADE, now)),
                              add.id))
    for statement in _RELOCK:
        conn.execute(statement)


def _legacy_note(r: Any) -> Note:
    return Note(id=r[0], appointment_id=r[1], client_id=r[2], format=NoteFormat(r[3]),
                prompts=dict(from_json(r[4], {})),
                sections=[NoteSection(**s) for s in from_json(r[5], [])],
                flags=list(from_json(r[6], [])), status=NoteStatus.SIGNED, process_notes=r[7],
                risk_not_assessed=bool(r[8]),
                signed_at=datetime.fromisoformat(r[9]) if r[9] else None,
                signed_by=r[10], signer_credentials=r[11], content_hash=r[12])


def _legacy_addenda(conn: Connection, note_id: int) -> list[Addendum]:
    rows = conn.execute("SELECT id, note_id, text, signed_at, signed_by, signer_credentials, "
                        "content_hash FROM addenda WHERE note_id = ? ORDER BY id",
                        (note_id,)).fetchall()
    return [Addendum(id=r[0], note_id=r[1], text=r[2], signed_at=datetime.fromisoformat(r[3]),
                     signed_by=r[4], signer_credentials=r[5], content_hash=r[6]) for r in rows]
