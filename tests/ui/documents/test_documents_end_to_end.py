"""Each document walked in its window as a therapist would, with the real default model: the
intake of a 90791 session, a treatment plan and its revision, the discharge summary offered on
discharge. Prompt -> draft -> review -> sign -> locked -> addendum -> PDF, read back with
pdftotext."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit, QTableWidget

from app.documents.plans import start_plan
from app.documents.workflow import sign_document
from models.note import FORMAT_HEADINGS, NoteFormat, NoteSection
from models.treatment_plan import problems_text
from tests.app.billing.pdf_text import pdf_text, pdf_words
from tests.app.documents.helpers import (
    INTAKE_PROMPTS,
    PLAN_PROBLEM,
    PLAN_PROMPTS,
    add_client,
    intake_session,
    weekly_sessions,
)

pytestmark = pytest.mark.slow


def _type(qtbot: Any, widget: Any, text: str) -> None:
    widget.setFocus()
    qtbot.keyClicks(widget, text)


def _type_cell(qtbot: Any, table: QTableWidget, row: int, col: int, text: str) -> None:
    """Go to a cell, open it with F2 as the keyboard does, type, Tab on (the cell keeps it)."""
    table.setFocus()
    table.setCurrentCell(row, col)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    cell_editor = QApplication.focusWidget()
    assert cell_editor is not table and cell_editor is not None, "the cell did not open"
    qtbot.keyClicks(cell_editor, text)
    qtbot.keyClick(cell_editor, Qt.Key.Key_Tab)
    assert table.item(row, col).text() == text


def _draft(qtbot: Any, editor: Any) -> Any:
    with qtbot.waitSignal(editor.draft_finished, timeout=300_000) as blocker:
        qtbot.keyClick(editor, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
        assert editor.job is not None, "Ctrl+D did not start a draft"
    outcome = blocker.args[0]
    assert outcome.used_model and not outcome.cancelled
    assert [s.heading for s in editor.note.sections] == list(FORMAT_HEADINGS[editor.note.format])
    return outcome


def _sign(qtbot: Any, editor: Any) -> None:
    if editor.review.ack_all.isEnabled():
        qtbot.mouseClick(editor.review.ack_all, Qt.MouseButton.LeftButton)
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    dialog = editor.sign_dialog
    assert dialog is not None, "Ctrl+Enter did not open the sign dialog"
    assert dialog.findChild(QLabel, "signer").text() == "Dana Reyes, LCSW"
    with qtbot.waitSignal(editor.signed, timeout=10_000):
        qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert editor.note.is_signed
    assert "Signed by Dana Reyes, LCSW at" in editor.signing.signature_label.text()


def _refuses_edits(qtbot: Any, editor: Any, field: Any) -> None:
    assert field.isReadOnly() and not editor.draft_button.isEnabled()
    assert all(e.isReadOnly() for e in editor.draft_view.editors.values())
    qtbot.keyClicks(field, "tampered")
    assert "tampered" not in field.toPlainText()
    assert "tampered" not in editor.workspace.vault.notes.get(editor.note.id).body_text()


def test_intake_assessment_from_prompt_to_signed_pdf(qtbot: Any, workspace: Any, tmp_path: Path,
                                                     default_model_path: Path,
                                                     boxes: Any) -> None:
    from ui.documents.editor import DocumentEditor
    from ui.notes import open_note_editor

    workspace.settings.model_path = str(default_model_path)
    client = add_client(workspace.vault)
    editor = open_note_editor(None, workspace, intake_session(workspace.vault, client).id)
    assert isinstance(editor, DocumentEditor)  # a 90791 is documented as the intake
    qtbot.waitUntil(editor.isActiveWindow)
    form = editor.form
    assert form.fields["diagnosis"].toPlainText() == "F41.1 Generalized anxiety disorder"
    assert "The mental status exam is missing." in editor.review.gaps_label.text()
    form.fields["diagnosis"].clear()
    for name, text in dict(INTAKE_PROMPTS, diagnosis="F41.0 Panic disorder").items():
        _type(qtbot, form.fields[name], text)
    outcome = _draft(qtbot, editor)
    body = editor.note.body_text()
    for fact in ("Dr. Amir", "levothyroxine 75 mcg", "F41.0", "oriented x4", "no firearms"):
        assert fact.lower() in body.lower(), (fact, body)
    _sign(qtbot, editor)
    _refuses_edits(qtbot, editor, form.fields["recommendations"])

    qtbot.mouseClick(editor.addendum_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(editor.addendum_dialog.text, "PCP records received 11/12.")
    qtbot.mouseClick(editor.addendum_dialog.save_button, Qt.MouseButton.LeftButton)
    out = editor.export_pdf(tmp_path / "intake.pdf")
    assert out is not None
    words = pdf_words(out)
    for expected in ("Intake assessment", "Ana Lima · DOB 1990-04-02", "Service code 90791",
                     "Mental Status Examination", "Risk Assessment", "Dana Reyes, LCSW",
                     "PCP records received 11/12."):
        assert expected in words, expected
    assert "DRAFT" not in words and boxes.shown == []
    assert outcome.draft.model is not None


def test_treatment_plan_and_its_revision(qtbot: Any, workspace: Any, tmp_path: Path,
                                         default_model_path: Path, boxes: Any) -> None:
    from ui.documents.client_tab import DocumentsTab
    from ui.documents.today_panel import PlansDuePanel
    from ui.documents.windows import open_plan

    workspace.settings.model_path = str(default_model_path)
    vault = workspace.vault
    client = add_client(vault)
    editor = open_plan(None, workspace, client.id)
    assert editor is not None and editor.note.format is NoteFormat.TREATMENT_PLAN
    qtbot.waitUntil(editor.isActiveWindow)
    form = editor.form
    assert form.problems is not None and form.review_date is not None
    written = editor.note.written_on
    assert form.review_day() == date.fromordinal(written.toordinal() + 90)
    if not form.problems.boxes:
        qtbot.mouseClick(form.problems.add_button, Qt.MouseButton.LeftButton)
    box = form.problems.boxes[0]
    _type(qtbot, box.problem_edit, PLAN_PROBLEM.title)
    _type(qtbot, box.evidence, PLAN_PROBLEM.evidence)
    _type(qtbot, box.goal, PLAN_PROBLEM.goal)
    if box.objectives.rowCount() == 0:
        qtbot.mouseClick(box.add_objective_button, Qt.MouseButton.LeftButton)
    target_day = QDate(written.year + 1, 2, 15).toString("MM/dd/yyyy")
    for col, text in enumerate(("reduce panic attacks", "3-4 per week", "1 or fewer per week",
                                target_day)):
        _type_cell(qtbot, box.objectives, 0, col, text)
    for name in ("interventions", "participation"):
        _type(qtbot, form.fields[name], PLAN_PROMPTS[name])
    outcome = _draft(qtbot, editor)
    body = editor.note.body_text()
    for fact in ("3-4 per week", "1 or fewer per week", target_day, "interoceptive exposure"):
        assert fact in body, (fact, body)
    assert outcome.draft.model is not None
    _sign(qtbot, editor)
    _refuses_edits(qtbot, editor, form.fields["participation"])
    assert form.problems.boxes[0].problem_edit.isReadOnly() and form.review_date.isReadOnly()
    first_id = editor.note.id
    first_text = editor.note.body_text()
    first_pdf = editor.export_pdf(tmp_path / "v1.pdf")
    editor.close()

    # The review comes due: Today lists the plan; a revision starts from the plan in force.
    panel = PlansDuePanel(workspace)
    review_day = vault.notes.get(first_id).review_on
    panel.refresh(date.fromordinal(review_day.toordinal() + 1))
    assert panel.lines() and "Ana Lima" in panel.lines()[0]
    revision = open_plan(None, workspace, client.id)
    assert revision is not None and revision.note.id != first_id
    assert revision.note.revises == first_id
    qtbot.waitUntil(revision.isActiveWindow)
    assert revision.form.problems.boxes[0].goal.text() == PLAN_PROBLEM.goal
    assert revision.form.fields["participation"].toPlainText() == ""
    _type(qtbot, revision.form.fields["participation"],
          "client reviewed the plan and agrees to continue")
    _draft(qtbot, revision)
    _sign(qtbot, revision)
    assert "Version 2 (revises version 1)" in pdf_words(revision.export_pdf(tmp_path / "v2.pdf"))
    revision.close()

    # The earlier version stays as it was signed, and readable.
    kept = vault.notes.get(first_id)
    assert kept.is_signed and kept.body_text() == first_text
    assert pdf_text(first_pdf) and "Version 1" in pdf_words(first_pdf)
    tab = DocumentsTab(workspace)
    tab.show_client(vault.clients.get(client.id))
    details = [tab.table.item(r, 3).text() for r in range(tab.table.rowCount())]
    assert details[0].startswith("version 2 (revises version 1)") and "in force" in details[0]
    assert details[1].startswith("version 1")
    assert boxes.shown == []


def test_discharge_is_offered_and_summarised_from_the_record(qtbot: Any, workspace: Any,
                                                             tmp_path: Path,
                                                             default_model_path: Path,
                                                             boxes: Any) -> None:
    from ui.documents.windows import document_editors
    from ui.pages.client_detail import ClientDetail

    workspace.settings.model_path = str(default_model_path)
    vault = workspace.vault
    client = add_client(vault)
    intake_session(vault, client)
    weekly_sessions(vault, client, 6)
    plan = start_plan(vault, client.id, date(2026, 11, 17))
    plan.prompts.update(PLAN_PROMPTS, problems=problems_text([PLAN_PROBLEM]))
    plan.sections = [NoteSection("Diagnosis", "Diagnosis: F41.1.")]
    sign_document(vault, vault.notes.save_draft(plan), at=datetime(2026, 11, 17, 18, tzinfo=UTC))

    page = ClientDetail(workspace)
    page.show_client(client.id)
    boxes.answer_yes = True
    qtbot.mouseClick(page.discharge_button, Qt.MouseButton.LeftButton)
    assert [k for k, _ in boxes.shown] == ["question", "question"]  # discharge? summary now?
    (editor,) = document_editors()
    assert editor.note.format is NoteFormat.DISCHARGE
    qtbot.waitUntil(editor.isActiveWindow)
    form = editor.form
    assert form.record["episode"].text() == ("First session 11/10/2026; last session "
                                             "12/22/2026; 7 sessions attended")
    assert "goal 1" in editor.review.gaps_label.text()
    assert form.goals is not None
    combo = form.goals.findChild(QComboBox, "goal_1_outcome")
    combo.setFocus()
    combo.setCurrentIndex(combo.findText("partially met"))
    _type(qtbot, form.goals.findChild(QLineEdit, "goal_1_detail"),
          "panic attacks down to 1 per week; drives on the highway with her husband")
    for name, text in (("reason", "client moving out of state for work"),
                       ("risk", "denies SI/HI; no safety concerns"),
                       ("aftercare", "referred to 2 CBT therapists near her new home")):
        _type(qtbot, form.fields[name], text)
    _draft(qtbot, editor)
    body = editor.note.body_text()
    for fact in ("7 sessions", "partially met", "1 per week", "moving out of state",
                 "2 CBT therapists"):
        assert fact in body, (fact, body)
    _sign(qtbot, editor)
    _refuses_edits(qtbot, editor, form.fields["aftercare"])
    assert not form.goals.findChild(QComboBox, "goal_1_outcome").isEnabled()
    words = pdf_words(editor.export_pdf(tmp_path / "discharge.pdf"))
    for expected in ("Discharge summary", "Ana Lima · DOB 1990-04-02", "Progress Toward Goals",
                     "Referrals and Aftercare", "Dana Reyes, LCSW"):
        assert expected in words, expected
    assert "DRAFT" not in words
