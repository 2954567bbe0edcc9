"""The Billing page over the sample practice (tests/ui/billing/conftest.py), and its March."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from ui.billing import BillingPage


def billing_page(qtbot: QtBot, workspace: Any) -> BillingPage:
    page = BillingPage(workspace)
    qtbot.addWidget(page)
    return page


def march(panel: Any) -> None:
    """The panel's dates set to March 2026, where the sample practice's sessions are."""
    panel.start.setDate(QDate(2026, 3, 1))
    panel.end.setDate(QDate(2026, 3, 31))
