"""What other pages call: the authorization question before scheduling, Today's warnings, and
the calendar file refresh after an appointment changes."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QMessageBox, QWidget

from app.billing.authorizations import scheduling_check, warnings_for_today
from app.billing.ics_autoexport import refresh_after_change
from app.workspace import Workspace
from models.appointment import Appointment


def confirm_scheduling(parent: QWidget | None, workspace: Workspace,
                       appointment: Appointment) -> bool:
    """True if the appointment may be saved: within the authorization, or the therapist agrees."""
    reason = scheduling_check(workspace.vault, appointment)
    if not reason:
        return True
    answer = QMessageBox.question(
        parent, "Past the authorization",
        f"{reason}\n\nThe insurer may not pay for this session. Schedule it anyway?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def authorization_warning_lines(workspace: Workspace, today: date | None = None) -> list[str]:
    """One line per warning for Today, with the client's name (the screen is the therapist's)."""
    vault = workspace.vault
    warnings = warnings_for_today(vault, today)
    if not warnings:
        return []
    names = {c.id: c.display_name for c in vault.clients.list()}
    return [f"{names.get(w.client_id, 'A client')}: {w.message}" for w in warnings]


def after_appointment_change(parent: QWidget | None, workspace: Workspace) -> str:
    """Rewrite the subscribed calendar file if one is set; warn in one sentence if that failed."""
    problem = refresh_after_change(workspace.vault, workspace.settings)
    if problem and parent is not None:
        QMessageBox.warning(parent, "Calendar file", problem)
    return problem
