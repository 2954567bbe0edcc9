"""The appointment editor warns of a double booking before saving, and "Open note" replaces
"Write note" once the session has a note (signed or not)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTime

from app.notes import start_or_resume_note
from models.appointment import AppointmentStatus
from tests.ui.conftest import Boxes, workspace_of
from tests.ui.helpers import TZ, add_client, appointment_editor, at, book


def test_saving_on_top_of_another_session_asks_first(qtbot: Any, unlocked: Any,
                                                     boxes: Boxes) -> None:
    book(unlocked, add_client(unlocked, "Sam Osei Mensah"), days=2, hour=10)
    client = add_client(unlocked)
    dialog = appointment_editor(unlocked, client_id=client.id, start=at(2, 10))
    dialog.time.setTime(QTime(10, 30))
    boxes.answer_yes = False
    dialog.save()
    assert "Double-booked" not in boxes.texts()[0]  # the sentence, not the title
    assert "Jo Mensah is already booked" in boxes.texts()[0]
    assert dialog.isVisible() and "Not saved" in dialog.error.text()
    vault = workspace_of(unlocked).vault
    assert vault.appointments.for_client(client.id) == []
    boxes.answer_yes = True
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
    assert vault.appointments.for_client(client.id)[0].start.astimezone(TZ).minute == 30


def test_the_editor_says_open_note_once_a_note_exists(qtbot: Any, unlocked: Any,
                                                      boxes: Boxes) -> None:
    appt = book(unlocked, add_client(unlocked), days=-1, hour=10,
                status=AppointmentStatus.ATTENDED)
    dialog = appointment_editor(unlocked, appointment=appt)
    assert dialog.note_button is not None and dialog.note_button.text() == "Write note"
    dialog.reject()
    start_or_resume_note(workspace_of(unlocked).vault, appt.id)
    dialog = appointment_editor(unlocked, appointment=appt)
    assert dialog.note_button is not None and dialog.note_button.text() == "Open note"
    dialog.reject()
