"""The documents as files that leave the vault: PDFs read back with pdftotext (the client's
name and date of birth on every page), `stillnote export note` for any kind, and the practice
JSON export and import (``kind``, a plan's dates and the version it revises)."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from app.documents.discharge import start_discharge
from app.documents.export import export_note_pdf
from app.documents.plans import start_plan
from app.documents.workflow import sign_document
from app.notes import start_or_resume_note
from app.notes.signature import signature_problem
from app.practice_json import import_practice, parse_practice, practice_to_dict
from models.errors import InvalidInput, RecordAltered
from models.note import NoteSection
from models.treatment_plan import problems_text
from storage.vault import Vault
from tests.app.billing.pdf_text import pdf_text, pdf_words
from tests.app.documents.helpers import (
    INTAKE_PROMPTS,
    PLAN_PROBLEM,
    PLAN_PROMPTS,
    add_client,
    intake_session,
)
from tests.app.notes.helpers import PASSPHRASE

AT = datetime(2026, 11, 17, 18, 0, tzinfo=UTC)


def _plan(vault: Any, client_id: int, day: date) -> Any:
    plan = start_plan(vault, client_id, day)
    plan.prompts.update(PLAN_PROMPTS, problems=problems_text([PLAN_PROBLEM]))
    plan.sections = [NoteSection("Diagnosis", "Diagnosis: F41.0 Panic disorder.")]
    return sign_document(vault, vault.notes.save_draft(plan), at=AT)


def _episode(vault: Any) -> tuple[Any, Any, Any, Any]:
    """A client's signed intake, two signed plan versions and a draft discharge summary."""
    client = add_client(vault)
    intake = start_or_resume_note(vault, intake_session(vault, client).id)
    intake.prompts = dict(INTAKE_PROMPTS, diagnosis="F41.0 Panic disorder")
    long_history = " ".join(f"Paragraph {n} of a long family history." for n in range(400))
    intake.sections = [NoteSection("Reason for Referral", "Referred by PCP for panic attacks."),
                       NoteSection("Family and Social History", long_history)]
    intake = sign_document(vault, vault.notes.save_draft(intake), at=AT)
    first = _plan(vault, client.id, date(2026, 11, 17))
    second = _plan(vault, client.id, date(2027, 2, 10))
    summary = start_discharge(vault, client.id, date(2027, 3, 1))
    return client, intake, (first, second), summary


def test_every_page_of_a_document_names_the_client_and_date_of_birth(vault: Any,
                                                                      tmp_path: Path) -> None:
    _client, intake, _plans, summary = _episode(vault)
    pages = pdf_text(export_note_pdf(vault, intake.id, tmp_path / "intake.pdf")).split("\f")
    pages = [p for p in pages if p.strip()]
    assert len(pages) >= 3
    for page in pages:
        assert "Ana Lima · DOB 1990-04-02" in page and "Intake assessment 11/10/2026" in page
    words = " ".join(" ".join(pages).split())
    assert "Service code 90791" in words and "Paragraph 399 of a long family history." in words
    draft = pdf_words(export_note_pdf(vault, summary.id, tmp_path / "discharge.pdf"))
    assert "Discharge summary (DRAFT)" in draft and "Ana Lima · DOB 1990-04-02" in draft


def test_an_altered_signed_document_is_not_exported(vault: Any, tmp_path: Path) -> None:
    _client, _intake, (first, _second), _summary = _episode(vault)
    conn = vault.connection
    conn.execute("DROP TRIGGER notes_signed_no_update")  # what only a forger would do
    conn.execute("UPDATE notes SET review_on = '2030-01-01' WHERE id = ?", (first.id,))
    with pytest.raises(RecordAltered):
        export_note_pdf(vault, first.id, tmp_path / "forged.pdf")
    assert not (tmp_path / "forged.pdf").exists()


def test_cli_exports_a_plan_as_pdf(vault: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    from app.cli import main

    _client, _intake, (_first, second), _summary = _episode(vault)
    vault_dir = vault.path
    vault.close()
    monkeypatch.setenv("STILLNOTE_PASSPHRASE", PASSPHRASE)
    out = tmp_path / "plan.pdf"
    assert main(["export", "note", "--vault", str(vault_dir), "--note", str(second.id),
                 "--out", str(out)]) == 0
    assert "Version 2 (revises version 1)" in pdf_words(out)


def test_practice_json_carries_each_kind_and_round_trips(vault: Any, tmp_path: Path) -> None:
    client, intake, (first, second), summary = _episode(vault)
    data = json.loads(json.dumps(practice_to_dict(vault), default=str))
    by_id = {n["id"]: n for n in data["notes"]}
    assert [by_id[n.id]["kind"] for n in (intake, first, second, summary)] == [
        "intake", "treatment_plan", "treatment_plan", "discharge"]
    assert by_id[second.id]["revises"] == first.id and by_id[second.id]["appointment_id"] is None
    assert by_id[first.id]["review_on"] == "2027-02-15"
    other, _recovery = Vault.create(tmp_path / "other", PASSPHRASE)
    try:
        import_practice(other, parse_practice(data))
        imported, kept = other.notes.get(second.id), vault.notes.get(second.id)
        # the process notes' salt stays home unless they are exported; the signature holds
        assert replace(imported, signature=None) == replace(kept, signature=None)
        assert signature_problem(other, imported, []) == ""
        assert other.notes.get(summary.id).written_on == date(2027, 3, 1)
        assert [n.id for n in other.notes.for_client(client.id)] == [
            intake.id, first.id, second.id, summary.id]
    finally:
        other.close()


@pytest.mark.parametrize(("change", "field"), [
    ({"kind": "progress"}, "kind"),
    ({"appointment_id": 1}, "appointment_id"),
    ({"written_on": None}, "written_on"),
])
def test_a_practice_file_with_a_wrong_document_is_refused(vault: Any, change: dict[str, Any],
                                                          field: str) -> None:
    _episode(vault)
    data = json.loads(json.dumps(practice_to_dict(vault), default=str))
    plan = next(n for n in data["notes"] if n["kind"] == "treatment_plan")
    plan.update(change)
    with pytest.raises(InvalidInput, match=field):
        parse_practice(data)


def test_a_revision_of_something_else_is_refused(vault: Any) -> None:
    _client, intake, (_first, second), _summary = _episode(vault)
    data = json.loads(json.dumps(practice_to_dict(vault), default=str))
    next(n for n in data["notes"] if n["id"] == second.id)["revises"] = intake.id
    with pytest.raises(InvalidInput, match="not a treatment plan of the same client"):
        parse_practice(data)
