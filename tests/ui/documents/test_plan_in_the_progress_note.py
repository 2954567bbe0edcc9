"""Without the model: what the progress note takes from the treatment plan (its goals and
objectives to pick, the reminder when there is no plan or its review date has passed), and a
plan waiting in the unsigned queue opening in its own window."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from app.documents.plans import start_plan
from app.documents.workflow import sign_document
from models.note import NoteSection
from models.treatment_plan import problems_text
from tests.app.documents.helpers import PLAN_PROBLEM, PLAN_PROMPTS, add_client, add_session


def _signed_plan(vault: Any, client_id: int, on: date) -> Any:
    plan = start_plan(vault, client_id, on)
    plan.prompts.update(PLAN_PROMPTS, problems=problems_text([PLAN_PROBLEM]))
    plan.sections = [NoteSection("Diagnosis", "Diagnosis: F41.0 Panic disorder.")]
    return sign_document(vault, vault.notes.save_draft(plan), at=datetime(2026, 1, 5, tzinfo=UTC))


def test_a_progress_note_says_when_there_is_no_plan(qtbot: Any, workspace: Any) -> None:
    from ui.notes import open_note_editor

    client = add_client(workspace.vault)
    editor = open_note_editor(None, workspace, add_session(workspace.vault, client).id)
    notice = editor.review.notices_label
    assert notice.isVisibleTo(editor) and "no signed treatment plan" in notice.text()
    goals = [b.text() for b in editor.form.findChildren(QPushButton, "pick_goals")]
    assert goals == ["Reduce anxiety to manageable levels"]  # the goals list, as before


def test_the_plan_gives_the_goals_and_objectives_and_its_review_is_due(qtbot: Any,
                                                                       workspace: Any) -> None:
    from ui.notes import open_note_editor

    vault = workspace.vault
    client = add_client(vault)
    _signed_plan(vault, client.id, date(2026, 1, 5))  # review 04/05/2026: long passed
    editor = open_note_editor(None, workspace, add_session(vault, client).id)
    assert "review date (04/05/2026) has passed" in editor.review.notices_label.text()
    goal = next(b for b in editor.form.findChildren(QPushButton, "pick_goals"))
    assert goal.text() == "Goal 1: manage panic symptoms and return to highway driving"
    objective = next(b for b in editor.form.findChildren(QPushButton, "pick_progress"))
    qtbot.mouseClick(objective, Qt.MouseButton.LeftButton)
    progress = editor.form.fields["progress"]
    assert progress.toPlainText() == "Objective 1a (reduce panic attacks): "
    qtbot.keyClicks(progress, "2 panic attacks this week")
    qtbot.mouseClick(goal, Qt.MouseButton.LeftButton)
    editor.save_now()
    saved = vault.notes.get(editor.note.id)
    assert saved.prompts["progress"] == "Objective 1a (reduce panic attacks): 2 panic attacks " \
                                        "this week"
    assert saved.prompts["goals"].startswith("Goal 1: manage panic symptoms")


def test_an_unsigned_plan_in_the_queue_opens_in_its_window(qtbot: Any, workspace: Any) -> None:
    from ui.documents.editor import DocumentEditor
    from ui.documents.windows import document_editors
    from ui.notes import UnsignedNotesPage

    client = add_client(workspace.vault)
    plan = start_plan(workspace.vault, client.id, date(2026, 11, 17))
    page = UnsignedNotesPage(workspace)
    page.refresh()
    assert page.table.item(0, 3).text() == "Treatment plan"
    page.table.cellDoubleClicked.emit(0, 0)
    (editor,) = document_editors()
    assert isinstance(editor, DocumentEditor)
    assert editor.note.id == plan.id and editor.form.problems is not None
    editor.close()
    qtbot.waitUntil(lambda: not document_editors())
    page.deleteLater()
