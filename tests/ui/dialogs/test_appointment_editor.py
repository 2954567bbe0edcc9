"""The appointment editor: schedule, repeat, move and cancel; the authorization question
before booking past it; the subscribed .ics rewritten after every change; a huge paste refused."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from app.appointments import AppointmentPlan, authorization_concern
from app.billing.authorizations import add_authorization, warning_lines_for_today
from models.appointment import Appointment, AppointmentStatus
from models.client import Client
from tests.app.billing import sample
from tests.ui.conftest import Boxes, today_in, workspace_of
from tests.ui.helpers import (
    MEGABYTE,
    TZ,
    add_client,
    appointment_editor,
    at,
    authorize,
    book,
    paste,
)
from ui.dialogs.appointment_editor import AppointmentEditor, ask_past_authorization


def test_weekly_series_move_and_cancel(qtbot: Any, unlocked: Any, boxes: Boxes) -> None:
    client = add_client(unlocked)
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
    on_monday = [b for b in calendar.grid.blocks
                 if b.appointment.start.astimezone(TZ).date() == monday]
    assert len(on_monday) == 1

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
    assert "Cancelled" in calendar.grid.block_by_id(series[0].id).tooltip


def test_booking_past_the_authorization_asks_and_no_writes_nothing(
        qtbot: Any, unlocked: Any, boxes: Boxes) -> None:
    client = add_client(unlocked)
    authorize(unlocked, client, sessions=1)
    book(unlocked, client)  # uses the only authorized session
    vault = workspace_of(unlocked).vault

    dialog = appointment_editor(unlocked, client_id=client.id, start=at(1, 10))
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
    client = add_client(unlocked)
    authorize(unlocked, client, sessions=10, days_after=20)
    appt = book(unlocked, client, days=1)
    dialog = appointment_editor(unlocked, appointment=appt)
    dialog.save()  # unchanged: neither new nor moved, nothing to ask
    assert boxes.shown == []

    stored = workspace_of(unlocked).vault.appointments.get(appt.id)
    dialog = appointment_editor(unlocked, appointment=stored)
    later = today_in(TZ) + timedelta(days=40)

    dialog.date.setDate(QDate(later.year, later.month, later.day))
    boxes.answer_yes = False
    dialog.save()
    assert "outside the authorization dates" in boxes.texts()[-1]
    assert workspace_of(unlocked).vault.appointments.get(appt.id).start == appt.start


def test_a_series_counts_its_own_sessions(qtbot: Any, unlocked: Any, boxes: Boxes) -> None:
    client = add_client(unlocked)
    authorize(unlocked, client, sessions=3, days_after=90)
    dialog = appointment_editor(unlocked, client_id=client.id, start=at(1, 10))
    dialog.repeat.setCurrentIndex(dialog.repeat.findText("Every week"))
    dialog.count.setValue(5)
    boxes.answer_yes = False
    dialog.save()
    assert len(boxes.shown) == 1 and boxes.texts()[0].startswith("Session 4 of this series")
    assert workspace_of(unlocked).vault.appointments.for_client(client.id) == []


def test_a_client_without_authorization_is_never_asked(
        qtbot: Any, unlocked: Any, boxes: Boxes) -> None:
    client = add_client(unlocked)
    dialog = appointment_editor(unlocked, client_id=client.id, start=at(1, 10))
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        dialog.save()
    assert boxes.shown == []


def test_the_ics_file_is_rewritten_after_saves_and_status_changes(
        qtbot: Any, unlocked: Any, boxes: Boxes, tmp_path: Path) -> None:
    target = tmp_path / "calendar.ics"
    workspace = workspace_of(unlocked)
    workspace.settings.ics_auto_export_path = str(target)
    client = add_client(unlocked)

    dialog = appointment_editor(unlocked, client_id=client.id, start=at(0, 15))
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
    dialog = appointment_editor(unlocked, appointment=workspace.vault.appointments.get(appt.id))
    dialog.cancel_appointment()  # confirmed by the patched question box
    assert "STATUS:CANCELLED" in target.read_text(encoding="utf-8")
    assert [kind for kind, _ in boxes.shown] == ["question"]  # no write failure reported


def test_a_megabyte_in_the_fee_is_refused_and_the_appointment_not_saved(
        qtbot: Any, unlocked: Any, boxes: Boxes) -> None:
    workspace = workspace_of(unlocked)
    client = workspace.vault.clients.add(Client(legal_name="Jordan Avery Reyes"))
    dialog = AppointmentEditor(workspace, client_id=client.id, parent=unlocked.main_view.today)
    qtbot.addWidget(dialog)
    dialog.open()
    assert paste(dialog.fee, MEGABYTE) < 5
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


def test_scheduling_past_authorization_asks(qtbot: QtBot, workspace: Any,
                                            monkeypatch: Any) -> None:

    cid = workspace.ids["client"]
    new = Appointment(client_id=cid, start=datetime(2026, 6, 1, 10, tzinfo=sample.TZ))
    asked: list[str] = []

    def answer(parent: Any, title: str, text: str, *args: Any) -> Any:
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", answer)
    plan = AppointmentPlan(new)
    assert workspace.do(authorization_concern, plan) is None  # no authorization: nothing to ask
    assert asked == []
    add_authorization(workspace.vault, cid, "PA-1", 10, date(2026, 3, 1), date(2026, 5, 31))
    concern = workspace.do(authorization_concern, plan)
    assert concern is not None and not ask_past_authorization(None, concern, sample.TZ)
    assert "outside the authorization dates" in asked[0]
    lines = workspace.do(warning_lines_for_today, date(2026, 5, 20))
    assert lines == ["Mari Vega-Okafor: Authorization PA-1 ends in 11 days (2026-05-31)."]
