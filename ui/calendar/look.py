"""How a calendar block looks (colours from the status and the theme, its lines of text), and
the tooltips of the painted calendar widgets."""

from __future__ import annotations

from collections.abc import Callable
from datetime import tzinfo

from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QColor, QHelpEvent, QPainter, QPalette
from PySide6.QtWidgets import QToolTip, QWidget

from models.appointment import Appointment, AppointmentStatus
from models.note_status import NoteState
from ui.timefmt import service_label, time_range
from ui.widgets import status_colour


def mix(base: QColor, ink: QColor, amount: float) -> QColor:
    """``ink`` laid over ``base`` at ``amount`` (0..1): tints that work on light and dark."""
    return QColor(int(base.red() + (ink.red() - base.red()) * amount),
                  int(base.green() + (ink.green() - base.green()) * amount),
                  int(base.blue() + (ink.blue() - base.blue()) * amount))


def start_painting(widget: QWidget, on_window: bool = False,
                   ) -> tuple[QPainter, QColor, QColor, QColor]:
    """An antialiased painter on ``widget`` and the theme's background, text and accent
    colours (of a view's base, or of the window for headers)."""
    painter = QPainter(widget)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    palette = widget.palette()
    roles = QPalette.ColorRole
    return (painter, palette.color(roles.Window if on_window else roles.Base),
            palette.color(roles.WindowText if on_window else roles.Text),
            palette.color(roles.Highlight))


def block_fill(palette: QPalette, status: AppointmentStatus) -> QColor:
    amount = 0.12 if status is AppointmentStatus.CANCELLED else 0.22
    return mix(palette.color(QPalette.ColorRole.Base), status_colour(status), amount)


def note_badge(state: NoteState) -> str:
    """The note's state in a block's corner ("" when no note is due)."""
    return {NoteState.NONE: "Note due", NoteState.DRAFT: "Draft note",
            NoteState.SIGNED: "✓ Signed", NoteState.OVERDUE: "Note overdue"}.get(state, "")


def block_lines(appointment: Appointment, name: str, state: NoteState,
                tz: tzinfo) -> list[str]:
    """What a block says, most important first: time, client, service and status, note."""
    lines = [time_range(appointment, tz), name,
             f"{service_label(appointment.service)} · {appointment.status.label}"]
    badge = note_badge(state)
    return [*lines, badge] if badge else lines


def block_tooltip(appointment: Appointment, name: str, state: NoteState, tz: tzinfo) -> str:
    return " — ".join(block_lines(appointment, name, state, tz))


def handle_tooltip(widget: QWidget, event: QEvent, text_at: Callable[[QPoint], str]) -> bool:
    """Show the tooltip of what is under the mouse (a block, a line); True if it was a tooltip
    event. Painted widgets have no child widgets to carry their own tooltips."""
    if not (isinstance(event, QHelpEvent) and event.type() == QEvent.Type.ToolTip):
        return False
    text = text_at(event.pos())
    if text:
        QToolTip.showText(event.globalPos(), text, widget)
    else:
        QToolTip.hideText()
    return True
