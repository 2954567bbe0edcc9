"""Findings 4 and 7, as a user or a damaged file produces them: every value that enters is
checked and refused in one line (exit 2, never the internal-error exit 70), one bad record does
not break a whole export, and no control character reaches a terminal or a calendar."""

from __future__ import annotations

import copy
import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import icalendar
import pytest
from pypdf import PdfReader

from app.cli import main
from app.demo import build_demo_practice
from models.client import Client
from storage.vault import Vault
from tests.app.practice_files import exported_demo, refused_import
from tests.storage.conftest import file_hashes

PASSPHRASE = "hostile input"
FACTS = {"format": "soap", "session": {"date": "2026-03-02", "minutes": 50},
         "client": {"name": "Maya"}, "prompts": {"presenting_concerns": "Sleep is poor.",
                                                 "plan": "Meet next week."}}


@pytest.fixture(autouse=True)
def passphrase(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STILLNOTE_PASSPHRASE", PASSPHRASE)


def _one_line(capsys: pytest.CaptureFixture[str], code: int, expected: int = 2) -> str:
    out, err = capsys.readouterr()
    assert code == expected, err
    assert err.startswith("stillnote: ") and err.count("\n") == 1 and "Traceback" not in err, err
    return err


# --- draft --facts ----------------------------------------------------------------------------
def _draft(tmp_path: Path, text: str) -> int:
    path = tmp_path / "facts.json"
    path.write_text(text, encoding="utf-8")
    return main(["draft", "--facts", str(path), "--model", str(tmp_path / "none.gguf")])


FACTS_CASES = {
    "a 5,000-digit integer": (json.dumps(FACTS)[:-1] + ', "n": ' + "7" * 5000 + "}",
                              "too many digits"),
    "a lone surrogate": (json.dumps(FACTS).replace("Sleep", "\\ud800Sleep"), "lone surrogate"),
    "NaN": (json.dumps(FACTS)[:-1] + ', "n": NaN}', "the value NaN"),
    "Infinity minutes": (json.dumps(FACTS).replace('"minutes": 50', '"minutes": 1e999999'),
                         "not finite"),
    "nested 900 deep": (json.dumps(FACTS)[:-1] + ', "x": ' + "[" * 900 + "]" * 900 + "}",
                        "nested too deeply"),
    "a prompt that is a list": (json.dumps({**FACTS, "prompts": {"plan": ["a"]}}), "must be text"),
}


@pytest.mark.parametrize("case", list(FACTS_CASES), ids=list(FACTS_CASES))
def test_hostile_session_facts_are_refused_in_one_line(
        case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text, words = FACTS_CASES[case]
    assert words in _one_line(capsys, _draft(tmp_path, text))


def test_draft_text_output_carries_no_control_characters(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    facts = copy.deepcopy(FACTS)
    facts["prompts"]["presenting_concerns"] = ("Sleep\x1b]0;owned\x07 is poor\x00\x1b[2J; "
                                               "worse\u2028lately\u0085\u202e.")
    code = _draft(tmp_path, json.dumps(facts))
    out, _ = capsys.readouterr()
    assert code == 0 and "sleep" in out and "poor" in out
    assert not any(c in out for c in "\x1b\x00\x07\u0085\u2028\u202e\r")


# --- import practice --------------------------------------------------------------------------
@pytest.fixture(scope="module")
def practice(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return exported_demo(tmp_path_factory.mktemp("hostile"), PASSPHRASE)


def _draft_note(d: dict[str, Any]) -> dict[str, Any]:
    return next(n for n in d["notes"] if n["status"] == "draft")


IMPORT_CASES: dict[str, tuple[Callable[[dict[str, Any]], None], str]] = {
    "time zone Not/AZone": (lambda d: d["practice"].__setitem__("timezone", "Not/AZone"),
                            "practice (field 'timezone')"),
    "an appointment's zone": (lambda d: d["appointments"][0].__setitem__("timezone", "Mars/Base"),
                              "appointments[0] (field 'timezone')"),
    "fee NaN": (lambda d: d["appointments"][0].__setitem__("fee", "NaN"), "(field 'fee')"),
    "fee Infinity": (lambda d: d["appointments"][0].__setitem__("fee", "Infinity"),
                     "(field 'fee')"),
    "fee 1e999999": (lambda d: d["appointments"][0].__setitem__("fee", "1e999999"),
                     "(field 'fee')"),
    "fee of a tenth of a cent": (lambda d: d["appointments"][0].__setitem__("fee", "10.001"),
                                 "(field 'fee')"),
    "a negative payment": (lambda d: d["payments"][0].__setitem__("amount", "-5"),
                           "payments[0] (field 'amount')"),
    "minutes 10^12": (lambda d: d["appointments"][0].__setitem__("minutes", 10**12),
                      "(field 'minutes')"),
    "a start in year 9999": (lambda d: d["appointments"][0].__setitem__(
        "start", "9999-12-31T23:00:00+00:00"), "(field 'start')"),
    "an id beyond SQLite's integers": (lambda d: d["clients"][0].__setitem__("id", 2**64),
                                       "number too large"),
    "an id as text": (lambda d: d["clients"][0].__setitem__("id", "1"), "(field 'id')"),
    "flags nested 900 deep": (lambda d: _draft_note(d).__setitem__("flags", _deep(900)),
                              "nested too deeply"),
    "a flag holding an object": (lambda d: _draft_note(d).__setitem__(
        "flags", [{"kind": "x", "more": {"a": 1}}]), "(field 'flags')"),
    "a lone surrogate in a name": (lambda d: d["clients"][0].__setitem__("legal_name",
                                                                         "Maya \ud800"),
                                   "lone surrogate"),
    "sessions authorized 10^12": (lambda d: d["authorizations"][0].__setitem__(
        "sessions_authorized", 10**12), "(field 'sessions_authorized')"),
    "a birth date in year 1": (lambda d: d["clients"][0].__setitem__("date_of_birth",
                                                                     "0001-01-01"),
                               "(field 'date_of_birth')"),
}


def _deep(depth: int) -> Any:
    value: Any = []
    for _ in range(depth):
        value = [value]
    return value


@pytest.mark.parametrize("case", list(IMPORT_CASES), ids=list(IMPORT_CASES))
def test_hostile_practice_values_are_refused_in_one_line(
        case: str, practice: dict[str, Any], data_dir: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    edit, words = IMPORT_CASES[case]
    doc = copy.deepcopy(practice)
    edit(doc)
    assert words in refused_import(doc, data_dir, PASSPHRASE, capsys)


def test_a_5000_digit_integer_in_a_practice_file(data_dir: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    path = data_dir / "p.json"
    path.write_text('{"practice": {}, "clients": [{"id": ' + "9" * 5000 + "}], "
                    '"appointments": [], "notes": []}', encoding="utf-8")
    err = _one_line(capsys, main(["import", "practice", "--vault", str(data_dir / "v"),
                                  str(path)]))
    assert "too many digits" in err and not (data_dir / "v").exists()


# --- backups ----------------------------------------------------------------------------------
@pytest.fixture
def backup(data_dir: Path) -> Path:
    from storage.backup import backup_vault

    with Vault.create(data_dir / "vault", PASSPHRASE)[0] as vault:
        vault.clients.add(Client("Maya Thornton"))
        return backup_vault(vault, data_dir / "b.bak")


def _rewrite(src: Path, dst: Path, change: Callable[[str, bytes], bytes],
             compress: int = zipfile.ZIP_STORED) -> Path:
    with zipfile.ZipFile(src) as a, zipfile.ZipFile(dst, "w", compression=compress) as b:
        for name in a.namelist():
            b.writestr(name, change(name, a.read(name)))
    return dst


def test_a_backup_whose_crc_fails(backup: Path, data_dir: Path,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    data = bytearray(backup.read_bytes())
    offset = data.find(b"stillnote.db") + 200  # inside the stored database member
    data[offset] ^= 0xFF
    broken = data_dir / "crc.bak"
    broken.write_bytes(bytes(data))
    before = file_hashes(data_dir / "vault")
    err = _one_line(capsys, main(["restore", "--vault", str(data_dir / "vault"), str(broken)]))
    assert "damaged" in err and file_hashes(data_dir / "vault") == before


def test_a_backup_whose_schema_version_is_text(backup: Path, data_dir: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    def change(name: str, data: bytes) -> bytes:
        if name != "manifest.json":
            return data
        return json.dumps({**json.loads(data), "schema_version": "abc"}).encode()

    broken = _rewrite(backup, data_dir / "abc.bak", change)
    err = _one_line(capsys, main(["restore", "--vault", str(data_dir / "vault"), str(broken)]))
    assert "not a Stillnote backup" in err


def test_a_deflated_gigabyte_is_refused_before_it_is_inflated(
        backup: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bomb = data_dir / "bomb.bak"
    with zipfile.ZipFile(backup) as src, zipfile.ZipFile(bomb, "w") as dst:
        for name in ("manifest.json", "keys.json"):
            dst.writestr(name, src.read(name))
        info = zipfile.ZipInfo("stillnote.db")
        info.compress_type = zipfile.ZIP_DEFLATED
        with dst.open(info, "w", force_zip64=True) as member:
            chunk = bytes(2**20)
            for _ in range(1024):
                member.write(chunk)
    assert bomb.stat().st_size < 20 * 2**20
    err = _one_line(capsys, main(["restore", "--vault", str(data_dir / "vault"), str(bomb)]))
    assert "not a Stillnote backup" in err
    assert sum(p.stat().st_size for p in data_dir.rglob("*") if p.is_file()) < 100 * 2**20


# --- exports ----------------------------------------------------------------------------------
def test_dates_out_of_range_on_the_command_line(data_dir: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    Vault.create(data_dir / "v", PASSPHRASE)[0].close()
    with pytest.raises(SystemExit) as exit_info:
        main(["export", "ics", "--vault", str(data_dir / "v"), "--out", str(data_dir / "c.ics"),
              "--to", "9999-12-31"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "outside the years Stillnote handles" in err


def test_one_bad_appointment_does_not_break_the_calendar(
        data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A record no import lets in, put there by a damaged file or raw SQL."""
    with Vault.create(data_dir / "v", PASSPHRASE)[0] as vault:
        build_demo_practice(vault)
        bad, worse = vault.appointments.all()[:2]
        vault.connection.execute("UPDATE appointments SET minutes = ? WHERE id = ?",
                                 (10**12, bad.id))
        vault.connection.execute("UPDATE appointments SET start_local = ?, "
                                 "start_utc = '9999-12-31T23:59:00.000000Z' WHERE id = ?",
                                 ("9999-12-31T23:59:00+00:00", worse.id))
        total = len(vault.appointments.all())
    out_file = data_dir / "c.ics"
    code = main(["export", "ics", "--vault", str(data_dir / "v"), "--out", str(out_file)])
    out, err = capsys.readouterr()
    assert code == 2 and f"Wrote {out_file} ({total - 2} events)" in out
    assert err.count("\n") == 2 and f"appointment {bad.id} was left out" in err
    assert len(icalendar.Calendar.from_ical(out_file.read_bytes()).walk("VEVENT")) == total - 2


def test_names_with_line_separators_stay_in_their_line(
        data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from datetime import UTC, datetime

    from models.appointment import Appointment

    with Vault.create(data_dir / "v", PASSPHRASE)[0] as vault:
        client = vault.clients.add(Client("Maya\u2028DTSTART:19700101T000000Z\u0085\x1b[31m\x00"
                                          "\u2029Thornton"))
        vault.appointments.add(Appointment(client.id or 0, datetime(2026, 3, 2, 15, tzinfo=UTC)))
    out_file = data_dir / "c.ics"
    assert main(["export", "ics", "--vault", str(data_dir / "v"), "--out", str(out_file),
                 "--include-names"]) == 0
    text = out_file.read_bytes().decode("utf-8")
    assert not any(c in text for c in "\u2028\u2029\u0085\x1b\x00")
    [event] = icalendar.Calendar.from_ical(text).walk("VEVENT")
    assert "DTSTART:19700101" in str(event["SUMMARY"])  # inside the title, not a property
    assert event["DTSTART"].dt.year == 2026


def test_a_note_pdf_for_a_5000_character_name(data_dir: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    from datetime import UTC, datetime

    from models.appointment import Appointment, AppointmentStatus
    from models.note import Note, NoteSection

    name = " ".join(f"Name{i:04d}" for i in range(556))[:5000]
    with Vault.create(data_dir / "v", PASSPHRASE)[0] as vault:
        client = vault.clients.add(Client(name))
        appt = vault.appointments.add(Appointment(client.id or 0, datetime(2026, 3, 2, 15,
                                                                           tzinfo=UTC),
                                                  status=AppointmentStatus.ATTENDED))
        note = vault.notes.save_draft(Note(appt.id or 0, client.id or 0,
                                           sections=[NoteSection("Data", "Text.")]))
        vault.notes.sign(note.id or 0, "J A", "LCSW", datetime.now(UTC))
    out_file = data_dir / "n.pdf"
    assert main(["export", "note", "--vault", str(data_dir / "v"), "--note", str(note.id),
                 "--out", str(out_file)]) == 0, capsys.readouterr().err
    text = "".join(page.extract_text() for page in PdfReader(out_file).pages)
    assert "Name0554" in text.replace("\n", " ")  # the last words of the name are printed
    assert "…" in text  # and the page header cut it to one line


def test_a_superbill_for_a_5000_character_name(tmp_path: Path) -> None:
    import dataclasses
    from datetime import date

    from app.billing.superbill import build_superbill
    from app.pdf.superbill_pdf import render_superbill
    from models.billing import FeePolicy
    from tests.app.billing import sample

    name = " ".join(f"Name{i:04d}" for i in range(556))[:5000]
    client = dataclasses.replace(sample.client(), legal_name=name)
    practice = dataclasses.replace(sample.practice(), practice_name=name)
    bill = build_superbill(practice, client, sample.appointments(), [], sample.fees(),
                           FeePolicy(), date(2026, 1, 1), date(2026, 12, 31))
    render_superbill(bill, tmp_path / "s.pdf")
    text = " ".join(p.extract_text() for p in PdfReader(tmp_path / "s.pdf").pages)
    assert "Name0554" in text.replace("\n", " ")
