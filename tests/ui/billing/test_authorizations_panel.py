"""Authorizations: add one and see its warning; more sessions than authorized stand out."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from tests.ui.billing.helpers import billing_page


def test_add_authorization_and_see_the_warning(qtbot: QtBot, workspace: Any) -> None:
    page = billing_page(qtbot, workspace)
    panel = page.authorizations
    panel.number.setText("PA-77")
    panel.payer.setText("Empire Blue Cross")
    panel.sessions.setValue(5)
    today = date.today()
    panel.start.setDate(QDate(2026, 1, 1))
    panel.end.setDate(QDate(today.year + 1, 12, 31))
    panel.add()
    assert panel.table.rowCount() == 1
    assert [panel.table.item(0, c).text() for c in (0, 4)] == ["PA-77", "5"]
    # sample: 3 attended + 1 booked in the range = 4 used -> one left
    assert panel.table.item(0, 6).text() == "1"
    assert "one authorized session left" in panel.warnings.text()
    panel.end.setDate(QDate(2025, 1, 1))
    panel.add()
    assert panel.status.text() == "The authorization ends before it starts."


def test_overbooked_authorization_stands_out(qtbot: QtBot, workspace: Any) -> None:
    page = billing_page(qtbot, workspace)
    panel = page.authorizations
    today = date.today()
    panel.start.setDate(QDate(2026, 1, 1))
    panel.end.setDate(QDate(today.year + 1, 12, 31))
    panel.sessions.setValue(5)
    panel.add()
    left = panel.table.item(0, 6)
    assert left.text() == "1" and not left.font().bold()  # sessions left: plain
    assert panel.table.item(0, 2).text() == "01/01/2026"
    panel.sessions.setValue(2)
    panel.add()
    rows = {panel.table.item(r, 4).text(): r for r in range(panel.table.rowCount())}
    over = panel.table.item(rows["2"], 6)
    assert over.text() == "-2" and over.font().bold()
    assert over.toolTip() == "2 more sessions than authorized"
