"""Today as the day goes on: each session's note state, "Open note" once a note exists (signed
too), overdue notes standing out, and a note signed elsewhere showing at once."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from app.notes import sign_note, start_or_resume_note
from models.appointment import AppointmentStatus
from models.note import NoteSection
from tests.app.notes.helpers import FULL_PROMPTS
from tests.ui.conftest import Boxes, workspace_of
from tests.ui.helpers import add_client, book, note_windows
from ui.notes.events import note_events
from ui.pages.today_page import NOTE_COLUMN


def _diagnosed(window: Any) -> Any:
    from models.client import Diagnosis

    return add_client(window, diagnoses=[Diagnosis("F41.1", "Generalized anxiety", True)])


def test_note_state_and_open_note_after_signing(qtbot: Any, unlocked: Any,
                                                boxes: Boxes) -> None:
    client = _diagnosed(unlocked)
    earlier = book(unlocked, client, days=0, hour=0, status=AppointmentStatus.ATTENDED)
    later = book(unlocked, client, days=0, hour=23)
    page = unlocked.main_view.go_to("Today")
    assert page.table.item(0, NOTE_COLUMN).text() == "No note yet"
    assert page.table.item(1, NOTE_COLUMN).text() == ""  # scheduled: no note expected
    page.table.selectRow(0)
    assert page.note_button.text() == "Write note" and page.note_button.isEnabled()

    vault = workspace_of(unlocked).vault
    note = vault.notes.get(start_or_resume_note(vault, earlier.id).id)
    note.prompts = dict(FULL_PROMPTS)
    note.sections = [NoteSection("Subjective", "Client reported work stress.")]
    vault.notes.save_draft(note)
    note_events().changed.emit()  # as the note window does
    assert page.table.item(0, NOTE_COLUMN).text() == "Draft"
    page.table.selectRow(0)
    assert page.note_button.text() == "Open note"

    sign_note(vault, vault.notes.get(note.id))
    note_events().changed.emit()
    assert page.table.item(0, NOTE_COLUMN).text() == "Signed"
    page.table.selectRow(0)
    assert page.note_button.text() == "Open note" and page.note_button.isEnabled()
    page.note_button.click()
    opened = note_windows()
    assert len(opened) == 1 and opened[0].note.is_signed
    assert opened[0].readiness.text() == "Signed and locked"
    opened[0].close()
    assert later.id is not None


def test_a_note_not_signed_a_day_after_the_session_is_overdue(qtbot: Any, unlocked: Any,
                                                             boxes: Boxes) -> None:
    from models.note_status import NoteState, note_state

    client = _diagnosed(unlocked)
    appt = book(unlocked, client, days=-2, hour=10, status=AppointmentStatus.ATTENDED)
    now = datetime.now(UTC)
    assert note_state(appt, None, now) is NoteState.OVERDUE
    assert note_state(appt, None, appt.end + timedelta(hours=2)) is NoteState.NONE
    calendar = unlocked.main_view.go_to("Calendar")
    calendar.anchor = appt.start.date()
    calendar.set_view("day")
    block = calendar.grid.block_by_id(appt.id)
    assert block is not None and "Note overdue" in block.tooltip
