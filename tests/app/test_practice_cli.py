"""The practice commands as a user runs them: exit codes and one plain line on stderr."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main
from storage.vault import Vault

PASSPHRASE = "demo passphrase"


@pytest.fixture(autouse=True)
def passphrase(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STILLNOTE_PASSPHRASE", PASSPHRASE)


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _one_line_error(err: str) -> str:
    assert err.startswith("stillnote: ") and err.count("\n") == 1, err
    assert "Traceback" not in err
    return err


@pytest.fixture
def demo(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    vault_dir = data_dir / "demo"
    code, out, err = _run(capsys, "demo", "--vault", str(vault_dir))
    assert code == 0, err
    assert "13 clients" in out and "Recovery key" in out
    return vault_dir


def test_demo_then_audit_verify(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "audit", "verify", "--vault", str(demo))
    assert code == 0 and "intact" in out


def test_demo_refuses_an_existing_vault(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "demo", "--vault", str(demo))
    assert code == 2 and "already exists" in _one_line_error(err)


def test_export_import_round_trip(demo: Path, data_dir: Path,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    out_file = data_dir / "practice.json"
    code, out, err = _run(capsys, "export", "practice", "--vault", str(demo), "--out",
                          str(out_file))
    assert code == 0, err
    data = json.loads(out_file.read_text(encoding="utf-8"))
    for key in ("practice", "clients", "appointments", "notes"):
        assert key in data
    for key in ("clients", "appointments", "notes"):
        assert data[key] and all("id" in r for r in data[key])
    assert all({"appointment_id", "client_id", "signed_at"} <= set(n) for n in data["notes"])
    assert all("process_notes" not in n for n in data["notes"])
    assert any(n["signed_at"] for n in data["notes"]) and any(
        n["signed_at"] is None for n in data["notes"])

    target = data_dir / "imported"
    code, out, err = _run(capsys, "import", "practice", "--vault", str(target), str(out_file))
    assert code == 0, err
    second = data_dir / "again.json"
    assert _run(capsys, "export", "practice", "--vault", str(target), "--out", str(second))[0] == 0
    again = json.loads(second.read_text(encoding="utf-8"))
    for key in ("practice", "clients", "appointments", "notes", "payments", "authorizations",
                "fee_schedule", "good_faith_estimates"):
        assert again[key] == data[key], key
    # every client says who is billed; the demo's billing details travel with them
    assert {c["billing"] for c in data["clients"]} == {"insurance", "self_pay"}
    assert any(c["insurance"]["relationship"] == "child" for c in data["clients"])
    assert any(c["secondary_insurance"]["payer"] for c in data["clients"])
    assert data["good_faith_estimates"] and all(
        e["client_id"] in {c["id"] for c in data["clients"] if c["billing"] == "self_pay"}
        for e in data["good_faith_estimates"])
    with Vault.open(target, PASSPHRASE) as vault:
        assert vault.audit.verify().ok
        signed = [n for n in vault.notes.all() if n.is_signed]
        from models.note import content_hash

        assert signed and all(content_hash(n) == n.content_hash for n in signed)


def test_import_refuses_a_vault_with_a_practice(demo: Path, data_dir: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    out_file = data_dir / "practice.json"
    _run(capsys, "export", "practice", "--vault", str(demo), "--out", str(out_file))
    code, _, err = _run(capsys, "import", "practice", "--vault", str(demo), str(out_file))
    assert code == 2 and "empty vault" in _one_line_error(err)


def test_import_of_malformed_json(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = data_dir / "bad.json"
    bad.write_text('{"practice": {}, "clients": [', encoding="utf-8")
    target = data_dir / "v"
    code, _, err = _run(capsys, "import", "practice", "--vault", str(target), str(bad))
    assert code == 2 and "not valid JSON" in _one_line_error(err)
    assert not target.exists()
    bad.write_text('{"practice": {}, "clients": [{"legal_name": "x"}], "appointments": [], '
                   '"notes": []}', encoding="utf-8")
    code, _, err = _run(capsys, "import", "practice", "--vault", str(target), str(bad))
    assert code == 2 and "clients[0]" in _one_line_error(err)
    assert not target.exists()  # the vault made for the import is not left behind empty


def test_wrong_passphrase_is_one_line(demo: Path, data_dir: Path,
                                      capsys: pytest.CaptureFixture[str],
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STILLNOTE_PASSPHRASE", "wrong")
    code, _, err = _run(capsys, "export", "practice", "--vault", str(demo), "--out",
                        str(data_dir / "x.json"))
    assert code == 2 and "passphrase is not correct" in _one_line_error(err)
    assert not (data_dir / "x.json").exists()


def test_missing_passphrase_is_one_line(demo: Path, capsys: pytest.CaptureFixture[str],
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("STILLNOTE_PASSPHRASE")
    code, _, err = _run(capsys, "audit", "verify", "--vault", str(demo))
    assert code == 2 and "STILLNOTE_PASSPHRASE" in _one_line_error(err)


def test_missing_vault(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "audit", "verify", "--vault", str(data_dir / "none"))
    assert code == 2 and "There is no vault" in _one_line_error(err)


def test_audit_verify_names_the_broken_entry(demo: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    with Vault.open(demo, PASSPHRASE) as vault:
        vault.connection.execute("DROP TRIGGER audit_no_update")
        vault.connection.execute("UPDATE audit_log SET entity_id = 999 WHERE id = 7")
    code, _, err = _run(capsys, "audit", "verify", "--vault", str(demo))
    assert code == 1 and "entry 7" in _one_line_error(err)


def test_backup_and_restore(demo: Path, data_dir: Path, capsys: pytest.CaptureFixture[str],
                            monkeypatch: pytest.MonkeyPatch) -> None:
    backup = data_dir / "b.backup"
    code, out, err = _run(capsys, "backup", "--vault", str(demo), "--out", str(backup))
    assert code == 0 and backup.exists(), err
    monkeypatch.setenv("STILLNOTE_PASSPHRASE", "wrong")
    code, _, err = _run(capsys, "restore", "--vault", str(demo), str(backup))
    assert code == 2 and "passphrase" in _one_line_error(err)
    monkeypatch.setenv("STILLNOTE_PASSPHRASE", PASSPHRASE)
    code, out, err = _run(capsys, "restore", "--vault", str(demo), str(backup))
    assert code == 0, err
    assert "previous vault was kept" in out
    assert len(list(data_dir.glob("demo.before-restore-*"))) == 1
    assert _run(capsys, "audit", "verify", "--vault", str(demo))[0] == 0


def test_restore_of_a_non_backup(demo: Path, data_dir: Path,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    junk = data_dir / "junk"
    junk.write_bytes(b"\x00junk")
    code, _, err = _run(capsys, "restore", "--vault", str(demo), str(junk))
    assert code == 2 and "not a Stillnote backup" in _one_line_error(err)


def test_import_is_all_or_nothing_in_an_existing_vault(data_dir: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    target = data_dir / "v"
    Vault.create(target, PASSPHRASE)[0].close()
    doc = {"practice": {"clinician_name": "J"},
           "clients": [{"id": 5, "legal_name": "Kept Nowhere"}],
           "appointments": [{"id": 1, "client_id": 5, "start": "2026-03-02T10:00:00-05:00"}],
           "notes": [{"id": 1, "appointment_id": 1, "client_id": 5, "status": "bogus"}]}
    bad = data_dir / "p.json"
    bad.write_text(json.dumps(doc), encoding="utf-8")
    code, _, err = _run(capsys, "import", "practice", "--vault", str(target), str(bad))
    assert code == 2 and "notes[0]" in _one_line_error(err)
    with Vault.open(target, PASSPHRASE) as vault:
        assert vault.clients.list() == [] and vault.appointments.all() == []
        assert vault.practice.get().clinician_name == ""
    doc["notes"] = []
    bad.write_text(json.dumps(doc), encoding="utf-8")
    assert _run(capsys, "import", "practice", "--vault", str(target), str(bad))[0] == 0
    with Vault.open(target, PASSPHRASE) as vault:
        assert vault.clients.get(5).legal_name == "Kept Nowhere"
        assert vault.appointments.get(1).start.hour == 10


def test_demo_and_backup_leave_no_plaintext(demo: Path, data_dir: Path, temp_dir: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    from app.demo import _CLIENTS, _CONCERNS, _PROCESS_NOTE

    assert _run(capsys, "backup", "--vault", str(demo), "--out", str(data_dir / "b.bak"))[0] == 0
    secrets = [c.legal for c in _CLIENTS] + [c.dx[0][1] for c in _CLIENTS] + list(_CONCERNS)
    secrets += [c.payer for c in _CLIENTS if c.payer] + [_PROCESS_NOTE[:40]]
    files = [p for d in (data_dir, temp_dir) for p in d.rglob("*") if p.is_file()]
    assert len(files) >= 3
    for path in files:
        data = path.read_bytes()
        for secret in secrets:
            assert secret.encode("utf-8") not in data, (secret, path.name)


def test_damaged_files_are_one_line(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from storage.connection import DB_FILE
    from storage.keys import KEYS_FILE

    db = demo / DB_FILE
    data = bytearray(db.read_bytes())
    data[0:8192] = bytes(8192)
    db.write_bytes(bytes(data))
    code, _, err = _run(capsys, "audit", "verify", "--vault", str(demo))
    assert code == 2 and "damaged" in _one_line_error(err)
    keys = demo / KEYS_FILE
    keys.write_text(keys.read_text().replace('"memory_cost": 65536', '"memory_cost": 99999999'))
    code, _, err = _run(capsys, "audit", "verify", "--vault", str(demo))
    assert code == 2 and "key file is damaged" in _one_line_error(err)
    keys.unlink()
    code, _, err = _run(capsys, "audit", "verify", "--vault", str(demo))
    assert code == 2 and "key file (keys.json) is missing" in _one_line_error(err)


def test_unwritable_output_folder_is_one_line(demo: Path, data_dir: Path,
                                              capsys: pytest.CaptureFixture[str],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    import storage.files

    def refuse(*_args: object, **_kwargs: object) -> tuple[int, str]:
        raise OSError(errno.EROFS, "Read-only file system")  # as root, chmod cannot show it

    monkeypatch.setattr(storage.files.tempfile, "mkstemp", refuse)
    for argv in (["export", "practice", "--out"], ["backup", "--out"]):
        code, _, err = _run(capsys, *argv[:-1], "--vault", str(demo), argv[-1],
                            str(data_dir / "ro" / "out.file"))
        assert code == 2 and "may not write to" in _one_line_error(err)
    assert not (data_dir / "ro" / "out.file").exists()
    assert [p.name for p in demo.iterdir() if p.name.startswith(".")] == []


def test_our_own_sql_bug_exits_70_with_one_line_naming_no_phi(
        demo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    from storage.audit import AuditLog

    def broken_verify(self: AuditLog) -> None:
        self._db.query("SELECT detail FROM audit_log WHERE actor = 'Maya Thornton' AND oops")

    monkeypatch.setattr(AuditLog, "verify", broken_verify)
    code, _, err = _run(capsys, "audit", "verify", "--vault", str(demo))
    line = _one_line_error(err)
    assert code == 70 and "internal error" in line and "DatabaseBug: SQLITE_ERROR" in line
    assert "Maya" not in line and "could not be read or written" not in line
