"""Notes of every kind (progress notes, intake assessments, treatment plans, discharge
summaries): drafts, signing, addenda and full-text search.

A signed note is final: database triggers refuse UPDATE, DELETE and REPLACE of its row and of
its addenda, and this repository turns that refusal (or an attempt caught earlier) into
NoteLocked. Signing and each addendum carry an Ed25519 signature (storage/signing.py).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import asdict, replace
from datetime import datetime
from typing import Any

from models.errors import NoteLocked
from models.flags import Flag
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
from storage.audit import AuditLog
from storage.codec import (
    date_text,
    date_value,
    datetime_text,
    datetime_value,
    from_json,
    now_utc,
    to_json,
    utc_text,
)
from storage.database import Database
from storage.repositories.base import Repository, row_sql
from storage.signing import Signatures, seal_text, seal_value

_COLUMNS = ("appointment_id", "client_id", "format", "prompts", "sections", "flags", "body",
            "status", "process_notes", "risk_not_assessed", "signed_at", "signed_by",
            "signer_credentials", "content_hash", "created_at", "updated_at", "signature",
            "written_on", "review_on", "revises")
_SELECT, _INSERT, _UPDATE = row_sql("notes", _COLUMNS)
_WORD = re.compile(r"\w+", re.UNICODE)
log = logging.getLogger(__name__)


def _values(n: Note) -> tuple[Any, ...]:
    return (n.appointment_id, n.client_id, str(n.format), to_json(dict(n.prompts)),
            to_json([asdict(s) for s in n.sections]), to_json([f.to_dict() for f in n.flags]),
            n.body_text(),
            str(n.status), n.process_notes, int(n.risk_not_assessed), datetime_text(n.signed_at),
            n.signed_by, n.signer_credentials, n.content_hash, datetime_text(n.created_at),
            datetime_text(n.updated_at), seal_text(n.signature), date_text(n.written_on),
            date_text(n.review_on), n.revises)


def _flags(stored: Any, note_id: int) -> list[Flag]:
    """The note's flags as stored; one of a kind this version does not know (written by a newer
    Stillnote) is left out rather than making the note unreadable, and logged by note id."""
    flags: list[Flag] = []
    for data in stored if isinstance(stored, list) else []:
        try:
            flags.append(Flag.from_dict(data))
        except (ValueError, TypeError, AttributeError):
            log.warning("note %s: a flag of an unknown kind was left out", note_id)
    return flags


def _note(r: Any) -> Note:
    return Note(
        id=r[0], appointment_id=r[1], client_id=r[2], format=NoteFormat(r[3]),
        prompts=dict(from_json(r[4], {})),
        sections=[NoteSection(**s) for s in from_json(r[5], [])],
        flags=_flags(from_json(r[6], []), r[0]),
        status=NoteStatus(r[8]), process_notes=r[9], risk_not_assessed=bool(r[10]),
        signed_at=datetime_value(r[11]), signed_by=r[12], signer_credentials=r[13],
        content_hash=r[14], created_at=datetime_value(r[15]), updated_at=datetime_value(r[16]),
        signature=seal_value(r[17]), written_on=date_value(r[18]), review_on=date_value(r[19]),
        revises=r[20])


def _about(n: Note) -> str:
    """What the audit log says a note is about: its session, or its kind and date (ids and
    dates only, never text)."""
    if n.appointment_id is not None:
        return f"appointment {n.appointment_id}"
    return f"{n.format} {n.written_on.isoformat() if n.written_on else ''}".strip()


# A note's place in time: its session's start, else its own date (a plan, a discharge summary).
_WHEN = ("coalesce((SELECT start_utc FROM appointments a WHERE a.id = n.appointment_id), "
         "n.written_on)")


_ADDENDA = ("SELECT id, note_id, text, signed_at, signed_by, signer_credentials, content_hash, "
            "signature FROM addenda")


def _addendum(r: Any) -> Addendum:
    return Addendum(id=r[0], note_id=r[1], text=r[2], signed_at=datetime.fromisoformat(r[3]),
                    signed_by=r[4], signer_credentials=r[5], content_hash=r[6],
                    signature=seal_value(r[7]))


def fts_query(text: str) -> str:
    """User words as an FTS5 query: every word must occur, as a prefix; no FTS syntax leaks in."""
    words = _WORD.findall(text)
    return " ".join(f'"{w}"*' for w in words)


class NoteRepository(Repository):
    entity = "note"

    def __init__(self, db: Database, audit: AuditLog, signing: Signatures) -> None:
        super().__init__(db, audit)
        self._signing = signing

    def save_draft(self, note: Note) -> Note:
        """Insert a new draft or update an existing one (NoteLocked if it was signed)."""
        if note.is_signed:
            raise NoteLocked()
        note = replace(note, signature=None)  # a draft carries no signature
        now = now_utc()
        with self._db.transaction() as conn:
            existing = self._existing(note)
            if existing is None:
                stored = replace(note, created_at=note.created_at or now, updated_at=now)
                cur = conn.execute(_INSERT, (note.id, *_values(stored)))
                stored.id = int(cur.lastrowid or 0)
                self._audit("create", stored.id, _about(stored))
                return stored
            if existing.is_signed:
                raise NoteLocked()
            stored = replace(note, id=existing.id, created_at=existing.created_at, updated_at=now)
            conn.execute(_UPDATE, (*_values(stored), existing.id))
            self._audit("update", existing.id, _about(stored))
            return stored

    def _existing(self, note: Note) -> Note | None:
        if note.id is not None:
            row = self._db.query_one(_SELECT + " WHERE id = ?", (note.id,))
            if row is not None:
                return _note(row)
        return self.for_appointment(note.appointment_id) if note.appointment_id is not None \
            else None

    def import_note(self, note: Note, addenda: list[Addendum]) -> Note:
        """Insert a note exactly as exported (signed or not) with its addenda: practice import.

        Signatures come in as they were made; the caller checked them against the exporting
        practice's key (app/practice_seal.py) and stored that key with ``signing.trust``.
        """
        now = now_utc()
        note = replace(note, created_at=note.created_at or now, updated_at=note.updated_at or now)
        with self._db.transaction() as conn:
            cur = conn.execute(_INSERT, (note.id, *_values(note)))
            note_id = int(cur.lastrowid or 0)
            stored = replace(note, id=note_id)
            signed = "; signed" if note.is_signed else ""
            self._audit("import", note_id, f"{_about(note)}{signed}")
            for add in addenda:
                self._insert_addendum(replace(add, note_id=note_id))
        return stored

    def get(self, note_id: int) -> Note:
        return _note(self._row(_SELECT + " WHERE id = ?", (note_id,), "The note"))

    def for_appointment(self, appt_id: int) -> Note | None:
        row = self._db.query_one(_SELECT + " WHERE appointment_id = ?", (appt_id,))
        return _note(row) if row is not None else None

    def for_client(self, client_id: int, fmt: NoteFormat | None = None) -> list[Note]:
        """The client's notes (of one format, if given), oldest first."""
        kind = " AND format = ?" if fmt is not None else ""
        rows = self._db.query(
            _SELECT + f" n WHERE client_id = ?{kind} ORDER BY {_WHEN}, id",
            (client_id, str(fmt)) if fmt is not None else (client_id,))
        return [_note(r) for r in rows]

    def of_format(self, fmt: NoteFormat) -> list[Note]:
        """Every note of one format (every treatment plan, say), oldest first."""
        rows = self._db.query(_SELECT + f" n WHERE format = ? ORDER BY {_WHEN}, id", (str(fmt),))
        return [_note(r) for r in rows]

    def statuses(self, appointment_ids: list[int]) -> dict[int, NoteStatus]:
        """Appointment id -> its note's status, for the appointments that have a note."""
        found: dict[int, NoteStatus] = {}
        for i in range(0, len(appointment_ids), 500):  # well below SQLite's variable limit
            chunk = appointment_ids[i:i + 500]
            rows = self._db.query("SELECT appointment_id, status FROM notes WHERE appointment_id "
                                  f"IN ({', '.join('?' * len(chunk))})", tuple(chunk))
            found.update({int(r[0]): NoteStatus(r[1]) for r in rows})
        return found

    def for_sessions_between(self, start: datetime, end: datetime) -> list[Note]:
        """Notes of the appointments starting in [start, end) (the risk list reads a month,
        not ten years of notes)."""
        rows = self._db.query(
            _SELECT + " WHERE appointment_id IN (SELECT id FROM appointments "
            "WHERE start_utc >= ? AND start_utc < ?) ORDER BY id", (utc_text(start),
                                                                    utc_text(end)))
        return [_note(r) for r in rows]

    def unsigned(self) -> list[Note]:
        rows = self._db.query(_SELECT + f" n WHERE status = 'draft' ORDER BY {_WHEN}, id")
        return [_note(r) for r in rows]

    def signed_between(self, start: datetime, end: datetime) -> list[Note]:
        # signed_at is stored with its offset; compare in Python to stay exact across zones.
        rows = self._db.query(_SELECT + " WHERE status = 'signed' ORDER BY signed_at, id")
        notes = [_note(r) for r in rows]
        return [n for n in notes if n.signed_at is not None and start <= n.signed_at < end]

    def recent_signed(self, limit: int, formats: Sequence[NoteFormat] = ()) -> list[Note]:
        """The most recently signed notes (of these formats, if given), newest first: the
        therapist's own style."""
        among = f" AND format IN ({', '.join('?' * len(formats))})" if formats else ""
        rows = self._db.query(_SELECT + f" WHERE status = 'signed'{among} ORDER BY signed_at "
                              "DESC, id DESC LIMIT ?", (*map(str, formats), max(0, limit)))
        return [_note(r) for r in rows]

    def all(self) -> list[Note]:
        return [_note(r) for r in self._db.query(_SELECT + " ORDER BY id")]

    def sign(self, note_id: int, signer_name: str, credentials: str, at: datetime) -> Note:
        if at.tzinfo is None:
            raise ValueError("signing time must be timezone-aware")
        with self._db.transaction() as conn:
            note = self.get(note_id)
            if note.is_signed:
                raise NoteLocked()
            signed = replace(note, status=NoteStatus.SIGNED, signed_at=at, signed_by=signer_name,
                             signer_credentials=credentials, updated_at=now_utc())
            signed.content_hash = content_hash(signed)
            signed.signature = self._signing.own.seal_note(signed, SealKind.SIGNING, at)
            conn.execute(_UPDATE, (*_values(signed), note_id))
            self._audit("sign", note_id, f"{_about(note)}; hash {signed.content_hash[:16]}")
        return signed

    def add_addendum(self, note_id: int, text: str, signer_name: str, credentials: str,
                     at: datetime) -> Addendum:
        with self._db.transaction():
            note = self.get(note_id)
            if not note.is_signed:
                raise NoteLocked("Addenda follow a signed note; this note is still a draft, "
                                 "so edit it instead.")
            add = Addendum(note_id=note_id, text=text, signed_at=at, signed_by=signer_name,
                           signer_credentials=credentials)
            add.content_hash = addendum_hash(add)
            add.id = self._next_addendum_id()  # inside the write lock: no one takes it first
            add.signature = self._signing.own.seal_addendum(add, note.signature)
            stored = self._insert_addendum(add)
            self._audit("addendum", note_id, f"addendum {stored.id}")
        return stored

    def _insert_addendum(self, add: Addendum) -> Addendum:
        with self._db.transaction() as conn:
            cur = conn.execute(
                "INSERT INTO addenda (id, note_id, text, signed_at, signed_by, signer_credentials,"
                " content_hash, signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (add.id, add.note_id, add.text, datetime_text(add.signed_at), add.signed_by,
                 add.signer_credentials, add.content_hash, seal_text(add.signature)))
        return replace(add, id=int(cur.lastrowid or 0))

    def _next_addendum_id(self) -> int:
        # The addendum's id is signed with it, so it is chosen before the row is written.
        row = self._db.query_one("SELECT coalesce(max(id), 0) + 1 FROM addenda")
        return int(row[0])

    def addenda(self, note_id: int) -> list[Addendum]:
        rows = self._db.query(_ADDENDA + " WHERE note_id = ? ORDER BY signed_at, id", (note_id,))
        return [_addendum(r) for r in rows]

    def signature_problem(self, note: Note, addenda: Sequence[Addendum] | None = None) -> str:
        """"" for a draft or a signed note (with its addenda) exactly as signed, else the one
        sentence saying what is not."""
        if note.id is None or not note.is_signed:
            return ""
        return self._signing.note_problem(note, self.addenda(note.id) if addenda is None
                                          else addenda)

    def all_addenda(self) -> dict[int, list[Addendum]]:
        """Every addendum by note id, each note's in order (one query, for checks)."""
        by_note: dict[int, list[Addendum]] = {}
        for r in self._db.query(_ADDENDA + " ORDER BY note_id, signed_at, id"):
            by_note.setdefault(int(r[1]), []).append(_addendum(r))
        return by_note

    def search_snippets(self, text: str, limit: int = 20) -> list[tuple[int, str]]:
        """(note id, a few words around the match) for notes holding every word, newest first
        (the same rule as ``search``; the snippet is FTS5's, from the note's own text)."""
        query = fts_query(text)
        if not query:
            return []
        rows = self._db.query("SELECT rowid, snippet(notes_fts, 0, '', '', '…', 12) FROM "
                              "notes_fts WHERE notes_fts MATCH ? ORDER BY rowid DESC LIMIT ?",
                              (query, int(limit)))
        return [(int(r[0]), str(r[1])) for r in rows]

    def delete_draft(self, note_id: int) -> None:
        with self._db.transaction() as conn:
            if self.get(note_id).is_signed:
                raise NoteLocked()
            conn.execute("DELETE FROM notes WHERE id = ?", (note_id,))
            self._audit("delete", note_id)

    def search(self, text: str, limit: int = 50) -> list[int]:
        """Ids of notes whose text has every word (as a prefix), newest note first.

        Newest first rather than bm25 rank: a therapist looks for "that session about X", and
        FTS5 walks rowids in order and stops at ``limit``, so a common word stays fast.
        """
        query = fts_query(text)
        if not query:
            return []
        rows = self._db.query("SELECT rowid FROM notes_fts WHERE notes_fts MATCH ? "
                                 "ORDER BY rowid DESC LIMIT ?", (query, int(limit)))
        return [int(r[0]) for r in rows]
