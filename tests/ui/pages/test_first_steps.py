"""A new practice has no dead ends: Today leads to the first client and the first session, with
billing's fee notice beside them; "New appointment" without clients offers to add one there."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from tests.ui.conftest import Boxes, workspace_of
from ui.dialogs.appointment_editor import AppointmentEditor
from ui.dialogs.client_editor import ClientEditor

LEFT = Qt.MouseButton.LeftButton


def _visible(parent: Any, kind: type) -> Any:
    found = [d for d in parent.findChildren(kind) if d.isVisible()]
    assert len(found) == 1, found
    return found[0]


def test_first_steps_lead_to_a_client_and_a_session_with_one_fee_notice(
        qtbot: Any, unlocked: Any, boxes: Boxes) -> None:
    today = unlocked.main_view.go_to("Today")
    steps = today.first_steps
    assert steps.isVisible()
    assert [m.text() for m in steps.marks.values()] == ["○", "○"]
    # the fee schedule's lead is billing's notice, once, just below the card
    assert today.billing_notices.fees_row.isVisible()
    assert "fee" not in " ".join(b.text().casefold() for b in steps.buttons.values())
    qtbot.mouseClick(steps.buttons["has_client"], LEFT)
    editor = _visible(today, ClientEditor)
    qtbot.keyClicks(editor.legal_name, "Robin Achterberg")
    with qtbot.waitSignal(editor.saved):
        editor.save()
    assert steps.marks["has_client"].text() == "✓"
    assert not steps.buttons["has_client"].isEnabled()

    qtbot.mouseClick(today.first_steps.buttons["has_appointment"], LEFT)
    dialog = _visible(today, AppointmentEditor)
    dialog.client.setCurrentIndex(1)
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
    assert today.first_steps.marks["has_appointment"].text() == "✓"

    qtbot.mouseClick(today.first_steps.hide_button, LEFT)
    assert not today.first_steps.isVisible()
    assert not unlocked.main_view.go_to("Today").first_steps.isVisible()  # stays hidden


def test_new_appointment_without_clients_offers_to_add_one(qtbot: Any, unlocked: Any,
                                                           boxes: Boxes) -> None:
    today = unlocked.main_view.go_to("Today")
    qtbot.mouseClick(today.new_button, LEFT)
    assert boxes.shown and "no clients yet" in boxes.shown[-1][1]
    editor = _visible(today, ClientEditor)
    qtbot.keyClicks(editor.legal_name, "Robin Achterberg")
    with qtbot.waitSignal(editor.saved):
        editor.save()
    dialog = _visible(today, AppointmentEditor)  # straight on to the appointment
    client = workspace_of(unlocked).vault.clients.list()[0]
    assert dialog.client.currentData() == client.id
    dialog.reject()


def test_saying_no_to_adding_a_client_leaves_everything_as_it_was(
        qtbot: Any, unlocked: Any, boxes: Boxes) -> None:
    boxes.answer_yes = False
    today = unlocked.main_view.go_to("Today")
    qtbot.mouseClick(today.new_button, LEFT)
    assert [d for d in today.findChildren(ClientEditor) if d.isVisible()] == []
    assert workspace_of(unlocked).vault.clients.count() == 0
