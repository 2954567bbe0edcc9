"""Schema v1: practice profile, clients, goals, appointments, notes (+ FTS5), addenda, audit log."""

from __future__ import annotations

VERSION = 1

STATEMENTS: tuple[str, ...] = (
    """CREATE TABLE practice (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        profile TEXT NOT NULL
    )""",
    """CREATE TABLE clients (
        id INTEGER PRIMARY KEY,
        legal_name TEXT NOT NULL,
        preferred_name TEXT NOT NULL DEFAULT '',
        pronouns TEXT NOT NULL DEFAULT '',
        date_of_birth TEXT,
        email TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        address TEXT NOT NULL DEFAULT '{}',
        insurance TEXT NOT NULL DEFAULT '{}',
        diagnoses TEXT NOT NULL DEFAULT '[]',
        ai_consent INTEGER NOT NULL DEFAULT 0,
        ai_consent_date TEXT,
        status TEXT NOT NULL DEFAULT 'active',
        discharged_on TEXT,
        calendar_code TEXT NOT NULL DEFAULT '',
        last_note_format TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
    )""",
    "CREATE INDEX clients_status ON clients(status)",
    """CREATE TABLE goals (
        id INTEGER PRIMARY KEY,
        client_id INTEGER NOT NULL REFERENCES clients(id),
        text TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'active',
        target_date TEXT
    )""",
    "CREATE INDEX goals_client ON goals(client_id)",
    """CREATE TABLE appointments (
        id INTEGER PRIMARY KEY,
        client_id INTEGER NOT NULL REFERENCES clients(id),
        start_utc TEXT NOT NULL,
        start_local TEXT NOT NULL,
        tz TEXT NOT NULL DEFAULT '',
        minutes INTEGER NOT NULL,
        modality TEXT NOT NULL,
        service TEXT NOT NULL,
        status TEXT NOT NULL,
        fee TEXT NOT NULL DEFAULT '0',
        series_id TEXT,
        cpt_code TEXT NOT NULL DEFAULT '',
        add_on_codes TEXT NOT NULL DEFAULT '[]',
        location TEXT NOT NULL DEFAULT '',
        uid TEXT NOT NULL UNIQUE,
        sequence INTEGER NOT NULL DEFAULT 0,
        updated_at TEXT
    )""",
    "CREATE INDEX appointments_start ON appointments(start_utc)",
    "CREATE INDEX appointments_client ON appointments(client_id, start_utc)",
    """CREATE TABLE notes (
        id INTEGER PRIMARY KEY,
        appointment_id INTEGER NOT NULL UNIQUE REFERENCES appointments(id),
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
        updated_at TEXT NOT NULL
    )""",
    "CREATE INDEX notes_client ON notes(client_id)",
    "CREATE INDEX notes_status ON notes(status, signed_at)",
    # The database itself refuses to change or delete a signed note: only addenda may follow.
    """CREATE TRIGGER notes_signed_no_update BEFORE UPDATE ON notes
       WHEN OLD.status = 'signed'
       BEGIN SELECT RAISE(ABORT, 'signed note is locked: add an addendum instead'); END""",
    """CREATE TRIGGER notes_signed_no_delete BEFORE DELETE ON notes
       WHEN OLD.status = 'signed'
       BEGIN SELECT RAISE(ABORT, 'signed note is locked: it cannot be deleted'); END""",
    # Full-text index over the note body, external content kept in sync by triggers.
    """CREATE VIRTUAL TABLE notes_fts USING fts5(
        body, content='notes', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
    )""",
    """CREATE TRIGGER notes_fts_insert AFTER INSERT ON notes BEGIN
        INSERT INTO notes_fts(rowid, body) VALUES (new.id, new.body);
    END""",
    """CREATE TRIGGER notes_fts_delete AFTER DELETE ON notes BEGIN
        INSERT INTO notes_fts(notes_fts, rowid, body) VALUES ('delete', old.id, old.body);
    END""",
    """CREATE TRIGGER notes_fts_update AFTER UPDATE OF body ON notes BEGIN
        INSERT INTO notes_fts(notes_fts, rowid, body) VALUES ('delete', old.id, old.body);
        INSERT INTO notes_fts(rowid, body) VALUES (new.id, new.body);
    END""",
    """CREATE TABLE addenda (
        id INTEGER PRIMARY KEY,
        note_id INTEGER NOT NULL REFERENCES notes(id),
        text TEXT NOT NULL,
        signed_at TEXT NOT NULL,
        signed_by TEXT NOT NULL,
        signer_credentials TEXT NOT NULL DEFAULT '',
        content_hash TEXT NOT NULL
    )""",
    "CREATE INDEX addenda_note ON addenda(note_id)",
    """CREATE TRIGGER addenda_no_update BEFORE UPDATE ON addenda
       BEGIN SELECT RAISE(ABORT, 'signed note is locked: addenda cannot be changed'); END""",
    """CREATE TRIGGER addenda_no_delete BEFORE DELETE ON addenda
       BEGIN SELECT RAISE(ABORT, 'signed note is locked: addenda cannot be deleted'); END""",
    """CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id INTEGER,
        detail TEXT NOT NULL DEFAULT '',
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
    )""",
    # History is append-only; the hash chain still catches anyone who drops these triggers.
    """CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_log
       BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
    """CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_log
       BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
)
