"""Finding 1: every SQL path that writes is refused on signed notes, addenda and the audit log.

Written as the attack: raw SQL through the project's own connection, including one opened
without ``recursive_triggers`` (SQLite then runs no DELETE trigger for a REPLACE conflict), so
only the triggers of migration 3 stand between REPLACE and a signed record.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlcipher3 import dbapi2

from app.cli import main
from models.appointment import Appointment, AppointmentStatus
from models.client import Client
from models.note import Note, NoteSection
from storage.connection import DB_FILE, Connection, connect
from storage.vault import Vault
from tests.storage.conftest import PASSPHRASE


@pytest.fixture
def signed(vault: Vault) -> tuple[int, int, int]:
    """(signed note id, its appointment id, a draft note id on another appointment)."""
    client = vault.clients.add(Client("Maya Thornton"))
    appts = [vault.appointments.add(Appointment(client.id or 0, datetime(2026, 3, d, 15,
                                                                         tzinfo=UTC),
                                                status=AppointmentStatus.ATTENDED))
             for d in (2, 9)]
    note = vault.notes.save_draft(Note(appts[0].id or 0, client.id or 0,
                                       sections=[NoteSection("Data", "what was signed")]))
    vault.notes.sign(note.id or 0, "J A", "LCSW", datetime(2026, 3, 2, 18, tzinfo=UTC))
    vault.notes.add_addendum(note.id or 0, "late entry", "J A", "LCSW", datetime.now(UTC))
    draft = vault.notes.save_draft(Note(appts[1].id or 0, client.id or 0))
    return note.id or 0, appts[0].id or 0, draft.id or 0


@pytest.fixture(params=["vault connection", "plain connection"])
def conn(request: pytest.FixtureRequest, vault: Vault) -> Iterator[Connection]:
    if request.param == "vault connection":
        yield vault.connection
        return
    # The project's own connect(), without configure_for_writing: recursive_triggers is off.
    other = connect(vault.path / DB_FILE, vault._data_key)
    assert other.execute("PRAGMA recursive_triggers").fetchone()[0] == 0
    yield other
    other.close()


def _columns(conn: Connection, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]


def _row(conn: Connection, table: str, row_id: int, **changes: object) -> tuple[str, list[object]]:
    cols = _columns(conn, table)
    values = dict(zip(cols, conn.execute(f"SELECT * FROM {table} WHERE id = ?",
                                         (row_id,)).fetchone(), strict=True))
    values.update(changes)
    return ", ".join(cols), [values[c] for c in cols]


def _marks(n: int) -> str:
    return ", ".join("?" * n)


ATTACKS = {
    "INSERT OR REPLACE a signed note": lambda c, note, appt, draft: c.execute(
        *_insert(c, "INSERT OR REPLACE", "notes", note, sections='[{"heading":"Data",'
                 '"text":"forged"}]')),
    "REPLACE INTO a signed note": lambda c, note, appt, draft: c.execute(
        *_insert(c, "REPLACE", "notes", note, body="forged")),
    "REPLACE a new note onto the signed note's appointment": lambda c, note, appt, draft:
        c.execute(*_insert(c, "INSERT OR REPLACE", "notes", note, id=999, status="draft")),
    "UPDATE OR REPLACE a draft onto the signed appointment": lambda c, note, appt, draft:
        c.execute("UPDATE OR REPLACE notes SET appointment_id = ? WHERE id = ?", (appt, draft)),
    "UPDATE OR REPLACE a draft onto the signed note's id": lambda c, note, appt, draft:
        c.execute("UPDATE OR REPLACE notes SET id = ? WHERE id = ?", (note, draft)),
    "UPDATE a signed note": lambda c, note, appt, draft: c.execute(
        "UPDATE notes SET sections = '[]' WHERE id = ?", (note,)),
    "UPDATE a signed note back to a draft": lambda c, note, appt, draft: c.execute(
        "UPDATE notes SET status = 'draft', signature = '' WHERE id = ?", (note,)),
    "upsert over a signed note": lambda c, note, appt, draft: c.execute(
        "INSERT INTO notes (id, appointment_id, client_id, format, created_at, updated_at) "
        "VALUES (?, ?, 1, 'soap', 'x', 'x') ON CONFLICT(id) DO UPDATE SET body = 'forged'",
        (note, appt)),
    "DELETE a signed note": lambda c, note, appt, draft: c.execute(
        "DELETE FROM notes WHERE id = ?", (note,)),
    "INSERT OR REPLACE an addendum": lambda c, note, appt, draft: c.execute(
        *_insert(c, "INSERT OR REPLACE", "addenda", _first(c, "addenda"), text="forged")),
    "UPDATE OR REPLACE an addendum": lambda c, note, appt, draft: c.execute(
        "UPDATE OR REPLACE addenda SET text = 'forged'"),
    "DELETE an addendum": lambda c, note, appt, draft: c.execute("DELETE FROM addenda"),
    "an addendum on a draft": lambda c, note, appt, draft: c.execute(
        *_insert(c, "INSERT", "addenda", _first(c, "addenda"), id=77, note_id=draft)),
    "INSERT OR REPLACE an audit entry": lambda c, note, appt, draft: c.execute(
        *_insert(c, "INSERT OR REPLACE", "audit_log", 1, detail="forged")),
    "an audit entry with an old id": lambda c, note, appt, draft: c.execute(
        *_insert(c, "INSERT", "audit_log", 1, id=0)),
    "an audit entry leaving a gap": lambda c, note, appt, draft: c.execute(
        *_insert(c, "INSERT", "audit_log", 1, id=10_000)),
    "UPDATE OR REPLACE an audit entry": lambda c, note, appt, draft: c.execute(
        "UPDATE OR REPLACE audit_log SET id = 1 WHERE id = 2"),
    "DELETE the last audit entries": lambda c, note, appt, draft: c.execute(
        "DELETE FROM audit_log WHERE id > 3"),
    "REPLACE the signing key": lambda c, note, appt, draft: c.execute(
        "INSERT OR REPLACE INTO signing_keys SELECT fingerprint, x'00', x'00', created_at, "
        "origin FROM signing_keys"),
    "a second private key": lambda c, note, appt, draft: c.execute(
        "INSERT INTO signing_keys VALUES ('ff', x'00', x'00', 'x', 'this vault')"),
}


def _first(conn: Connection, table: str) -> int:
    return int(conn.execute(f"SELECT min(id) FROM {table}").fetchone()[0])


def _insert(conn: Connection, verb: str, table: str, row_id: int,
            **changes: object) -> tuple[str, list[object]]:
    cols, values = _row(conn, table, row_id, **changes)
    return f"{verb} INTO {table} ({cols}) VALUES ({_marks(len(values))})", values


def _snapshot(conn: Connection) -> list[object]:
    return [conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()
            for t in ("notes", "addenda", "audit_log", "signing_keys")]


@pytest.mark.parametrize("attack", list(ATTACKS), ids=list(ATTACKS))
def test_every_write_to_a_signed_record_is_refused(
        attack: str, vault: Vault, signed: tuple[int, int, int], conn: Connection) -> None:
    before = _snapshot(vault.connection)
    with pytest.raises(dbapi2.IntegrityError, match="signed note is locked|append-only|"
                                                     "signing keys cannot be changed"):
        ATTACKS[attack](conn, *signed)
    assert _snapshot(vault.connection) == before
    assert vault.notes.signature_problem(vault.notes.get(signed[0])) == ""


def test_drafts_stay_writable_by_any_path(vault: Vault, signed: tuple[int, int, int]) -> None:
    conn = vault.connection
    draft = signed[2]
    conn.execute("UPDATE notes SET process_notes = 'x' WHERE id = ?", (draft,))
    conn.execute(*_insert(conn, "INSERT OR REPLACE", "notes", draft, body="replaced draft"))
    assert vault.notes.get(draft).process_notes == "x"
    conn.execute("DELETE FROM notes WHERE id = ?", (draft,))


def test_a_forgery_with_the_triggers_dropped_is_caught_everywhere(
        vault: Vault, vault_dir: object, signed: tuple[int, int, int], data_dir: object,
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Someone holding the key drops every trigger and REPLACEs the signed text: the status
    stays signed and the old hash stays, but the signature no longer matches."""
    conn = vault.connection
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                                "AND tbl_name = 'notes'").fetchall():
        conn.execute(f"DROP TRIGGER {name}")
    conn.execute(*_insert(conn, "INSERT OR REPLACE", "notes", signed[0],
                          sections='[{"heading": "Data", "text": "forged"}]'))
    assert vault.notes.get(signed[0]).is_signed
    assert "was changed after it was signed" in vault.notes.signature_problem(
        vault.notes.get(signed[0]))
    vault.close()
    monkeypatch.setenv("STILLNOTE_PASSPHRASE", PASSPHRASE)
    assert main(["audit", "verify", "--vault", str(vault_dir)]) == 1
    err = capsys.readouterr().err
    assert err == f"stillnote: Signed note {signed[0]} was changed after it was signed.\n"
    out = f"{data_dir}/note.pdf"
    assert main(["export", "note", "--vault", str(vault_dir), "--note", str(signed[0]),
                 "--out", out]) == 2
    assert "was changed after it was signed" in capsys.readouterr().err
    assert not (vault_dir.parent / "note.pdf").exists()  # type: ignore[attr-defined]


def test_signed_status_taken_away_with_triggers_dropped_is_caught(
        vault: Vault, vault_dir: object, signed: tuple[int, int, int],
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    conn = vault.connection
    conn.execute("DROP TRIGGER notes_signed_no_update")
    conn.execute("DROP TRIGGER addenda_no_delete")
    conn.execute("DELETE FROM addenda")
    vault.close()
    monkeypatch.setenv("STILLNOTE_PASSPHRASE", PASSPHRASE)
    assert main(["audit", "verify", "--vault", str(vault_dir)]) == 1
    assert "is missing" in capsys.readouterr().err
    with Vault.open(vault_dir, PASSPHRASE) as again:  # type: ignore[arg-type]
        again.connection.execute("UPDATE notes SET status = 'draft' WHERE id = ?", (signed[0],))
    assert main(["audit", "verify", "--vault", str(vault_dir)]) == 1
    assert f"Note {signed[0]} was signed" in capsys.readouterr().err
