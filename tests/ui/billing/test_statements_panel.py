"""Statements and receipts from the window, for a self-pay client."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from models.insurance import BillingKind, Insurance
from tests.app.billing.pdf_text import pdf_words
from tests.ui.billing.helpers import billing_page, march


def _self_pay(workspace: Any) -> None:
    vault = workspace.vault
    client = vault.clients.get(workspace.ids["client"])
    vault.clients.update(replace(client, billing=BillingKind.SELF_PAY, insurance=Insurance()))


def test_a_statement_and_a_receipt(qtbot: QtBot, workspace: Any, tmp_path: Path) -> None:
    _self_pay(workspace)
    page = billing_page(qtbot, workspace)
    panel = page.statements
    assert panel.client.client_id() == workspace.ids["client"]
    # the client's billable sessions, newest first, with their charges
    rows = [[panel.table.item(r, c).text() for c in range(3)]
            for r in range(panel.table.rowCount())]
    assert rows[-1] == ["03/02/2026", "Psychiatric diagnostic evaluation (90791)", "$200.00"]
    march(panel)
    out = tmp_path / "statement.pdf"
    with qtbot.waitSignal(panel.finished, timeout=30000):
        panel.statement_to(out)
    assert panel.status.text() == (f"Saved {out} (charges $555.00, payments $305.50, "
                                   "balance due $249.50).")
    assert "Balance due $249.50" in pdf_words(out)
    panel.table.selectRow(len(rows) - 2)  # 03/09/2026
    receipt = tmp_path / "receipt.pdf"
    with qtbot.waitSignal(panel.finished, timeout=30000):
        panel.receipt_to(receipt)
    assert panel.status.text() == f"Saved {receipt} (paid $105.50 of $205.00)."
    assert "Balance due $99.50" in pdf_words(receipt)
    assert panel.statement_button.isEnabled() and panel.receipt_button.isEnabled()


def test_a_receipt_needs_a_session_and_a_payment(qtbot: QtBot, workspace: Any,
                                                tmp_path: Path) -> None:
    page = billing_page(qtbot, workspace)
    panel = page.statements
    panel.table.clearSelection()
    panel.table.setCurrentCell(-1, -1)
    panel.receipt_to(tmp_path / "r.pdf")
    assert panel.status.text() == "Choose the session the receipt is for."
    row = next(r for r, s in enumerate(panel.sessions) if s.day.day == 16)  # unpaid
    panel.table.selectRow(row)
    with qtbot.waitSignal(panel.finished, timeout=30000):
        panel.receipt_to(tmp_path / "r.pdf")
    assert panel.status.text().startswith("No payment is recorded for the session on 03/16/2026")
    assert not (tmp_path / "r.pdf").exists()
