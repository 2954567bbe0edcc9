"""Good Faith Estimates from the window: who needs one, giving it, printing it again."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from models.appointment import Appointment
from models.insurance import BillingKind, Insurance
from tests.app.billing import sample
from tests.app.billing.pdf_text import pdf_words
from tests.ui.billing.helpers import billing_page


def _booked_self_pay(workspace: Any) -> int:
    vault = workspace.vault
    client = vault.clients.add(replace(sample.client(), id=None, legal_name="Ana Lima",
                                       preferred_name="", billing=BillingKind.SELF_PAY,
                                       insurance=Insurance()))
    start = datetime.combine(date.today() + timedelta(days=28), time(10), sample.TZ)
    for week in range(3):
        vault.appointments.add(Appointment(client.id, start + timedelta(weeks=week), minutes=45))
    return int(client.id)


def test_give_an_estimate_and_print_it_again(qtbot: QtBot, workspace: Any,
                                             tmp_path: Path) -> None:
    client_id = _booked_self_pay(workspace)
    page = billing_page(qtbot, workspace)
    panel = page.estimates
    # only self-pay clients are listed (the sample's insured client is not)
    assert [panel.client.itemData(i) for i in range(panel.client.count())] == [client_id]
    assert panel.due.text().startswith("⚠ A Good Faith Estimate is due by ")
    out = tmp_path / "gfe.pdf"
    panel.sessions.setValue(20)
    with qtbot.waitSignal(panel.finished, timeout=30000):
        panel.issue_to(out)
    assert panel.status.text().startswith(f"Saved {out}: expected charges $3,000.00.")
    assert "Ana Lima" in pdf_words(out)
    assert panel.due.text() == "Up to date: the latest estimate covers every booked session."
    assert panel.table.rowCount() == 1
    assert panel.table.item(0, 2).text() == "20 × 90834"
    panel.table.selectRow(0)
    copy = tmp_path / "copy.pdf"
    with qtbot.waitSignal(panel.finished, timeout=30000):
        panel.reprint_to(copy)
    assert panel.status.text() == f"Saved a copy as issued: {copy}."
    assert "$3,000.00" in pdf_words(copy)


def test_an_estimate_without_the_npi_lists_what_is_missing(qtbot: QtBot, workspace: Any,
                                                           tmp_path: Path) -> None:
    _booked_self_pay(workspace)
    workspace.vault.practice.save(replace(sample.practice(), npi="", tax_id=""))
    page = billing_page(qtbot, workspace)
    panel = page.estimates
    with qtbot.waitSignal(panel.finished, timeout=30000):
        panel.issue_to(tmp_path / "gfe.pdf")
    assert panel.status.text() == ("Not made. The Good Faith Estimate needs:\n"
                                   "• the provider's NPI\n• the provider's tax ID (TIN)")
    assert not (tmp_path / "gfe.pdf").exists() and panel.table.rowCount() == 0
