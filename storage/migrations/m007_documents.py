"""Schema v6: the episode's documents (intake assessments, treatment plans, discharge summaries)
are notes too.

A treatment plan or a discharge summary is written between sessions, so a note's
``appointment_id`` may now be empty (SQLite cannot drop NOT NULL in place: the table is rebuilt
the documented way, with foreign keys off for the step and checked before it commits). New
columns: ``written_on`` (a document's date when no session dates it), ``review_on`` (a plan's
review date) and ``revises`` (a plan revision: the earlier version it follows, which stays as it
was signed). Rows, ids, the full-text index and every lock of v1 and v3 carry over unchanged.
"""

from __future__ import annotations

from storage.migrations import m001_initial, m003_signatures

VERSION = 7
# apply_migrations turns foreign keys off around this step and checks them before it commits:
# the rebuild drops the table addenda point to and puts it back under the same name.
FOREIGN_KEYS_OFF = True

_OLD_COLUMNS = ("id, appointment_id, client_id, format, prompts, sections, flags, body, status, "
                "process_notes, risk_not_assessed, signed_at, signed_by, signer_credentials, "
                "content_hash, created_at, updated_at, signature")
# The locks and the index triggers on notes, as v1 and v3 made them (dropped with the table),
# and the addenda trigger that reads notes (dropped first: a rename checks every trigger).
_NOTE_TRIGGERS = tuple(
    s for s in (*m001_initial.STATEMENTS, *m003_signatures.STATEMENTS)
    if s.lstrip().startswith("CREATE TRIGGER") and (" ON notes" in s
                                                   or "addenda_follow_signed" in s))

STATEMENTS: tuple[str, ...] = (
    """CREATE TABLE notes_v6 (
        id INTEGER PRIMARY KEY,
        appointment_id INTEGER UNIQUE REFERENCES appointments(id),
        client_id INTEGER NOT NULL REFERENCES clients(id),
        format TEXT NOT NULL,
        prompts TEXT NOT NULL DEFAULT '{}',
        sections TEXT NOT NULL DEFAULT '[]',
        flags TEXT NOT NULL DEFAULT '[]',
        body TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'draft',
        process_notes TEXT NOT NULL DEFAULT '',
        risk_not_assessed INTEGER NOT NULL DEFAULT 0,
        signed_at TEXT,
        signed_by TEXT NOT NULL DEFAULT '',
        signer_credentials TEXT NOT NULL DEFAULT '',
        content_hash TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        signature TEXT NOT NULL DEFAULT '',
        written_on TEXT,
        review_on TEXT,
        revises INTEGER REFERENCES notes(id),
        CHECK (appointment_id IS NOT NULL OR written_on IS NOT NULL)
    )""",
    f"INSERT INTO notes_v6 ({_OLD_COLUMNS}) SELECT {_OLD_COLUMNS} FROM notes",
    "DROP TRIGGER addenda_follow_signed",
    "DROP TABLE notes",
    "ALTER TABLE notes_v6 RENAME TO notes",
    "CREATE INDEX notes_client ON notes(client_id, format)",
    "CREATE INDEX notes_status ON notes(status, signed_at)",
    "CREATE INDEX notes_review ON notes(format, review_on)",
    *_NOTE_TRIGGERS,
)
