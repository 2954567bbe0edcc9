"""What the window tests share: a client and appointments in the unlocked window's practice,
its authorization, the appointment editor, the note window opened from Today, and pastes."""

from __future__ import annotations

import time as clock
from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QWidget

from app.billing.authorizations import add_authorization
from models.appointment import Appointment, AppointmentStatus
from models.client import Client
from tests.ui.conftest import today_in, workspace_of
from ui import appointment_actions as actions
from ui.dialogs.appointment_editor import AppointmentEditor
from ui.notes import NoteEditor

TZ = ZoneInfo("America/New_York")  # the test practice's zone (tests/ui/conftest.py)
SECRET_NAME = "Marisol Quintanilla-Oduya"
MEGABYTE = ("Lorem ipsum dolor sit amet, consectetur adipiscing elit. " * 18000)[:1_000_000]


def at(days: int, hour: int) -> datetime:
    """``hour`` o'clock, ``days`` from today, where the practice is."""
    return datetime.combine(today_in(TZ) + timedelta(days=days), time(hour, 0), tzinfo=TZ)


def add_client(window: Any, name: str = "Jordan Avery Reyes", **fields: Any) -> Client:
    client: Client = workspace_of(window).vault.clients.add(
        Client(legal_name=name, preferred_name="Jo", **fields))
    return client


def book(window: Any, client: Client, days: int = 0, hour: int = 9,
         status: AppointmentStatus = AppointmentStatus.SCHEDULED) -> Appointment:
    appt: Appointment = workspace_of(window).vault.appointments.add(
        Appointment(client_id=client.id, start=at(days, hour), status=status))
    return appt


def authorize(window: Any, client: Client, sessions: int, number: str = "PA-1",
              days_before: int = 10, days_after: int = 30) -> None:
    day = today_in(TZ)
    add_authorization(workspace_of(window).vault, client.id or 0, number, sessions,
                      day - timedelta(days=days_before), day + timedelta(days=days_after))


def appointment_editor(window: Any, **kwargs: Any) -> AppointmentEditor:
    """The editor as Today opens it (``appointment=``, ``client_id=``, ``start=``)."""
    page = window.main_view.go_to("Today")
    dialog = actions.edit_appointment(page, workspace_of(window), **kwargs)
    assert isinstance(dialog, AppointmentEditor) and dialog.isVisible()
    return dialog


def note_windows() -> list[NoteEditor]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, NoteEditor) and w.isVisible()]


def open_note_from_today(window: Any) -> NoteEditor:
    page = window.main_view.go_to("Today")
    page.table.selectRow(0)
    page.note_button.click()
    editors = note_windows()
    assert len(editors) == 1
    return editors[0]


def visible_texts(root: QWidget) -> str:
    parts = [root.windowTitle()]
    for w in root.findChildren(QWidget):
        if isinstance(w, QLabel | QLineEdit):
            parts.append(w.text())
    return "\n".join(parts)


def paste(field: QLineEdit, text: str) -> float:
    """Paste ``text`` through the clipboard as a user would; returns the seconds it took."""
    QApplication.clipboard().setText(text)
    started = clock.perf_counter()
    field.setFocus()
    field.paste()
    QApplication.processEvents()
    return clock.perf_counter() - started
