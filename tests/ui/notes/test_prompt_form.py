"""The session prompt: huge pastes cut and said, the risk checkbox only while Risk is empty, and
quick picks that flow in rows and keep the keyboard in the field."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtWidgets import QApplication, QPushButton

from models.flags import FlagKind
from tests.app.notes.helpers import FULL_PROMPTS
from tests.ui.notes.helpers import open_new_note
from ui.notes.prompt_form import MAX_FIELD_CHARS


def test_huge_paste_is_cut_said_and_the_draft_flags_it(qtbot: Any, workspace: Any) -> None:
    editor = open_new_note(qtbot, workspace)
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
    editor = open_new_note(qtbot, workspace)
    box, risk = editor.form.risk_not_assessed, editor.form.fields["risk"]
    box.setChecked(True)
    risk.setPlainText("Denies SI.")
    assert not box.isChecked() and not box.isEnabled()  # and so out of the Tab chain
    risk.clear()
    assert box.isEnabled()


def test_quick_picks_flow_in_rows(qtbot: Any, workspace: Any) -> None:
    editor = open_new_note(qtbot, workspace)
    qtbot.waitUntil(lambda: editor.form.intervention_picks.width() > 300)
    chips = editor.form.findChildren(QPushButton, "pick_interventions")
    rows = {chip.geometry().y() for chip in chips}
    assert len(rows) < len(chips), "each chip on its own line"
    assert all(chip.focusPolicy() == Qt.FocusPolicy.NoFocus for chip in chips)
    field = editor.form.fields["interventions"]
    qtbot.mouseClick(chips[0], Qt.MouseButton.LeftButton)
    assert field.toPlainText() and QApplication.focusWidget() is field
