from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from app.documents import export_note_pdf
from app.notes import add_addendum, autosave, sign_note, start_or_resume_note
from models.note import NoteSection
from tests.app.notes.helpers import FULL_PROMPTS, PASSPHRASE, add_client, add_session

LONG = " ".join(["The client described the week in detail."] * 40)


def _note(vault: Any, name: str = "Ana Lima", sections: list[NoteSection] | None = None) -> Any:
    client = add_client(vault, name)
    appt = add_session(vault, client)
    note = start_or_resume_note(vault, appt.id)
    note.prompts = dict(FULL_PROMPTS)
    note.sections = sections or [
        NoteSection("Subjective", "Work stress & poor sleep <4 h> since the reorganization."),
        NoteSection("Objective", "Alert, oriented."),
        NoteSection("Assessment", "Anxiety improving."),
        NoteSection("Plan", "Weekly sessions."),
    ]
    note.process_notes = "PRIVATE-PROCESS: my countertransference."
    return autosave(vault, note)


def _pages(path: Path) -> list[str]:
    return [re.sub(r"\s+", " ", p.extract_text() or "") for p in PdfReader(str(path)).pages]


def test_signed_note_pdf_has_every_element(vault: Any, tmp_path: Path) -> None:
    note = _note(vault, sections=[NoteSection("Subjective", LONG), NoteSection("Objective", LONG),
                                  NoteSection("Assessment", "Work stress & <ok> > 2."),
                                  NoteSection("Plan", "Weekly sessions.")])
    sign_note(vault, note, at=datetime(2026, 11, 20, 17, 5, tzinfo=UTC))
    add_addendum(vault, note.id, "Client called; homework confirmed.")
    out = export_note_pdf(vault, note.id, tmp_path / "note.pdf")
    pages = _pages(out)
    text = " ".join(pages)
    assert len(pages) >= 2
    for i, page in enumerate(pages, 1):
        squashed = page.replace(" ", "")  # the header is drawn glyph by glyph
        assert "AnaLima" in squashed and "1990-04-02" in squashed, f"page {i} lacks name/DOB"
        assert f"Page {i} of {len(pages)}" in page
        assert "DRAFT" not in page
    for expected in ("Date of service", "2026-11-20", "10:00", "53 minutes", "Office",
                     "90837", "F41.1", "Subjective", "Objective", "Assessment", "Plan",
                     "Work stress & <ok> > 2.", "Client called; homework confirmed.",
                     "Dana Reyes, LCSW", "Signed at: 2026-11-20 11:05 CST"):
        assert expected in text, expected
    assert "PRIVATE-PROCESS" not in text
    assert vault.audit.entries()[-1].action == "export"


def test_unsigned_pdf_is_marked_draft_on_every_page(vault: Any, tmp_path: Path) -> None:
    note = _note(vault, sections=[NoteSection("Subjective", LONG), NoteSection("Plan", LONG),
                                  NoteSection("Assessment", LONG)])
    pages = _pages(export_note_pdf(vault, note.id, tmp_path / "draft.pdf"))
    assert len(pages) >= 2
    assert all("DRAFT" in p for p in pages)


def test_process_notes_only_when_asked(vault: Any, tmp_path: Path) -> None:
    note = _note(vault)
    default = " ".join(_pages(export_note_pdf(vault, note.id, tmp_path / "a.pdf")))
    assert "PRIVATE-PROCESS" not in default
    asked = " ".join(_pages(export_note_pdf(vault, note.id, tmp_path / "b.pdf",
                                            include_process_notes=True)))
    assert "PRIVATE-PROCESS: my countertransference." in asked


@pytest.mark.parametrize("name", ["Ελένη Παπαδοπούλου", "王小明"])
def test_names_in_any_script(vault: Any, tmp_path: Path, name: str) -> None:
    note = _note(vault, name)
    sign_note(vault, note)
    text = " ".join(_pages(export_note_pdf(vault, note.id, tmp_path / "n.pdf")))
    assert name in text.replace(" ", "") or name in text


def test_cli_export_note(vault: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                         capsys: pytest.CaptureFixture[str]) -> None:
    from app.cli import main

    note = _note(vault)
    vault_dir = vault.path
    vault.close()
    monkeypatch.setenv("STILLNOTE_PASSPHRASE", PASSPHRASE)
    out = tmp_path / "cli.pdf"
    args = ["export", "note", "--vault", str(vault_dir), "--note", str(note.id), "--out", str(out)]
    assert main(args) == 0
    assert "DRAFT" in _pages(out)[0]
    assert main([*args[:-4], "--note", "999", "--out", str(out)]) == 2
    assert capsys.readouterr().err.startswith("stillnote: ")


def test_a_long_note_paginates_every_line_and_prints_the_key(vault: Any, tmp_path: Path) -> None:
    """Finding 5: each line is its own paragraph, so a note of thousands of lines lays out in
    time linear in its length (tests/benchmarks/bench_pdf.py measures 100,000 lines)."""
    lines = "\n".join(f"Line {i:04d} of a very long session record." for i in range(3000))
    note = _note(vault, sections=[NoteSection("Subjective", lines), NoteSection("Plan", "P.")])
    signed = sign_note(vault, note, at=datetime(2026, 11, 20, 17, 5, tzinfo=UTC))
    out = export_note_pdf(vault, note.id, tmp_path / "long.pdf")
    pages = _pages(out)
    text = " ".join(pages)
    assert len(pages) > 40
    assert all(f"Line {i:04d} " in text for i in range(0, 3000, 7))
    from storage.signing import short_fingerprint

    assert signed.signature is not None
    assert f"practice key {short_fingerprint(signed.signature.key)}" in text
