"""Schema step (VERSION below): the episode's documents (intake assessments, treatment plans,
discharge summaries) are notes too.

A treatment plan or a discharge summary is written between sessions, so a note's
``appointment_id`` may now be empty (SQLite cannot drop NOT NULL in place: the table is rebuilt
the documented way, with foreign keys off for the step and checked before it commits). New
columns: ``written_on`` (a document's date when no session dates it), ``review_on`` (a plan's
review date) and ``revises`` (a plan revision: the earlier version it follows, which stays as it
was signed). Rows, ids, the full-text index and every lock on notes carry over unchanged.
"""

from __future__ import annotations

from storage.connection import Connection

VERSION = 7
# apply_migrations turns foreign keys off around this step and checks them before it commits:
# the rebuild drops the table addenda point to and puts it back under the same name.
FOREIGN_KEYS_OFF = True

_OLD_COLUMNS = ("id, appointment_id, client_id, format, prompts, sections, flags, body, status, "
                "process_notes, risk_not_assessed, signed_at, signed_by, signer_credentials, "
                "content_hash, created_at, updated_at, signature")

STATEMENTS: tuple[str, ...] = ()  # all in apply(): the triggers to keep are read from the vault

_NEW_TABLE = """CREATE TABLE notes_rebuilt (
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
)"""


def _kept(conn: Connection) -> list[str]:
    """Every trigger and index that names notes, as the vault has them now (whichever steps
    made them): dropped with the old table or in the way of the rename, made again after."""
    rows = conn.execute(
        "SELECT sql FROM sqlite_master WHERE type IN ('trigger', 'index') AND sql IS NOT NULL "
        "AND (tbl_name = 'notes' OR (type = 'trigger' AND sql LIKE '%notes%')) "
        "ORDER BY type, rowid").fetchall()
    return [str(r[0]) for r in rows]


def _trigger_names_elsewhere(conn: Connection) -> list[str]:
    """Triggers on other tables that read notes (addenda_follow_signed): a rename checks every
    trigger, so they go before it and come back after."""
    rows = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name != 'notes' "
        "AND sql LIKE '%notes%'").fetchall()
    return [str(r[0]) for r in rows]


def apply(conn: Connection) -> None:
    kept = _kept(conn)
    conn.execute(_NEW_TABLE)
    conn.execute(f"INSERT INTO notes_rebuilt ({_OLD_COLUMNS}) SELECT {_OLD_COLUMNS} FROM notes")
    for name in _trigger_names_elsewhere(conn):
        conn.execute(f'DROP TRIGGER "{name}"')
    conn.execute("DROP TABLE notes")
    conn.execute("ALTER TABLE notes_rebuilt RENAME TO notes")
    for sql in kept:
        conn.execute(sql)
    conn.execute("CREATE INDEX notes_review ON notes(format, review_on)")
