"""Ask what to do with sessions whose note is not signed, before billing them."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from app.billing.unsigned import UnsignedChoice
from models.errors import UnsignedSessions

LEAVE_OUT = "Leave them out"
INCLUDE = "Bill them anyway"


def ask_unsigned(parent: QWidget | None, exc: UnsignedSessions) -> UnsignedChoice | None:
    """The therapist's explicit choice, or None (cancel: nothing is made)."""
    many = len(exc.days) > 1
    box = QMessageBox(QMessageBox.Icon.Question, "Notes not signed",
                      f"The session{'s' if many else ''} on {', '.join(exc.days)} "
                      f"{'have' if many else 'has'} no signed note yet.\n\n"
                      "Bill without a signed note, or leave "
                      f"{'them' if many else 'it'} out of this document?",
                      QMessageBox.StandardButton.Cancel, parent)
    leave = box.addButton(LEAVE_OUT, QMessageBox.ButtonRole.AcceptRole)
    include = box.addButton(INCLUDE, QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(leave)
    box.exec()
    clicked = box.clickedButton()
    if clicked is leave:
        return UnsignedChoice.LEAVE_OUT
    if clicked is include:
        return UnsignedChoice.INCLUDE
    return None
