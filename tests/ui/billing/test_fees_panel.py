"""Fees per CPT code and the no-show and late-cancellation policy."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pytestqt.qtbot import QtBot

from tests.ui.billing.helpers import billing_page


def test_fees_and_no_show_policy(qtbot: QtBot, workspace: Any) -> None:
    page = billing_page(qtbot, workspace)
    panel = page.fees
    row = panel.codes.index("90832")
    panel.table.item(row, 2).setText("110")
    panel.no_show.setText("75")
    panel.save()
    assert panel.status.text() == "Fees saved."
    assert workspace.vault.billing.fees.get_all()["90832"] == Decimal("110.00")
    from app.billing.fees import fee_policy

    assert fee_policy(workspace.vault).no_show_fee == Decimal("75.00")
    panel.late_cancel.setText("lots")
    panel.save()
    assert "late cancellation fee is not an amount" in panel.status.text()
