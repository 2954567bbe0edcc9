"""What the pages can do with an appointment: set its status, edit it, write its note."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtWidgets import QMessageBox, QWidget

from app import appointments
from app.practice import has_clients
from app.workspace import Workspace
from models.appointment import Appointment, AppointmentStatus
from ui import notes
from ui.dialogs.appointment_editor import AppointmentEditor
from ui.dialogs.client_editor import ClientEditor
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
    """Open the appointment editor (non-blocking); ``on_saved`` runs after a successful save.

    A new appointment in a practice without clients would have no one to choose: the client
    form opens first, and the appointment editor follows with the new client chosen."""
    if appointment is None and client_id is None and not workspace.do(has_clients):
        offer_new_client(parent, workspace, start, on_saved)
        return None
    try:
        dialog = AppointmentEditor(workspace, appointment, client_id, start, parent)
    except Exception as exc:
        show_error(parent, exc)
        return None
    if on_saved is not None:
        dialog.saved.connect(on_saved)
    dialog.open()
    return dialog


def offer_new_client(parent: QWidget, workspace: Workspace, start: datetime | None,
                     on_saved: Callable[[], None] | None) -> ClientEditor | None:
    """No clients yet: offer to add one, then schedule for them."""
    answer = QMessageBox.question(
        parent, "New appointment", "There are no clients yet. Add the client this "
        "appointment is for now?", QMessageBox.StandardButton.Yes
        | QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes)
    if answer != QMessageBox.StandardButton.Yes:
        return None
    dialog = ClientEditor(workspace, None, parent)

    def added(client_id: int) -> None:
        if on_saved is not None:
            on_saved()  # the new client shows on the page behind, even if no session follows
        edit_appointment(parent, workspace, client_id=client_id, start=start, on_saved=on_saved)

    dialog.saved.connect(added)
    dialog.open()
    return dialog
