"""The Billing page: its tabs and the client chooser."""

from __future__ import annotations

from typing import Any

from pytestqt.qtbot import QtBot

from tests.ui.billing.helpers import billing_page


def test_page_has_its_tabs_and_the_client(qtbot: QtBot, workspace: Any) -> None:
    page = billing_page(qtbot, workspace)
    tabs = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert tabs == ["Superbills", "Statements and receipts", "Good Faith Estimates",
                    "Claims (CMS-1500)", "Payments", "Authorizations", "Fees", "Calendar export"]
    assert page.superbills.client.currentText() == "Marisol Vega-Okafor"
    assert page.superbills.client.client_id() == workspace.ids["client"]
