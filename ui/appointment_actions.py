"""What the pages can do with an appointment: set its status, edit it, write its note."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtWidgets import QWidget

from app import appointments
from app.workspace import Workspace
from models.appointment import Appointment, AppointmentStatus
from ui import notes
from ui.dialogs.appointment_editor import AppointmentEditor
from ui.errors import show_calendar_problem, show_error


def set_status(parent: QWidget, workspace: Workspace, appointment_id: int,
               status: AppointmentStatus) -> bool:
    try:
        saved = workspace.do(appointments.set_status, appointment_id, status, workspace.settings)
    except Exception as exc:
        show_error(parent, exc)
        return False
    show_calendar_problem(parent, saved.calendar_problem)
    return True


def write_note(parent: QWidget | None, workspace: Workspace, appointment_id: int) -> None:
    try:
        notes.open_note_editor(parent, workspace, appointment_id)
    except Exception as exc:
        show_error(parent, exc)


def edit_appointment(parent: QWidget, workspace: Workspace, appointment: Appointment | None = None,
                     client_id: int | None = None, start: datetime | None = None,
                     on_saved: Callable[[], None] | None = None) -> AppointmentEditor | None:
    """Open the appointment editor (non-blocking); ``on_saved`` runs after a successful save."""
    try:
        dialog = AppointmentEditor(workspace, appointment, client_id, start, parent)
    except Exception as exc:
        show_error(parent, exc)
        return None
    if on_saved is not None:
        dialog.saved.connect(on_saved)
    dialog.open()
    return dialog
