"""The questions asked before an appointment is written, from the editor or a calendar drag:
past the insurance authorization? on top of another appointment? (The therapist decides.)"""

from __future__ import annotations

from datetime import tzinfo

from PySide6.QtWidgets import QMessageBox, QWidget

from app.appointments import (
    AppointmentPlan,
    AuthorizationConcern,
    DoubleBooking,
    authorization_concern,
    double_booking,
)
from app.workspace import Workspace
from models.appointment import Appointment
from ui.timefmt import time_range, weekday_date_text


def _yes(parent: QWidget | None, title: str, text: str) -> bool:
    answer = QMessageBox.question(
        parent, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def ask_past_authorization(parent: QWidget | None, concern: AuthorizationConcern,
                           tz: tzinfo) -> bool:
    """Ask before booking past the client's insurance authorization; True means book anyway."""
    if concern.in_series:
        local = concern.occurrence.start.astimezone(tz)
        text = (f"Session {concern.number} of this series ({weekday_date_text(local.date())}): "
                f"{concern.reason}\n\nThe insurer may not pay for the sessions from there on. "
                "Schedule the whole series anyway?")
    else:
        text = (f"{concern.reason}\n\nThe insurer may not pay for this session. "
                "Schedule it anyway?")
    return _yes(parent, "Past the authorization", text)


def ask_double_booking(parent: QWidget | None, clash: DoubleBooking, tz: tzinfo) -> bool:
    """Warn that the time is taken; True means book both anyway."""
    other = clash.other
    day = weekday_date_text(other.start.astimezone(tz).date())
    where = f"session {clash.number} of this series" if clash.in_series else "this time"
    text = (f"{clash.other_name} is already booked {day}, {time_range(other, tz)}, which "
            f"overlaps {where}.\n\nBook both anyway?")
    return _yes(parent, "Double-booked", text)


def confirm_plan(parent: QWidget | None, workspace: Workspace, plan: AppointmentPlan,
                 before: Appointment | None, tz: tzinfo) -> bool:
    """Ask every question the plan raises; False when the therapist said no to one."""
    concern = workspace.do(authorization_concern, plan, before)
    if concern is not None and not ask_past_authorization(parent, concern, tz):
        return False
    moved = before is None or (before.start, before.minutes, before.status) != (
        plan.appointment.start, plan.appointment.minutes, plan.appointment.status)
    clash = workspace.do(double_booking, plan) if moved else None
    return clash is None or ask_double_booking(parent, clash, tz)
