"""Entering a measure by keyboard, one key per item; a positive item 9 shows at once, puts the
client on the risk list and keeps the session's note from being signed until addressed."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt

from app.measures.entry import measures_of_client
from tests.app.notes.helpers import FULL_PROMPTS, TZ, add_client, add_session
from ui.measures.entry_dialog import MeasureEntryDialog
from ui.notes import RiskFollowUpPage, open_note_editor


def dialog_for(qtbot: Any, workspace: Any, client: Any, key: str = "phq9") -> MeasureEntryDialog:
    day = datetime.now(TZ).date()
    dialog = MeasureEntryDialog(workspace, client.id, key, day)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(dialog.board.hasFocus)
    return dialog


def test_a_phq9_typed_in_with_one_key_per_item(qtbot: Any, workspace: Any, boxes: Any) -> None:
    client = add_client(workspace.vault)
    dialog = dialog_for(qtbot, workspace, client)
    qtbot.keyClicks(dialog.board, "2131x2")  # "x" is no answer: ignored
    assert dialog.board.answers == {"1": 2, "2": 1, "3": 3, "4": 1, "5": 2}
    qtbot.keyClick(dialog.board, Qt.Key.Key_Backspace)  # back to item 5
    qtbot.keyClicks(dialog.board, "0")  # item 5 again, now 0
    qtbot.keyClicks(dialog.board, "1100")  # items 6-9
    assert dialog.total.text() == "PHQ-9: 9 (mild)"
    qtbot.keyClicks(dialog.board, "2")  # the difficulty question
    with qtbot.waitSignal(dialog.saved):
        qtbot.keyClick(dialog.board, Qt.Key.Key_Return)
    [stored] = measures_of_client(workspace.vault, client.id)
    assert stored.response.answers == {"1": 2, "2": 1, "3": 3, "4": 1, "5": 0, "6": 1, "7": 1,
                                       "8": 0, "9": 0, "difficulty": 2}
    assert stored.headline == "PHQ-9 total 9 (mild)"
    assert boxes.shown == []  # nothing to warn about


def test_the_cssrs_skip_rule_as_the_keys_go(qtbot: Any, workspace: Any, boxes: Any) -> None:
    client = add_client(workspace.vault)
    dialog = dialog_for(qtbot, workspace, client, "cssrs")
    qtbot.keyClicks(dialog.board, "nn")  # no to 1 and 2: straight to question 6
    row = dialog.board.rows[dialog.board.current]
    assert row.item.key == "6"
    assert [r.item.key for r in dialog.board.rows if r.isVisibleTo(dialog)] == ["1", "2", "6"]
    qtbot.keyClicks(dialog.board, "n")
    assert dialog.total.text() == "C-SSRS screener: no risk identified"
    assert not dialog.risk.isVisibleTo(dialog)


def test_item_9_shows_at_once_lists_the_client_and_blocks_signing(
        qtbot: Any, workspace: Any, boxes: Any) -> None:
    vault = workspace.vault
    client = add_client(vault)
    session = add_session(vault, client, start=datetime.now(TZ).replace(hour=9, minute=0))
    editor = open_note_editor(None, workspace, session.id)
    for name, text in FULL_PROMPTS.items():
        editor.form.fields[name].setPlainText(text)
    editor.draft_view.editors["Subjective"].setPlainText("Work stress.")
    editor.save_now()
    assert editor.review.gaps_label.text() == "Nothing: the note is complete."  # before the PHQ-9
    dialog = dialog_for(qtbot, workspace, client)
    qtbot.keyClicks(dialog.board, "11111111")
    assert not dialog.risk.isVisibleTo(dialog)
    qtbot.keyClicks(dialog.board, "1")  # item 9: several days
    assert dialog.risk.isVisibleTo(dialog)  # at once, before saving
    assert "PHQ-9 item 9 was answered “Several days”" in dialog.risk.text()
    qtbot.keyClicks(dialog.board, "1")
    with qtbot.waitSignal(dialog.saved):
        qtbot.keyClick(dialog.board, Qt.Key.Key_Return)
    [(kind, text)] = boxes.shown  # and as a warning once saved
    assert kind == "warning" and "risk follow-up list" in text
    today = f"{datetime.now(TZ):%m/%d/%Y}"
    page = RiskFollowUpPage(workspace)
    qtbot.addWidget(page)
    assert [page.table.item(0, c).text() for c in (0, 3)] == [
        client.display_name, f"PHQ-9 item 9 was answered “Several days” on {today}"]
    # The open note window heard of the screen: the reason shows first, signing is refused.
    assert editor.review.gaps_label.text().startswith("• PHQ-9 item 9 was answered")
    sign_dialog = editor.open_sign_dialog()
    assert "PHQ-9 item 9 was answered" in sign_dialog.reasons.text()
    assert not sign_dialog.sign_button.isEnabled()
    sign_dialog.reject()
    assert editor.sign() is False
    assert boxes.texts()[-1].startswith(f"PHQ-9 item 9 was answered “Several days” on {today}")
    editor.form.fields["risk"].setPlainText(
        "PHQ-9 item 9 endorsed (several days); passive thoughts of death, denies plan or "
        "intent; safety plan reviewed.")
    assert editor.review.gaps_label.text() == "Nothing: the note is complete."
    assert editor.sign() is True
    assert vault.notes.get(editor.note.id).is_signed
