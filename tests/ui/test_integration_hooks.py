"""The window calls the notes and billing hooks: authorizations, Today's warnings, the .ics file,
billable ICD-10 codes, note windows saved on lock, and the notes/billing sidebar pages."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtWidgets import QApplication, QDialog

from app.billing.authorizations import add_authorization
from app.billing.icd10 import IcdCode
from models.appointment import Appointment, AppointmentStatus
from models.client import Client
from tests.ui.conftest import PASSPHRASE, Boxes, today_in, unlock, workspace_of
from ui import appointment_actions as actions
from ui.billing import BillingPage
from ui.dialogs.appointment_editor import AppointmentEditor
from ui.notes import NoteEditor, RiskFollowUpPage, UnsignedNotesPage

TZ = ZoneInfo("America/New_York")


def _client(window: Any, **fields: Any) -> Client:
    client: Client = workspace_of(window).vault.clients.add(
        Client(legal_name="Jordan Avery Reyes", preferred_name="Jo", **fields))
    return client


def _at(days: int, hour: int) -> datetime:
    return datetime.combine(today_in(TZ) + timedelta(days=days), time(hour, 0), tzinfo=TZ)


def _book(window: Any, client: Client, days: int = 0, hour: int = 9,
          status: AppointmentStatus = AppointmentStatus.SCHEDULED) -> Appointment:
    appt: Appointment = workspace_of(window).vault.appointments.add(
        Appointment(client_id=client.id, start=_at(days, hour), status=status))
    return appt


def _authorize(window: Any, client: Client, sessions: int, number: str = "PA-1",
               days_before: int = 10, days_after: int = 30) -> None:
    day = today_in(TZ)
    add_authorization(workspace_of(window).vault, client.id, number, sessions,
                      day - timedelta(days=days_before), day + timedelta(days=days_after))


def _editor(window: Any, **kwargs: Any) -> AppointmentEditor:
    page = window.main_view.go_to("Today")
    dialog = actions.edit_appointment(page, workspace_of(window), **kwargs)
    assert isinstance(dialog, AppointmentEditor) and dialog.isVisible()
    return dialog


# -- authorizations ---------------------------------------------------------------------------
def test_booking_past_the_authorization_asks_and_no_writes_nothing(
        qtbot: Any, unlocked: Any, boxes: Boxes) -> None:
    client = _client(unlocked)
    _authorize(unlocked, client, sessions=1)
    _book(unlocked, client)  # uses the only authorized session
    vault = workspace_of(unlocked).vault

    dialog = _editor(unlocked, client_id=client.id, start=_at(1, 10))
    boxes.answer_yes = False
    dialog.save()
    assert boxes.shown and "All 1 sessions of authorization PA-1" in boxes.texts()[-1]
    assert len(vault.appointments.for_client(client.id)) == 1  # nothing written
    assert dialog.isVisible() and "Not saved" in dialog.error.text()

    boxes.answer_yes = True
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert len(vault.appointments.for_client(client.id)) == 2


def test_moving_outside_the_authorization_dates_asks(
        qtbot: Any, unlocked: Any, boxes: Boxes) -> None:
    client = _client(unlocked)
    _authorize(unlocked, client, sessions=10, days_after=20)
    appt = _book(unlocked, client, days=1)
    dialog = _editor(unlocked, appointment=appt)
    dialog.save()  # unchanged: neither new nor moved, nothing to ask
    assert boxes.shown == []

    dialog = _editor(unlocked, appointment=workspace_of(unlocked).vault.appointments.get(appt.id))
    later = today_in(TZ) + timedelta(days=40)
    from PySide6.QtCore import QDate

    dialog.date.setDate(QDate(later.year, later.month, later.day))
    boxes.answer_yes = False
    dialog.save()
    assert "outside the authorization dates" in boxes.texts()[-1]
    assert workspace_of(unlocked).vault.appointments.get(appt.id).start == appt.start


def test_a_series_counts_its_own_sessions(qtbot: Any, unlocked: Any, boxes: Boxes) -> None:
    client = _client(unlocked)
    _authorize(unlocked, client, sessions=3, days_after=90)
    dialog = _editor(unlocked, client_id=client.id, start=_at(1, 10))
    dialog.repeat.setCurrentIndex(dialog.repeat.findText("Every week"))
    dialog.count.setValue(5)
    boxes.answer_yes = False
    dialog.save()
    assert len(boxes.shown) == 1 and boxes.texts()[0].startswith("Session 4 of this series")
    assert workspace_of(unlocked).vault.appointments.for_client(client.id) == []


def test_a_client_without_authorization_is_never_asked(
        qtbot: Any, unlocked: Any, boxes: Boxes) -> None:
    client = _client(unlocked)
    dialog = _editor(unlocked, client_id=client.id, start=_at(1, 10))
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        dialog.save()
    assert boxes.shown == []


def test_today_shows_authorization_warnings(qtbot: Any, unlocked: Any, boxes: Boxes) -> None:
    page = unlocked.main_view.go_to("Today")
    assert page.warnings.isHidden() and page.warning_lines() == []
    client = _client(unlocked)
    _authorize(unlocked, client, sessions=2, number="PA-7")
    _book(unlocked, client)
    page = unlocked.main_view.go_to("Today")
    assert not page.warnings.isHidden()
    assert page.warning_lines() == ["Jo Reyes: Authorization PA-7: one authorized session left."]


# -- calendar file ----------------------------------------------------------------------------
def test_the_ics_file_is_rewritten_after_saves_and_status_changes(
        qtbot: Any, unlocked: Any, boxes: Boxes, tmp_path: Path) -> None:
    target = tmp_path / "calendar.ics"
    workspace = workspace_of(unlocked)
    workspace.settings.ics_auto_export_path = str(target)
    client = _client(unlocked)

    dialog = _editor(unlocked, client_id=client.id, start=_at(0, 15))
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        dialog.save()
    appt = workspace.vault.appointments.for_client(client.id)[0]
    text = target.read_text(encoding="utf-8")
    assert "BEGIN:VEVENT" in text and appt.uid in text
    assert "Jordan" not in text  # no names unless asked

    target.unlink()
    page = unlocked.main_view.go_to("Today")
    page.table.selectRow(0)
    page.late_cancel_button.click()  # a status change on Today
    assert workspace.vault.appointments.get(appt.id).status is AppointmentStatus.LATE_CANCEL
    assert target.exists()

    target.unlink()
    dialog = _editor(unlocked, appointment=workspace.vault.appointments.get(appt.id))
    dialog.cancel_appointment()  # confirmed by the patched question box
    assert "STATUS:CANCELLED" in target.read_text(encoding="utf-8")
    assert [kind for kind, _ in boxes.shown] == ["question"]  # no write failure reported


def test_a_new_calendar_label_rewrites_the_ics_file(
        qtbot: Any, unlocked: Any, boxes: Boxes, tmp_path: Path) -> None:
    target = tmp_path / "calendar.ics"
    workspace = workspace_of(unlocked)
    workspace.settings.ics_auto_export_path = str(target)
    client = _client(unlocked)
    _book(unlocked, client, hour=15)

    page = unlocked.main_view.go_to("Clients")
    page.select_client(client.id)
    dialog = page.detail.edit()
    assert dialog is not None
    dialog.calendar_code.setText("Blue-7")
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        dialog.save()
    assert workspace.vault.clients.get(client.id).calendar_code == "Blue-7"
    text = target.read_text(encoding="utf-8")
    assert "Blue-7" in text and "Jordan" not in text


# -- diagnoses --------------------------------------------------------------------------------
def test_client_editor_accepts_only_billable_icd10_codes(
        qtbot: Any, unlocked: Any, boxes: Boxes) -> None:
    page = unlocked.main_view.go_to("Clients")
    dialog = page.new_client()
    dialog.legal_name.setText("Jordan Avery Reyes")
    dialog.diagnoses.add_button.click()
    dialog.diagnoses.table.item(0, 0).setText("F41")
    dialog.save()
    assert dialog.error.text().startswith("F41 is a category, not a billable code")
    assert dialog.error.text().count(".") <= 2 and dialog.isVisible()  # one plain sentence
    assert workspace_of(unlocked).vault.clients.list() == []

    dialog.diagnoses.table.item(0, 0).setText("f41.1")
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        dialog.save()
    saved = workspace_of(unlocked).vault.clients.list()[0]
    assert saved.primary_diagnosis is not None
    assert saved.primary_diagnosis.code == "F41.1"
    assert saved.primary_diagnosis.description == "Generalized anxiety disorder"


def test_find_code_uses_the_icd10_picker(qtbot: Any, unlocked: Any, boxes: Boxes,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    import ui.billing

    asked: list[str] = []

    def pick(_parent: Any, initial: str = "") -> IcdCode:
        asked.append(initial)
        return IcdCode("F43.10", "Post-traumatic stress disorder, unspecified")

    monkeypatch.setattr(ui.billing, "pick_icd10", pick)
    dialog = unlocked.main_view.go_to("Clients").new_client()
    table = dialog.diagnoses
    table.find_code()  # no row selected: a new row
    assert asked == [""] and table.table.rowCount() == 1
    assert table.table.item(0, 0).text() == "F43.10"
    table.table.setCurrentCell(0, 0)
    table.find_code()  # the selected row is replaced, its code offered as the search
    assert asked == ["", "F43.10"] and table.table.rowCount() == 1
    dialog.reject()


# -- notes ------------------------------------------------------------------------------------
def _note_windows() -> list[NoteEditor]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, NoteEditor) and w.isVisible()]


def _open_note_from_today(window: Any) -> NoteEditor:
    page = window.main_view.go_to("Today")
    page.table.selectRow(0)
    page.note_button.click()
    editors = _note_windows()
    assert len(editors) == 1
    return editors[0]


def test_locking_saves_the_open_note_before_the_vault_closes(
        qtbot: Any, unlocked: Any, boxes: Boxes) -> None:
    client = _client(unlocked, ai_consent=True)
    appt = _book(unlocked, client, status=AppointmentStatus.ATTENDED)
    editor = _open_note_from_today(unlocked)
    field = editor.form.fields["presenting_concerns"]
    qtbot.keyClicks(field, "Slept badly all week")
    stored = workspace_of(unlocked).vault.notes.for_appointment(appt.id)
    assert stored.prompts.get("presenting_concerns", "") == ""  # no autosave has run yet

    unlocked.lock()  # at once: the 3-second autosave never ticked
    assert unlocked.is_locked() and _note_windows() == []

    unlock(qtbot, unlocked, PASSPHRASE)
    stored = workspace_of(unlocked).vault.notes.for_appointment(appt.id)
    assert stored.prompts["presenting_concerns"] == "Slept badly all week"
    editor = _open_note_from_today(unlocked)
    assert editor.form.fields["presenting_concerns"].toPlainText() == "Slept badly all week"
    unlocked.lock()
    assert _note_windows() == []


def test_notes_and_billing_pages_are_in_the_sidebar(
        qtbot: Any, unlocked: Any, boxes: Boxes) -> None:
    view = unlocked.main_view
    names = [view.sidebar.item(r).text() for r in range(view.sidebar.count())]
    assert names == ["Today", "Clients", "Calendar", "Unsigned notes", "Risk follow-up",
                     "Billing", "Settings"]
    assert isinstance(view.go_to("Risk follow-up"), RiskFollowUpPage)
    assert isinstance(view.go_to("Unsigned notes"), UnsignedNotesPage)
    assert isinstance(view.go_to("Billing"), BillingPage)
    assert view.pages.currentWidget() is view.page_by_name["Billing"]


def test_unsigned_badge_counts_a_started_note(qtbot: Any, unlocked: Any, boxes: Boxes) -> None:
    client = _client(unlocked, ai_consent=True)
    _book(unlocked, client, status=AppointmentStatus.ATTENDED)
    editor = _open_note_from_today(unlocked)
    view = unlocked.main_view
    row = names_row(view, "Unsigned notes")
    qtbot.waitUntil(lambda: view.sidebar.item(row).text() == "Unsigned notes  (1)", timeout=5000)
    editor.close()


def names_row(view: Any, name: str) -> int:
    for r in range(view.sidebar.count()):
        if view.sidebar.item(r).text().startswith(name):
            return r
    raise AssertionError(name)
