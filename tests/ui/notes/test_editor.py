from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from app.notes import start_or_resume_note
from models.appointment import AppointmentStatus
from models.flags import Flag, FlagKind
from models.note import FORMAT_HEADINGS, NoteFormat
from tests.app.notes.helpers import FULL_PROMPTS, add_client, add_session
from tests.ui.notes.helpers import open_new_note


def _open(qtbot: Any, workspace: Any, appointment_id: int) -> Any:
    from ui.notes import open_note_editor

    editor = open_note_editor(None, workspace, appointment_id)
    assert editor is not None
    return editor


def _fill(editor: Any, prompts: dict[str, str]) -> None:
    for name, text in prompts.items():
        editor.form.fields[name].setPlainText(text)


def _draft(qtbot: Any, editor: Any) -> Any:
    with qtbot.waitSignal(editor.draft_finished, timeout=60_000) as blocker:
        qtbot.mouseClick(editor.draft_button, Qt.MouseButton.LeftButton)
    return blocker.args[0]


def test_form_defaults_to_last_format_and_tabs_between_fields(qtbot: Any, workspace: Any) -> None:
    vault = workspace.vault
    client = add_client(vault)
    vault.clients.set_last_note_format(client.id, "birp")
    editor = _open(qtbot, workspace, add_session(vault, client).id)
    assert editor.form.format_box.currentData() == "birp"
    assert list(editor.draft_view.editors) == list(FORMAT_HEADINGS[NoteFormat.BIRP])
    first = editor.form.fields["presenting_concerns"]
    first.setFocus()
    qtbot.keyClicks(first, "Grief")
    qtbot.keyClick(first, Qt.Key.Key_Tab)
    assert first.toPlainText() == "Grief"  # Tab moved on instead of typing a tab
    assert editor.form.fields["mental_status"].hasFocus() or not editor.isActiveWindow()


def test_window_title_never_names_the_client(qtbot: Any, workspace: Any) -> None:
    vault = workspace.vault
    client = add_client(vault)
    editor = _open(qtbot, workspace, add_session(vault, client).id)
    title = editor.windowTitle()
    assert title.startswith("Stillnote — Progress note")
    for part in client.legal_name.split():
        assert part not in title


def test_a_session_too_short_for_a_code_says_why(qtbot: Any, workspace: Any) -> None:
    vault = workspace.vault
    editor = _open(qtbot, workspace, add_session(vault, add_client(vault), minutes=12).id)
    assert editor.details.code_edit.text() == ""
    assert "shorter than the 16 minutes" in editor.details.code_edit.toolTip()


def test_autosave_timer_and_focus_change_persist_typing(qtbot: Any, workspace: Any) -> None:
    vault = workspace.vault
    appt = add_session(vault, add_client(vault))
    editor = _open(qtbot, workspace, appt.id)
    assert editor.timer.isActive() and editor.timer.interval() <= 3000
    field = editor.form.fields["presenting_concerns"]
    field.setFocus()
    qtbot.keyClicks(field, "Panic at work")
    with qtbot.waitSignal(editor.saved, timeout=5000):
        pass  # the 3-second timer fires
    assert vault.notes.for_appointment(appt.id).prompts["presenting_concerns"] == "Panic at work"
    qtbot.keyClicks(field, " twice")
    editor.form.left_field.emit()  # what leaving the field does
    assert vault.notes.for_appointment(appt.id).prompts["presenting_concerns"] == \
        "Panic at work twice"


def test_quick_picks_follow_the_approach(qtbot: Any, workspace: Any) -> None:
    vault = workspace.vault
    editor = _open(qtbot, workspace, add_session(vault, add_client(vault)).id)
    editor.form.approach_box.setCurrentText("EMDR")
    picks = [b.text() for b in editor.form.findChildren(QPushButton, "pick_interventions")]
    assert "bilateral stimulation" in picks and "thought record" not in picks
    editor.form.pick("interventions", "bilateral stimulation")
    editor.form.pick("interventions", "bilateral stimulation")
    assert editor.form.fields["interventions"].toPlainText() == "Bilateral stimulation"


def test_no_consent_drafts_deterministically_and_says_why(qtbot: Any, workspace: Any) -> None:
    vault = workspace.vault
    editor = _open(qtbot, workspace, add_session(vault, add_client(vault, consent=False)).id)
    consent = editor.details.consent_label
    assert consent.isVisibleTo(editor) and "consent" in consent.text()
    _fill(editor, FULL_PROMPTS)
    outcome = _draft(qtbot, editor)
    assert not outcome.used_model and "consent" in outcome.reason
    assert "thought record" in editor.note.body_text()
    assert "own words" in editor.status.text()


def test_lost_fact_insert_and_flag_highlight(qtbot: Any, workspace: Any) -> None:
    vault = workspace.vault
    editor = _open(qtbot, workspace, add_session(vault, add_client(vault, consent=False)).id)
    _fill(editor, FULL_PROMPTS)
    _draft(qtbot, editor)
    plan = editor.draft_view.editors["Plan"]
    sentence = plan.toPlainText().split(". ")[0].strip().rstrip(".") + "."
    editor.note.flags = [
        Flag(FlagKind.UNGROUNDED, "Plan", "Not supported by the prompt.", sentence,
             acknowledged=False),
        Flag(FlagKind.LOST_FACT, "Plan", "Left out.", "Referral to sleep clinic",
             acknowledged=False),
    ]
    editor._flag_state = ()
    editor.refresh_review()
    assert plan.extraSelections(), "the flagged sentence is highlighted"
    start = plan.toPlainText().index(sentence.rstrip("."))
    assert plan.reason_at(start + 1) == "Not supported by the prompt."
    insert = editor.review.findChild(QPushButton, "insert_1")
    qtbot.mouseClick(insert, Qt.MouseButton.LeftButton)
    assert "Referral to sleep clinic." in plan.toPlainText()
    assert editor.review.findChild(QPushButton, "insert_1") is None  # resolved by the insert
    qtbot.mouseClick(editor.review.findChild(QPushButton, "ack_0"), Qt.MouseButton.LeftButton)
    assert not plan.extraSelections()
    assert editor.review.gaps_label.text() == "Nothing: the note is complete."


def test_risk_mention_blocks_signing_with_plain_reason(qtbot: Any, workspace: Any) -> None:
    vault = workspace.vault
    editor = _open(qtbot, workspace, add_session(vault, add_client(vault, consent=False)).id)
    prompts = {k: v for k, v in FULL_PROMPTS.items() if k != "risk"}
    prompts["presenting_concerns"] = "Talked about suicidal thoughts last month."
    _fill(editor, prompts)
    _draft(qtbot, editor)
    editor.acknowledge_all()
    qtbot.mouseClick(editor.sign_button, Qt.MouseButton.LeftButton)
    dialog = editor.sign_dialog
    assert not dialog.sign_button.isEnabled()
    assert "record the risk assessment before signing" in dialog.reasons.text()
    assert "suicidal" in dialog.reasons.text()
    dialog.reject()
    assert not vault.notes.for_appointment(editor.note.appointment_id).is_signed


def test_cancel_keeps_a_usable_note(qtbot: Any, workspace: Any, tiny_gguf: Path) -> None:
    workspace.settings.model_path = str(tiny_gguf)
    vault = workspace.vault
    editor = _open(qtbot, workspace, add_session(vault, add_client(vault)).id)
    _fill(editor, FULL_PROMPTS)
    with qtbot.waitSignal(editor.draft_finished, timeout=60_000) as blocker:
        qtbot.mouseClick(editor.draft_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(editor.cancel_button, Qt.MouseButton.LeftButton)
    outcome = blocker.args[0]
    assert outcome.note.sections
    assert editor.draft_button.isEnabled() and not editor.cancel_button.isVisible()


def test_unsigned_pdf_says_draft_and_chinese_name_renders(qtbot: Any, workspace: Any,
                                                          tmp_path: Path) -> None:
    vault = workspace.vault
    editor = _open(qtbot, workspace, add_session(vault, add_client(vault, "王小明",
                                                                   consent=False)).id)
    _fill(editor, FULL_PROMPTS)
    editor.form.process_notes.setPlainText("PRIVATE-PROCESS thoughts")
    _draft(qtbot, editor)
    out = editor.export_pdf(tmp_path / "draft.pdf")
    assert out is not None
    pages = [re.sub(r"\s+", " ", p.extract_text() or "") for p in PdfReader(str(out)).pages]
    assert all("DRAFT" in p for p in pages)
    assert "王小明" in " ".join(pages).replace(" ", "")
    assert "PRIVATE-PROCESS" not in " ".join(pages)


def test_signed_note_reopens_read_only(qtbot: Any, workspace: Any) -> None:
    from app.notes import autosave, sign_note
    from models.note import NoteSection

    vault = workspace.vault
    appt = add_session(vault, add_client(vault))
    note = start_or_resume_note(vault, appt.id)
    note.prompts = dict(FULL_PROMPTS)
    note.sections = [NoteSection("Subjective", "Work stress.")]
    sign_note(vault, autosave(vault, note))
    editor = _open(qtbot, workspace, appt.id)
    assert editor.form.fields["plan"].isReadOnly()
    assert not editor.sign_button.isEnabled() and editor.addendum_button.isEnabled()
    assert "Signed by Dana Reyes, LCSW" in editor.signing.signature_label.text()


def test_write_note_refused_for_no_show(qtbot: Any, workspace: Any, boxes: Any) -> None:
    from ui.notes import open_note_editor

    vault = workspace.vault
    appt = add_session(vault, add_client(vault), status=AppointmentStatus.NO_SHOW)
    assert open_note_editor(None, workspace, appt.id) is None
    assert boxes.texts() and "attended" in boxes.texts()[0]


@pytest.fixture(autouse=True)
def _no_real_default_model(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests never assemble the 253 MB default model: no consent or the tiny model."""
    import drafting.pipeline as pipeline_module

    def refuse(*_a: Any, **_k: Any) -> Any:
        from models.errors import ModelError

        raise ModelError("The default model is not used in these tests.")

    monkeypatch.setattr(pipeline_module.DraftPipeline, "_resolve_path", refuse, raising=False)


def test_redraft_asks_first_and_approach_is_remembered(qtbot: Any, workspace: Any,
                                                       boxes: Any) -> None:
    from app.notes import preferred_approach

    vault = workspace.vault
    client = add_client(vault, consent=False)
    editor = _open(qtbot, workspace, add_session(vault, client).id)
    editor.form.approach_box.setCurrentText("DBT")
    _fill(editor, FULL_PROMPTS)
    _draft(qtbot, editor)
    assert preferred_approach(vault, client.id) == "DBT"
    editor.draft_view.editors["Plan"].setPlainText("My own edited plan.")
    boxes.answer_yes = False
    qtbot.mouseClick(editor.draft_button, Qt.MouseButton.LeftButton)
    assert boxes.shown and boxes.shown[-1][0] == "question"
    assert editor.job is not None and not editor.job.running
    assert editor.draft_view.editors["Plan"].toPlainText() == "My own edited plan."
    later = _open(qtbot, workspace, add_session(vault, client).id)
    assert later.form.approach == "DBT"


def test_editor_closes_when_the_practice_locks(qtbot: Any, workspace: Any) -> None:
    from ui.notes import close_all_editors

    vault = workspace.vault
    appt = add_session(vault, add_client(vault))
    editor = _open(qtbot, workspace, appt.id)
    editor.form.fields["plan"].setPlainText("Saved before locking")
    close_all_editors()  # what the window calls before it locks
    assert vault.notes.for_appointment(appt.id).prompts["plan"] == "Saved before locking"
    again = _open(qtbot, workspace, appt.id)
    assert again is not editor
    workspace.lock()  # an idle lock the window did not announce
    with qtbot.waitSignal(again.closed, timeout=2000):
        again.save_now()  # the next autosave tick


def test_ctrl_d_drafts_and_ctrl_enter_opens_the_sign_dialog(qtbot: Any, workspace: Any) -> None:
    editor = open_new_note(qtbot, workspace)
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
