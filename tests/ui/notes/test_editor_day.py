"""The note window as part of the day: Esc and Ctrl+W close it after saving, the status bar
says what the review panel says, only what needs the therapist is flagged (in plain words),
and the practice may ask for the passphrase or a PIN to sign."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.sign_check import SignCheck, set_sign_check
from models.flags import Flag, FlagKind
from models.note import NoteSection
from tests.app.notes.helpers import FULL_PROMPTS, PASSPHRASE
from tests.ui.notes.helpers import open_new_note
from ui.notes import open_editors


def _type_into(qtbot: Any, editor: Any, field: str, text: str) -> None:
    widget = editor.form.fields[field]
    widget.setFocus()
    qtbot.keyClicks(widget, text)


def test_escape_saves_what_was_typed_then_closes(qtbot: Any, workspace: Any) -> None:
    editor = open_new_note(qtbot, workspace)
    note_id = editor.note.id
    _type_into(qtbot, editor, "presenting_concerns", "Grief after her father's death")
    with qtbot.waitSignal(editor.closed, timeout=5000):
        QTest.keyClick(editor.form.fields["presenting_concerns"], Qt.Key.Key_Escape)
    assert editor not in open_editors()
    stored = workspace.vault.notes.get(note_id)
    assert stored.prompts["presenting_concerns"] == "Grief after her father's death"


def test_ctrl_w_and_done_close_after_saving(qtbot: Any, workspace: Any) -> None:
    editor = open_new_note(qtbot, workspace)
    _type_into(qtbot, editor, "plan", "Weekly")
    with qtbot.waitSignal(editor.closed, timeout=5000):
        QTest.keyClick(editor.form.fields["plan"], Qt.Key.Key_W,
                       Qt.KeyboardModifier.ControlModifier)
    assert workspace.vault.notes.get(editor.note.id).prompts["plan"] == "Weekly"
    second = open_new_note(qtbot, workspace)
    _type_into(qtbot, second, "plan", "Biweekly")
    with qtbot.waitSignal(second.closed, timeout=5000):
        qtbot.mouseClick(second.done_button, Qt.MouseButton.LeftButton)
    assert workspace.vault.notes.get(second.note.id).prompts["plan"] == "Biweekly"


def _fill_and_write(editor: Any) -> None:
    for name, text in FULL_PROMPTS.items():
        editor.form.fields[name].setPlainText(text)
    editor.draft_view.set_sections([NoteSection(h, "Client reported work stress.")
                                    for h in editor.draft_view.editors])
    editor.collect()
    editor.refresh_review()


def test_status_bar_and_review_panel_agree_and_complete_means_complete(
        qtbot: Any, workspace: Any) -> None:
    editor = open_new_note(qtbot, workspace)
    assert not editor.review.readiness()[0]
    assert editor.readiness.text() == editor.review.readiness()[1]
    assert "missing before signing" in editor.readiness.text()
    assert "complete" not in editor.review.gaps_label.text()
    _fill_and_write(editor)
    editor.note.flags = [
        Flag(FlagKind.NO_MODEL, None, "No language model could be used.", "no file"),
        Flag(FlagKind.LOST_FACT, None, "The draft no longer contains this fact.",
             "thought record"),
    ]
    editor.refresh_review()
    # The lost fact needs the therapist; "no model" only informs and has no button.
    assert editor.review.flags_title.text().endswith("1 to check")
    assert editor.readiness.text() == "1 to check"
    rows = editor.review.rows
    assert rows[0].advice.text().startswith("Written from your own words")
    assert rows[0].findChildren(type(editor.done_button)) == []
    assert rows[1].advice.text().startswith("Put this back in")
    qtbot.mouseClick(editor.review.findChild(type(editor.done_button), "insert_1"),
                     Qt.MouseButton.LeftButton)
    assert editor.review.readiness() == (True, "Complete: ready to sign")
    assert editor.readiness.text() == "Complete: ready to sign"
    assert editor.review.gaps_label.text() == "Nothing: the note is complete."


def test_no_impression_flag_asks_for_the_impression(qtbot: Any, workspace: Any) -> None:
    editor = open_new_note(qtbot, workspace)
    editor.note.flags = [Flag(FlagKind.NO_IMPRESSION, "Assessment",
                              "Add your clinical impression: progress toward goals.",
                              "Impression")]
    editor.refresh_review()
    assert editor.review.rows[0].advice.text() == "Add your clinical impression"
    assert editor.review.pending == 1


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the window said in a warning box (recorded instead of blocking the test)."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(
        lambda _p, _t, text, *a, **k: shown.append(text)))
    return shown


def test_signing_asks_for_the_pin_when_the_practice_wants_it(
        qtbot: Any, workspace: Any, warnings: list[str]) -> None:
    workspace.do(set_sign_check, SignCheck.PIN, "4321")
    editor = open_new_note(qtbot, workspace)
    _fill_and_write(editor)
    dialog = editor.open_sign_dialog()
    assert dialog.secret.isVisible()
    qtbot.keyClicks(dialog.secret, "1111")
    dialog.accept()  # the wrong PIN: the note stays a draft, the sentence says why
    assert not workspace.vault.notes.get(editor.note.id).is_signed
    assert warnings == ["That is not the PIN; the note was not signed."]
    dialog = editor.open_sign_dialog()
    qtbot.keyClicks(dialog.secret, "4321")
    with qtbot.waitSignal(editor.signed, timeout=5000):
        qtbot.keyClick(dialog.secret, Qt.Key.Key_Return)
    assert workspace.vault.notes.get(editor.note.id).is_signed
    assert editor.readiness.text() == "Signed and locked"


def test_signing_with_the_passphrase(qtbot: Any, workspace: Any,
                                     warnings: list[str]) -> None:
    workspace.do(set_sign_check, SignCheck.PASSPHRASE)
    editor = open_new_note(qtbot, workspace)
    _fill_and_write(editor)
    dialog = editor.open_sign_dialog()
    qtbot.keyClicks(dialog.secret, "not it")
    dialog.accept()
    assert warnings == ["That is not the passphrase; the note was not signed."]
    dialog = editor.open_sign_dialog()
    qtbot.keyClicks(dialog.secret, PASSPHRASE)
    dialog.accept()
    assert workspace.vault.notes.get(editor.note.id).is_signed
