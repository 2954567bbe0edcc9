"""A therapist's day: add a client, schedule, see it on Today and in the week."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import QDialog

from models.appointment import Appointment, AppointmentStatus
from models.client import Client
from tests.ui.conftest import Boxes, today_in, workspace_of
from ui.dialogs.appointment_editor import AppointmentEditor
from ui.dialogs.client_editor import ClientEditor

TZ = ZoneInfo("America/New_York")


def _add_client(window: Any, name: str = "Jordan Avery Reyes") -> Client:
    return workspace_of(window).vault.clients.add(Client(legal_name=name, preferred_name="Jo"))


def test_add_a_client_through_the_dialog(qtbot: Any, unlocked: Any, boxes: Boxes) -> None:
    page = unlocked.main_view.go_to("Clients")
    dialog = page.new_client()
    assert isinstance(dialog, ClientEditor) and dialog.isVisible()
    dialog.save()
    assert "legal name" in dialog.error.text() and dialog.isVisible()
    qtbot.keyClicks(dialog.legal_name, "Jordan Avery Reyes")
    dialog.preferred_name.setText("Jo")
    dialog.pronouns.setCurrentText("they/them")
    dialog.dob.setText("13/45/1990")
    dialog.save()
    assert "MM/DD/YYYY" in dialog.error.text()
    dialog.dob.setText("04/23/1990")
    dialog.diagnoses.add_button.click()
    dialog.diagnoses.table.item(0, 0).setText("nonsense")
    dialog.save()
    assert "ICD-10" in dialog.error.text()
    dialog.diagnoses.table.item(0, 0).setText("f41.1")
    dialog.diagnoses.table.item(0, 1).setText("Generalized anxiety disorder")
    dialog.consent.setChecked(True)
    dialog.payer.setText("Aetna")
    dialog.member_id.setText("W123")
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted

    clients = workspace_of(unlocked).vault.clients.list()
    assert [c.legal_name for c in clients] == ["Jordan Avery Reyes"]
    saved = clients[0]
    assert saved.date_of_birth is not None and saved.date_of_birth.year == 1990
    assert saved.primary_diagnosis is not None and saved.primary_diagnosis.code == "F41.1"
    assert saved.ai_consent and saved.ai_consent_date is not None
    assert page.list.count() == 1 and page.list.currentItem().text() == "Jo Reyes"
    assert page.detail.name.text() == "Jo Reyes"
    assert page.detail.diagnoses.table.item(0, 2).text() == "Primary"
    assert unlocked.windowTitle() == "Stillnote"  # never a client's name

    # Search and the discharged filter.
    page.search.setText("zzz")
    assert page.list.count() == 0
    page.search.clear()
    page.detail.discharge_button.click()  # confirmed by the patched question box
    assert page.list.count() == 0  # the "Active" filter hides the discharged client
    page.filter.setCurrentIndex(page.filter.findData("discharged"))
    assert page.list.count() == 1 and "discharged" in page.list.item(0).text()


def test_schedule_for_today_shows_on_today_and_in_the_week(
        qtbot: Any, unlocked: Any, boxes: Boxes) -> None:
    client = _add_client(unlocked)
    view = unlocked.main_view
    today_page = view.go_to("Today")
    assert today_page.body.currentWidget() is today_page.empty
    assert today_page.empty.label.text() == "No appointments today"

    today_page.new_button.click()
    dialog = next(d for d in today_page.findChildren(AppointmentEditor) if d.isVisible())
    day = today_in(TZ)
    dialog.client.setCurrentIndex(dialog.client.findData(client.id))
    dialog.date.setDate(QDate(day.year, day.month, day.day))
    dialog.time.setTime(QTime(12, 0))
    dialog.fee.setText("abc")
    dialog.save()
    assert "fee" in dialog.error.text()
    dialog.fee.setText("140")
    with qtbot.waitSignal(dialog.saved):
        dialog.save()

    assert today_page.body.currentWidget() is today_page.table
    assert today_page.table.rowCount() == 1
    assert today_page.table.item(0, 0).text().startswith("12:00")
    assert today_page.table.item(0, 1).text() == "Jo Reyes"
    assert today_page.table.item(0, 4).text() == "Scheduled"
    stored = workspace_of(unlocked).vault.appointments.for_client(client.id)
    assert stored[0].fee == Decimal("140.00")

    # Mark attended from Today.
    today_page.table.selectRow(0)
    today_page.attended_button.click()
    assert today_page.table.item(0, 4).text() == "Attended"

    calendar = view.go_to("Calendar")
    column = next(c for c in calendar.columns if c.day == day)
    assert column.list.count() == 1
    assert "Jo Reyes" in column.list.item(0).text()
    assert column.header.property("today") is True
    calendar.shift(7)
    assert all(c.list.count() == 0 for c in calendar.columns)
    calendar.this_week()
    assert column.list.count() == 1


def test_weekly_series_move_and_cancel(qtbot: Any, unlocked: Any, boxes: Boxes) -> None:
    client = _add_client(unlocked)
    ws = workspace_of(unlocked)
    calendar = unlocked.main_view.go_to("Calendar")
    monday = calendar.monday
    start = datetime.combine(monday, time(10, 0), tzinfo=TZ)
    dialog = AppointmentEditor(ws, client_id=client.id, start=start, parent=calendar)
    dialog.repeat.setCurrentIndex(1)  # every week
    dialog.count.setValue(4)
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
    series = sorted(ws.vault.appointments.for_client(client.id), key=lambda a: a.start)
    assert len(series) == 4
    assert series[1].start - series[0].start == timedelta(weeks=1) or series[1].start.hour == 10
    calendar.refresh()
    assert calendar.columns[0].list.count() == 1

    # Move: edit the time; cancel: status cancelled, kept in the record.
    calendar.open_appointment(series[0].id)
    editor = next(d for d in calendar.findChildren(AppointmentEditor) if d.isVisible())
    editor.time.setTime(QTime(15, 30))
    with qtbot.waitSignal(editor.saved):
        editor.save()
    moved = ws.vault.appointments.get(series[0].id)
    assert moved.start.astimezone(TZ).hour == 15 and moved.start.astimezone(TZ).minute == 30
    calendar.open_appointment(series[0].id)
    editor = next(d for d in calendar.findChildren(AppointmentEditor) if d.isVisible())
    with qtbot.waitSignal(editor.saved):
        editor.cancel_appt_button.click()
    assert ws.vault.appointments.get(series[0].id).status is AppointmentStatus.CANCELLED
    assert "Cancelled" in calendar.columns[0].list.item(0).text()


def test_client_page_tabs_show_goals_and_appointments(
        qtbot: Any, unlocked: Any, boxes: Boxes) -> None:
    client = _add_client(unlocked)
    ws = workspace_of(unlocked)
    ws.vault.appointments.add(Appointment(client_id=client.id,
                                          start=datetime(2026, 3, 2, 10, 0, tzinfo=TZ),
                                          status=AppointmentStatus.ATTENDED, fee=Decimal("120")))
    page = unlocked.main_view.go_to("Clients")
    page.refresh()
    page.select_client(client.id)
    detail = page.detail
    assert detail.appointments.table.rowCount() == 1
    assert detail.appointments.table.item(0, 5).text() == "$120.00"
    detail.goals.new_goal.setText("Sleep seven hours most nights")
    detail.goals.add_button.click()
    assert detail.goals.table.rowCount() == 1
    assert detail.notes.table.rowCount() == 0 and detail.notes.empty.isVisibleTo(detail.notes)
