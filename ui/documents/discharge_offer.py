"""Discharging a client offers to write the discharge summary at once."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from app.workspace import Workspace
from ui.documents.windows import open_discharge

OFFER = ("The client is discharged. Write the discharge summary now? (It can also be written "
         "later from the client's Documents tab.)")


def offer_discharge_summary(parent: QWidget, workspace: Workspace,
                            client_id: int) -> QWidget | None:
    """Ask; on Yes the discharge summary opens, with the record's dates and sessions in it."""
    answer = QMessageBox.question(parent, "Discharge summary", OFFER)
    if answer != QMessageBox.StandardButton.Yes:
        return None
    return open_discharge(parent, workspace, client_id)
