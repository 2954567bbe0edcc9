"""After a self-pay client's session is booked: offer the Good Faith Estimate that is now due."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from app.billing.estimates import estimate_due_for
from app.workspace import Workspace
from ui.billing.estimates_panel import EstimateDialog

_OPEN: set[QDialog] = set()  # dialogs shown without a blocking exec(), kept alive until closed


def offer_estimate(parent: QWidget | None, workspace: Workspace,
                   client_id: int) -> EstimateDialog | None:
    """Ask whether to make the estimate now; returns the dialog opened, or None."""
    due = workspace.do(estimate_due_for, client_id)
    if due is None:
        return None
    answer = QMessageBox.question(
        parent, "Good Faith Estimate",
        f"{due.message(date.today())}\n\nThe No Surprises Act asks for one for a self-pay "
        "client. Make it now?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes)
    if answer != QMessageBox.StandardButton.Yes:
        return None
    dialog = EstimateDialog(workspace, client_id, parent)
    _OPEN.add(dialog)
    dialog.finished.connect(lambda _code: _OPEN.discard(dialog))
    dialog.open()
    return dialog
