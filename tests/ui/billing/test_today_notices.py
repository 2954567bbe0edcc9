"""Today's billing notices in the window: the fee schedule a fresh practice lacks, and the
Good Faith Estimates that are due."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from decimal import Decimal
from typing import Any

from pytestqt.qtbot import QtBot

from models.appointment import Appointment
from models.insurance import BillingKind
from tests.ui.conftest import today_in, workspace_of
from tests.ui.helpers import TZ, add_client


def test_a_fresh_practice_is_led_to_its_fee_schedule(qtbot: QtBot, unlocked: Any) -> None:
    today = unlocked.main_view.go_to("Today")
    notices = today.billing_notices
    assert notices.isVisible() and notices.fees_row.isVisible()
    dialog = notices.set_fees()
    dialog.step.table.set_fee_text("90791", "200")
    with qtbot.waitSignal(dialog.accepted):
        dialog.step.save_button.click()
    assert not notices.fees_row.isVisible()
    assert workspace_of(unlocked).vault.billing.fees.get_all() == {"90791": Decimal("200.00")}
    today.refresh()
    assert not notices.isVisible()


def test_today_says_when_a_good_faith_estimate_is_due(qtbot: QtBot, unlocked: Any) -> None:
    ws = workspace_of(unlocked)
    ws.vault.billing.fees.set("90834", Decimal("150"))
    client = add_client(unlocked, "Rosa Delgado", billing=BillingKind.SELF_PAY)
    start = datetime.combine(today_in(TZ) + timedelta(days=21), time(10), tzinfo=TZ)
    ws.vault.appointments.add(Appointment(client.id, start, minutes=45))
    today = unlocked.main_view.go_to("Today")
    lines = today.billing_notices.estimate_lines()
    assert len(lines) == 1 and lines[0].startswith("Jo Delgado: A Good Faith Estimate is due by")
    assert "⚠ Jo Delgado: A Good Faith Estimate is due" in today.billing_notices.estimates.text()
