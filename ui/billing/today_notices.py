"""Billing on Today: Good Faith Estimates that are due, and a practice without a fee schedule.

A panel of its own; Today adds it above the day's appointments and refreshes it with the day.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.billing.estimates import estimate_lines_for_today
from app.billing.fees import needs_fee_schedule
from app.workspace import Workspace
from ui.billing.fee_schedule_step import FeeScheduleDialog

MAX_LINES = 3  # more would push the day's appointments off the page; Billing lists them all
NO_FEES = "Your fee schedule is empty, so new appointments start without a fee."


class BillingNotices(QWidget):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self._lines: list[str] = []
        self.estimates = QLabel()
        self.estimates.setObjectName("billingNotices")  # styled (and themed) in style.qss
        self.estimates.setWordWrap(True)
        self.estimates.setTextFormat(Qt.TextFormat.PlainText)
        self.fees_hint = QLabel(NO_FEES)
        self.fees_hint.setObjectName("hint")
        self.fees_button = QPushButton("Set your fees…")
        self.fees_button.clicked.connect(self.set_fees)
        fees_row = QHBoxLayout()
        fees_row.setContentsMargins(0, 0, 0, 0)
        fees_row.addWidget(self.fees_hint, 1)
        fees_row.addWidget(self.fees_button)
        self.fees_row = QWidget()
        self.fees_row.setLayout(fees_row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.estimates)
        layout.addWidget(self.fees_row)
        self.dialog: FeeScheduleDialog | None = None

    def refresh(self, day: date) -> None:
        lines = self.workspace.do(estimate_lines_for_today, day)
        self._lines = list(lines)
        shown = [f"⚠ {line}" for line in lines[:MAX_LINES]]
        if len(lines) > MAX_LINES:
            more = len(lines) - MAX_LINES
            shown.append(f"… and {more} more; see Billing → Good Faith Estimates.")
        self.estimates.setText("\n".join(shown))
        no_fees = self.workspace.do(needs_fee_schedule)
        self.estimates.setVisible(bool(lines))
        self.fees_row.setVisible(no_fees)
        self.setVisible(bool(lines) or no_fees)

    def estimate_lines(self) -> list[str]:
        """Every Good Faith Estimate line behind the panel (empty when it is hidden)."""
        return list(self._lines) if self.estimates.isVisibleTo(self) else []

    def set_fees(self) -> FeeScheduleDialog:
        self.dialog = FeeScheduleDialog(self.workspace, self)
        self.dialog.accepted.connect(lambda: self.fees_row.setVisible(
            self.workspace.do(needs_fee_schedule)))
        self.dialog.open()
        return self.dialog
