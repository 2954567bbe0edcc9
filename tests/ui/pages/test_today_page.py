"""Today: the day's appointments, their status and note buttons, and the authorization warnings
(capped, so the day stays on the page)."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import QDate, QTime

from app.billing.authorizations import add_authorization
from models.appointment import Appointment, AppointmentStatus
from models.client import Client
from tests.ui.conftest import Boxes, today_in, workspace_of
from tests.ui.helpers import (
    TZ,
    add_client,
    at,
    authorize,
    book,
)
from ui import notes
from ui.dialogs.appointment_editor import AppointmentEditor
from ui.pages.today_page import MAX_WARNINGS


def test_schedule_for_today_shows_on_today_and_in_the_week(
        qtbot: Any, unlocked: Any, boxes: Boxes) -> None:
    client = add_client(unlocked)
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
    assert [b.appointment.start.astimezone(TZ).date() for b in calendar.grid.blocks] == [day]
    assert "Jo Reyes" in calendar.grid.blocks[0].tooltip
    assert calendar.header.today == day and day in calendar.header.days  # today marked
    calendar.shift(1)
    assert calendar.grid.blocks == []
    calendar.go_today()
    assert len(calendar.grid.blocks) == 1


def test_write_note_on_an_attended_appointment_opens_the_notes_editor(
        qtbot: Any, unlocked: Any, boxes: Boxes, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[int] = []
    monkeypatch.setattr(notes, "open_note_editor",
                        lambda parent, workspace, appointment_id: opened.append(appointment_id))

    from models.appointment import Appointment

    ws = workspace_of(unlocked)
    tz = ws.vault.practice.get().zone
    client = ws.vault.clients.add(Client(legal_name="Rowan Ellis"))
    appt = ws.vault.appointments.add(Appointment(
        client_id=client.id, start=datetime.combine(today_in(tz), time(12, 0), tzinfo=tz),
        status=AppointmentStatus.ATTENDED))
    page = unlocked.main_view.go_to("Today")
    page.table.selectRow(0)
    assert page.note_button.isVisible() and page.note_button.isEnabled()
    page.note_button.click()
    assert opened == [appt.id]


def test_today_shows_authorization_warnings(qtbot: Any, unlocked: Any, boxes: Boxes) -> None:
    page = unlocked.main_view.go_to("Today")
    assert page.warnings.isHidden() and page.warning_lines() == []
    client = add_client(unlocked)
    authorize(unlocked, client, sessions=2, number="PA-7")
    book(unlocked, client)
    page = unlocked.main_view.go_to("Today")
    assert not page.warnings.isHidden()
    assert page.warning_lines() == ["Jo Reyes: Authorization PA-7: one authorized session left."]


def test_many_authorization_warnings_do_not_push_today_off_the_page(
        qtbot: Any, unlocked: Any, boxes: Boxes) -> None:
    workspace = workspace_of(unlocked)
    day = today_in(TZ)
    for n in range(MAX_WARNINGS + 2):
        client = workspace.vault.clients.add(Client(legal_name=f"Client Number{n}"))
        add_authorization(workspace.vault, client.id, f"PA-{n}", 1, day - timedelta(days=5),
                          day + timedelta(days=30))
        workspace.vault.appointments.add(Appointment(client_id=client.id, start=at(0, 8 + n)))
    page = unlocked.main_view.go_to("Today")
    shown = page.warnings.text().splitlines()
    assert len(shown) == MAX_WARNINGS + 1
    assert shown[-1].startswith("… and 2 more authorization warnings")
    assert len(page.warning_lines()) == MAX_WARNINGS + 2  # every one is still there (tooltip)
    assert page.table.rowCount() == MAX_WARNINGS + 2
