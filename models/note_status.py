"""Where an appointment's note stands, as Today, the calendar and the client page show it."""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import StrEnum

from models.appointment import Appointment, AppointmentStatus
from models.note import NoteStatus

OVERDUE_AFTER = timedelta(hours=24)  # an unsigned note older than this stands out


class NoteState(StrEnum):
    NOT_NEEDED = "not_needed"  # scheduled, cancelled or missed: no note is written for it
    NONE = "none"  # attended, no note begun
    DRAFT = "draft"
    SIGNED = "signed"
    OVERDUE = "overdue"  # attended more than 24 hours ago and still not signed

    @property
    def label(self) -> str:
        return {"not_needed": "", "none": "No note yet", "draft": "Draft",
                "signed": "Signed", "overdue": "Overdue"}[self.value]


def note_state(appointment: Appointment, note_status: NoteStatus | None,
               now: datetime) -> NoteState:
    """The state of ``appointment``'s note (``note_status`` None: no note exists)."""
    if note_status is NoteStatus.SIGNED:
        return NoteState.SIGNED
    if appointment.status is not AppointmentStatus.ATTENDED and note_status is None:
        return NoteState.NOT_NEEDED
    if now - appointment.end > OVERDUE_AFTER:
        return NoteState.OVERDUE
    return NoteState.DRAFT if note_status is NoteStatus.DRAFT else NoteState.NONE
