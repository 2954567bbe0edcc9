"""The Billing page: superbills, statements and receipts, Good Faith Estimates, claim forms,
payments, authorizations, fees and the calendar export."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from app.workspace import Workspace
from ui.billing.authorizations_panel import AuthorizationsPanel
from ui.billing.calendar_panel import CalendarPanel
from ui.billing.claims_panel import ClaimsPanel
from ui.billing.estimates_panel import EstimatesPanel
from ui.billing.fees_panel import FeesPanel
from ui.billing.payments_panel import PaymentsPanel
from ui.billing.statements_panel import StatementsPanel
from ui.billing.superbill_panel import SuperbillPanel
from ui.widgets import page_title


class BillingPage(QWidget):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.superbills = SuperbillPanel(workspace)
        self.statements = StatementsPanel(workspace)
        self.estimates = EstimatesPanel(workspace)
        self.claims = ClaimsPanel(workspace)
        self.payments = PaymentsPanel(workspace)
        self.authorizations = AuthorizationsPanel(workspace)
        self.fees = FeesPanel(workspace)
        self.calendar = CalendarPanel(workspace)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.superbills, "Superbills")
        self.tabs.addTab(self.statements, "Statements and receipts")
        self.tabs.addTab(self.estimates, "Good Faith Estimates")
        self.tabs.addTab(self.claims, "Claims (CMS-1500)")
        self.tabs.addTab(self.payments, "Payments")
        self.tabs.addTab(self.authorizations, "Authorizations")
        self.tabs.addTab(self.fees, "Fees")
        self.tabs.addTab(self.calendar, "Calendar export")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)  # as every other page
        layout.addWidget(page_title("Billing"))
        layout.addWidget(self.tabs, 1)
        self.refresh()

    def refresh(self) -> None:
        for panel in (self.superbills, self.statements, self.estimates, self.claims,
                      self.payments, self.authorizations, self.fees, self.calendar):
            panel.refresh()

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802 (Qt name)
        # Clients and sessions change on other pages; show the current state when we come back.
        self.refresh()
        super().showEvent(event)
