"""A megabyte pasted into a field neither freezes nor crashes the window: it is refused in one
sentence (nothing saved), and the dialog still saves once the field is put right."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtWidgets import QApplication, QDialog, QLineEdit

from models.client import Client
from tests.ui.conftest import Boxes, workspace_of
from ui.dialogs.appointment_editor import AppointmentEditor
from ui.dialogs.client_editor import LIMITS

MEGABYTE = ("Lorem ipsum dolor sit amet, consectetur adipiscing elit. " * 18000)[:1_000_000]


def _paste(field: QLineEdit, text: str) -> float:
    """Paste ``text`` through the clipboard as a user would; returns the seconds it took."""
    QApplication.clipboard().setText(text)
    started = time.perf_counter()
    field.setFocus()
    field.paste()
    QApplication.processEvents()
    return time.perf_counter() - started


def test_a_megabyte_in_the_client_name_is_refused_in_one_sentence(
        qtbot: Any, unlocked: Any, boxes: Boxes) -> None:
    page = unlocked.main_view.go_to("Clients")
    dialog = page.new_client()
    seconds = _paste(dialog.legal_name, MEGABYTE)
    assert seconds < 5  # generous on a loaded 2-core machine; a freeze takes far longer
    dialog.save()
    sentence = dialog.error.text()
    assert sentence == (f"The legal name is too long: it can have at most {LIMITS['legal name']} "
                        "characters.")
    assert dialog.isVisible() and workspace_of(unlocked).vault.clients.list() == []
    dialog.legal_name.setText("Jordan Avery Reyes")
    _paste(dialog.street, MEGABYTE)
    dialog.save()
    assert "street is too long" in dialog.error.text()
    dialog.street.setText("12 Elm St")
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
    assert [c.legal_name for c in workspace_of(unlocked).vault.clients.list()] == [
        "Jordan Avery Reyes"]


def test_a_megabyte_on_the_insurance_tab_brings_that_tab_forward(
        qtbot: Any, unlocked: Any, boxes: Boxes) -> None:
    dialog = unlocked.main_view.go_to("Clients").new_client()
    dialog.legal_name.setText("Jordan Avery Reyes")
    _paste(dialog.member_id, MEGABYTE)
    dialog.save()
    assert "member ID is too long" in dialog.error.text()
    assert dialog.tabs.currentIndex() == 1


def test_a_megabyte_in_the_fee_is_refused_and_the_appointment_not_saved(
        qtbot: Any, unlocked: Any, boxes: Boxes) -> None:
    workspace = workspace_of(unlocked)
    client = workspace.vault.clients.add(Client(legal_name="Jordan Avery Reyes"))
    dialog = AppointmentEditor(workspace, client_id=client.id, parent=unlocked.main_view.today)
    qtbot.addWidget(dialog)
    dialog.open()
    assert _paste(dialog.fee, MEGABYTE) < 5
    dialog.save()
    assert dialog.error.text() == "The fee must be an amount such as 120 or 120.00."
    assert workspace.vault.appointments.all() == []
    for not_an_amount in ("NaN", "Infinity", "-5"):
        dialog.fee.setText(not_an_amount)
        dialog.save()
        assert dialog.error.text() == "The fee must be an amount such as 120 or 120.00."
    dialog.fee.setText("$1,250.5")
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert [str(a.fee) for a in workspace.vault.appointments.all()] == ["1250.50"]


def test_a_megabyte_goal_is_refused_in_one_sentence(qtbot: Any, unlocked: Any,
                                                     boxes: Boxes) -> None:
    workspace = workspace_of(unlocked)
    client = workspace.vault.clients.add(Client(legal_name="Jordan Avery Reyes"))
    page = unlocked.main_view.go_to("Clients")
    page.refresh()
    page.select_client(client.id)
    goals = page.detail.goals
    _paste(goals.new_goal, MEGABYTE)
    goals.add_button.click()
    assert boxes.texts() == ["A goal can have at most 500 characters; shorten it and add it "
                             "again."]
    assert workspace.vault.goals.for_client(client.id) == []
    goals.new_goal.setText("Sleep seven hours on most nights")
    goals.add_button.click()
    assert [g.text for g in workspace.vault.goals.for_client(client.id)] == [
        "Sleep seven hours on most nights"]
