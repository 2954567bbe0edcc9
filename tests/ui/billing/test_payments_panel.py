"""Payments: mark a session paid; a session without a code says why."""

from __future__ import annotations

from typing import Any

from pytestqt.qtbot import QtBot

from models.appointment import Appointment
from tests.app.billing import sample
from tests.ui.billing.helpers import billing_page


def test_mark_a_session_paid(qtbot: QtBot, workspace: Any) -> None:
    page = billing_page(qtbot, workspace)
    panel = page.payments
    assert panel.table.rowCount() == 3
    assert panel.table.item(1, 5).text() == "$99.50"
    panel.table.selectRow(1)
    assert panel.amount.text() == "99.50"
    panel.method.setCurrentText("check")
    panel.mark_selected_paid()
    assert "Recorded $99.50 (check)" in panel.status.text()
    assert panel.table.item(1, 5).text() == "$0.00"
    panel.table.selectRow(2)
    panel.amount.setText("abc")
    panel.mark_selected_paid()
    assert panel.status.text() == "abc is not an amount of money."


def test_a_session_without_a_code_shows_why(qtbot: QtBot, workspace: Any) -> None:
    from models.appointment import AppointmentStatus

    vault = workspace.vault
    client_id = vault.clients.list()[0].id
    vault.appointments.add(Appointment(client_id=client_id, start=sample.at(4, 15), minutes=12,
                                       status=AppointmentStatus.ATTENDED))
    page = billing_page(qtbot, workspace)
    panel = page.payments
    rows = [r for r in range(panel.table.rowCount())
            if panel.table.item(r, 0).text() == "03/04/2026"]
    assert len(rows) == 1
    code = panel.table.item(rows[0], 2)
    assert code.text() == "none"
    assert code.toolTip().startswith("A 12-minute session is shorter than the 16 minutes")
