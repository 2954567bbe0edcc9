from __future__ import annotations

from typing import Any

from app.notes import autosave, sign_note, start_or_resume_note
from models.note import NoteSection
from tests.app.notes.helpers import FULL_PROMPTS, add_client, add_session, hours_ago


def _note(vault: Any, client: Any, hours: float, risk: str = "Denies SI/HI.") -> Any:
    appt = add_session(vault, client, start=hours_ago(hours))
    note = start_or_resume_note(vault, appt.id)
    note.prompts = {**FULL_PROMPTS, "risk": risk}
    note.sections = [NoteSection("Subjective", "Work stress.")]
    return autosave(vault, note)


def test_unsigned_page_counts_and_highlights_overdue(qtbot: Any, workspace: Any) -> None:
    from ui.notes import UnsignedNotesPage

    vault = workspace.vault
    ana, bo = add_client(vault), add_client(vault, "Bo Chen")
    _note(vault, ana, 2)
    _note(vault, bo, 30)
    page = UnsignedNotesPage(workspace)
    qtbot.addWidget(page)
    assert page.table.rowCount() == 2
    assert page.overdue_rows() == [0]
    assert page.table.item(0, 1).text() == "Bo Chen"
    assert page.table.item(0, 2).font().bold() and not page.table.item(1, 2).font().bold()
    assert "overdue" in page.table.item(0, 2).text()
    signed = _note(vault, ana, 5)
    with qtbot.waitSignal(page.count_changed) as blocker:
        page.refresh()
    assert blocker.args == [3]
    sign_note(vault, signed)
    with qtbot.waitSignal(page.count_changed) as blocker:
        page.refresh()
    assert blocker.args == [2]


def test_unsigned_page_opens_the_note(qtbot: Any, workspace: Any) -> None:
    from ui.notes import UnsignedNotesPage

    vault = workspace.vault
    note = _note(vault, add_client(vault), 2)
    opened: list[int] = []
    page = UnsignedNotesPage(workspace, open_editor=lambda _p, _w, appt_id: opened.append(appt_id))
    qtbot.addWidget(page)
    page.table.cellDoubleClicked.emit(0, 0)
    assert opened == [note.appointment_id]


def test_risk_follow_up_page(qtbot: Any, workspace: Any) -> None:
    from ui.notes import RiskFollowUpPage

    vault = workspace.vault
    _note(vault, add_client(vault), 24, "Passive SI without plan; safety plan reviewed.")
    _note(vault, add_client(vault, "Bo Chen"), 24, "Denies SI, HI, plan or intent.")
    page = RiskFollowUpPage(workspace)
    qtbot.addWidget(page)
    assert page.table.rowCount() == 1
    assert page.table.item(0, 0).text() == "Ana Lima"


def test_queue_follows_notes_written_and_signed_in_the_editor(qtbot: Any, workspace: Any) -> None:
    from ui.notes import UnsignedNotesPage, open_note_editor

    vault = workspace.vault
    page = UnsignedNotesPage(workspace)
    qtbot.addWidget(page)
    assert page.table.rowCount() == 0
    appt = add_session(vault, add_client(vault), start=hours_ago(2))
    editor = open_note_editor(None, workspace, appt.id)
    assert page.table.rowCount() == 1
    for name, text in FULL_PROMPTS.items():
        editor.form.fields[name].setPlainText(text)
    editor.draft_view.editors["Subjective"].setPlainText("Work stress.")
    editor.save_now()
    with qtbot.waitSignal(page.count_changed) as blocker:
        assert editor.sign()
    assert blocker.args == [0]


def test_unsigned_page_emphasises_only_overdue_ages(qtbot: Any, workspace: Any) -> None:
    from ui.notes import UnsignedNotesPage
    from ui.notes.pages import OVERDUE_COLOUR

    vault = workspace.vault
    ana, bo = add_client(vault), add_client(vault, "Bo Chen")
    _note(vault, bo, 30)
    _note(vault, ana, 3)
    page = UnsignedNotesPage(workspace)
    qtbot.addWidget(page)
    assert page.overdue_rows() == [0]
    assert page.summary.text() == "2 unsigned notes, 1 older than 24 hours"
    overdue_age, fresh_age = page.table.item(0, 2), page.table.item(1, 2)
    assert overdue_age.foreground().color() == OVERDUE_COLOUR
    assert "overdue" in overdue_age.text() and "overdue" not in fresh_age.text()
    assert fresh_age.foreground().color() != OVERDUE_COLOUR and not fresh_age.font().bold()
    for col in (0, 1):  # the date and the name stay plain on both rows
        assert not page.table.item(0, col).font().bold()
        assert page.table.item(0, col).foreground().color() != OVERDUE_COLOUR
    shown = page.table.item(0, 0).text()
    assert len(shown) == 10 and shown[2] == "/" and shown[5] == "/"  # MM/DD/YYYY


def test_unsigned_page_singular_and_empty(qtbot: Any, workspace: Any) -> None:
    from ui.notes import UnsignedNotesPage

    page = UnsignedNotesPage(workspace)
    qtbot.addWidget(page)
    assert page.body.currentWidget() is page.empty
    _note(workspace.vault, add_client(workspace.vault), 2)
    page.refresh()
    assert page.summary.text() == "1 unsigned note"
    assert page.body.currentWidget() is page.table


def test_risk_follow_up_says_so_when_empty(qtbot: Any, workspace: Any) -> None:
    from ui.notes import RiskFollowUpPage

    vault = workspace.vault
    _note(vault, add_client(vault), 24, "Denies SI, HI, plan or intent.")
    page = RiskFollowUpPage(workspace)
    qtbot.addWidget(page)
    assert page.table.rowCount() == 0
    assert page.body.currentWidget() is page.empty
    assert page.empty.label.text() == (
        "No client's notes or risk screens in the last 30 days recorded elevated risk.")
