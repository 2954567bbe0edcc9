"""Keyboard shortcuts, huge pastes, the risk checkbox and the chip rows of the note window."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtWidgets import QApplication, QPushButton

from models.flags import FlagKind
from tests.app.notes.helpers import FULL_PROMPTS, add_client, add_session
from ui.notes.prompt_form import MAX_FIELD_CHARS


def _open(qtbot: Any, workspace: Any) -> Any:
    from ui.notes import open_note_editor

    vault = workspace.vault
    editor = open_note_editor(None, workspace, add_session(vault, add_client(vault)).id)
    assert editor is not None
    qtbot.waitUntil(editor.isActiveWindow)
    return editor


def test_ctrl_d_drafts_and_ctrl_enter_opens_the_sign_dialog(qtbot: Any, workspace: Any) -> None:
    editor = _open(qtbot, workspace)
    for name, text in FULL_PROMPTS.items():
        editor.form.fields[name].setPlainText(text)
    focus = QApplication.focusWidget()
    assert focus is editor.form.fields["presenting_concerns"]
    with qtbot.waitSignal(editor.draft_finished, timeout=60_000):
        qtbot.keyClick(focus, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert "d" not in editor.form.fields["presenting_concerns"].toPlainText()[-1:]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return,
                   Qt.KeyboardModifier.ControlModifier)
    assert editor.sign_dialog is not None and editor.sign_dialog.isVisible()
    assert editor.sign_dialog.sign_button.isDefault()
    editor.sign_dialog.reject()


def test_huge_paste_is_cut_said_and_the_draft_flags_it(qtbot: Any, workspace: Any) -> None:
    editor = _open(qtbot, workspace)
    for name, text in FULL_PROMPTS.items():
        editor.form.fields[name].setPlainText(text)
    field = editor.form.fields["mental_status"]
    field.clear()
    mime = QMimeData()
    mime.setText("word " * 200_000)  # 1 MB
    field.insertFromMimeData(mime)
    assert len(field.toPlainText()) == MAX_FIELD_CHARS
    assert "1,000,000 characters" in editor.status.text()
    started = time.perf_counter()
    qtbot.keyClicks(field, "abc")
    assert time.perf_counter() - started < 5  # a frozen window takes seconds per key
    with qtbot.waitSignal(editor.draft_finished, timeout=60_000):
        editor.start_draft()
    assert any(f.kind is FlagKind.FIELD_TRUNCATED for f in editor.note.flags)


def test_risk_checkbox_only_while_risk_is_empty(qtbot: Any, workspace: Any) -> None:
    editor = _open(qtbot, workspace)
    box, risk = editor.form.risk_not_assessed, editor.form.fields["risk"]
    box.setChecked(True)
    risk.setPlainText("Denies SI.")
    assert not box.isChecked() and not box.isEnabled()  # and so out of the Tab chain
    risk.clear()
    assert box.isEnabled()


def test_quick_picks_flow_in_rows(qtbot: Any, workspace: Any) -> None:
    editor = _open(qtbot, workspace)
    qtbot.waitUntil(lambda: editor.form.intervention_picks.width() > 300)
    chips = editor.form.findChildren(QPushButton, "pick_interventions")
    rows = {chip.geometry().y() for chip in chips}
    assert len(rows) < len(chips), "each chip on its own line"
    assert all(chip.focusPolicy() == Qt.FocusPolicy.NoFocus for chip in chips)
    field = editor.form.fields["interventions"]
    qtbot.mouseClick(chips[0], Qt.MouseButton.LeftButton)
    assert field.toPlainText() and QApplication.focusWidget() is field
