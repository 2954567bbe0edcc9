"""The ICD-10 picker finds billable codes by code or words and never offers a category."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from ui.billing.icd10_picker import Icd10Dialog, Icd10Picker


def _search(qtbot: QtBot, picker: Icd10Picker, text: str) -> int:
    picker.query.setText(text)
    with qtbot.waitSignal(picker.results_changed, timeout=30000) as blocker:
        picker.search_now()
    return int(blocker.args[0])


def test_search_by_words_and_pick(qtbot: QtBot) -> None:
    picker = Icd10Picker()
    qtbot.addWidget(picker)
    assert _search(qtbot, picker, "generalized anxiety") >= 1
    assert picker.results.item(0).text() == "F41.1 — Generalized anxiety disorder"
    with qtbot.waitSignal(picker.picked) as blocker:
        picker.query.returnPressed.emit()
    assert blocker.args == ["F41.1", "Generalized anxiety disorder"]


def test_search_by_code_lists_only_billable(qtbot: QtBot) -> None:
    picker = Icd10Picker()
    qtbot.addWidget(picker)
    count = _search(qtbot, picker, "F41")
    codes = [picker.results.item(i).text().split(" — ")[0] for i in range(count)]
    assert "F41.1" in codes and "F41" not in codes
    assert _search(qtbot, picker, "zzzz nothing") == 0
    assert picker.hint.text() == "No billable code matches."


def test_dialog_returns_the_choice(qtbot: QtBot) -> None:
    dialog = Icd10Dialog(None, "")
    qtbot.addWidget(dialog)
    assert _search(qtbot, dialog.picker, "F41.1") == 1
    dialog._accept_current()
    assert dialog.chosen is not None and dialog.chosen.code == "F41.1"
