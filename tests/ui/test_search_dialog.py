"""Search everything from anywhere: Ctrl+K (or Ctrl+F), a word from a note finds the note,
results come grouped, the keys choose and Enter opens."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.notes import start_or_resume_note
from models.appointment import AppointmentStatus
from models.client import Diagnosis, Insurance
from models.note import NoteSection
from tests.ui.conftest import Boxes, workspace_of
from tests.ui.helpers import add_client, book, note_windows
from ui.search_dialog import SearchDialog


def _search(qtbot: Any, window: Any, text: str, keys: str = "Ctrl+K") -> SearchDialog:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    key = Qt.Key.Key_K if keys == "Ctrl+K" else Qt.Key.Key_F
    QTest.keyClick(window.focusWidget() or window, key, Qt.KeyboardModifier.ControlModifier)
    dialog = window.main_view.search_dialog
    assert isinstance(dialog, SearchDialog) and dialog.isVisible()
    qtbot.keyClicks(dialog.box, text)
    qtbot.waitUntil(lambda: dialog.results.text == text, timeout=3000)  # after the pause
    return dialog


def _texts(dialog: SearchDialog) -> list[str]:
    return [dialog.list.item(i).text() for i in range(dialog.list.count())]


def test_a_word_from_a_note_finds_the_note_and_enter_opens_it(qtbot: Any, unlocked: Any,
                                                              boxes: Boxes) -> None:
    vault = workspace_of(unlocked).vault
    client = add_client(unlocked)
    appt = book(unlocked, client, days=-1, hour=10, status=AppointmentStatus.ATTENDED)
    note = vault.notes.get(start_or_resume_note(vault, appt.id).id)
    note.sections = [NoteSection("Data", "Client described nightmares about the lighthouse.")]
    vault.notes.save_draft(note)
    dialog = _search(qtbot, unlocked, "lighthou")
    texts = _texts(dialog)
    assert texts[0] == "Notes"  # the group's heading
    assert "Jo Reyes" in texts[1] and "lighthouse" in texts[1] and "(draft)" in texts[1]
    QTest.keyClick(dialog.box, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    opened = note_windows()
    assert len(opened) == 1 and opened[0].note.id == note.id
    opened[0].close()


def test_clients_by_date_of_birth_diagnosis_and_member_id(qtbot: Any, unlocked: Any,
                                                          boxes: Boxes) -> None:
    add_client(unlocked, "Jordan Avery Reyes", date_of_birth=date(1987, 4, 23),
               diagnoses=[Diagnosis("F43.10", "Post-traumatic stress disorder", True)],
               insurance=Insurance("Evergreen Mutual", "M1002398"))
    add_client(unlocked, "Sam Osei Mensah")
    for text in ("04/23/1987", "F43.1", "post-traumatic", "M10023"):
        dialog = _search(qtbot, unlocked, text)
        assert _texts(dialog)[0] == "Clients", text
        assert _texts(dialog)[1].startswith("Jo Reyes"), text
        assert not any("Sam" in t for t in _texts(dialog)), text
        dialog.reject()


def test_groups_keys_and_opening_a_client_or_an_appointment(qtbot: Any, unlocked: Any,
                                                            boxes: Boxes) -> None:
    client = add_client(unlocked, "Robin Achterberg")
    appt = book(unlocked, client, days=3, hour=11)
    dialog = _search(qtbot, unlocked, "Achterberg", keys="Ctrl+F")
    texts = _texts(dialog)
    assert texts[0] == "Clients" and "Appointments" in texts
    assert dialog.list.currentItem().text().startswith("Jo Achterberg")
    QTest.keyClick(dialog.box, Qt.Key.Key_Down)  # past the heading, onto the appointment
    assert "11:00" in dialog.list.currentItem().text()
    QTest.keyClick(dialog.box, Qt.Key.Key_Return)
    calendar = unlocked.main_view.pages.currentWidget()
    assert calendar is unlocked.main_view.calendar and calendar.view == "day"
    assert calendar.grid.selected_id == appt.id

    dialog = _search(qtbot, unlocked, "Achterberg")
    QTest.keyClick(dialog.box, Qt.Key.Key_Return)
    clients = unlocked.main_view.pages.currentWidget()
    assert clients is unlocked.main_view.clients
    assert clients.detail.client is not None and clients.detail.client.id == client.id


def test_nothing_found_says_so(qtbot: Any, unlocked: Any, boxes: Boxes) -> None:
    dialog = _search(qtbot, unlocked, "zzyzx")
    assert dialog.results.empty and dialog.status.text() == "Nothing found."
    QTest.keyClick(dialog.box, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
