"""The fee schedule step a fresh practice is led to: the usual codes, a fee typed for each."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from ui.billing.fee_schedule_step import FeeScheduleDialog, FeeScheduleStep


def _fresh(tmp_path: Path) -> Any:
    from app.settings import DeviceSettings
    from app.workspace import Workspace
    from storage.vault import Vault

    vault, _ = Vault.create(tmp_path / "vault", "correct horse battery staple")
    return Workspace(vault, DeviceSettings())


def test_the_step_saves_the_fees_typed(qtbot: QtBot, tmp_path: Path) -> None:
    workspace = _fresh(tmp_path)
    step = FeeScheduleStep(workspace)
    qtbot.addWidget(step)
    step.show()
    assert step.table.codes[:4] == ["90791", "90832", "90834", "90837"]
    step.table.set_fee_text("90791", "200")
    step.table.set_fee_text("90834", "$150.00")
    with qtbot.waitSignal(step.saved):
        step.save_button.click()
    assert workspace.vault.billing.fees.get_all() == {"90791": Decimal("200.00"),
                                                      "90834": Decimal("150.00")}
    workspace.lock()


def test_nothing_typed_or_a_bad_amount_is_said_and_nothing_saved(qtbot: QtBot,
                                                                 tmp_path: Path) -> None:
    workspace = _fresh(tmp_path)
    step = FeeScheduleStep(workspace)
    qtbot.addWidget(step)
    step.save_button.click()
    assert step.error.text() == "Enter a fee for at least one service, or choose Later."
    step.table.set_fee_text("90837", "a lot")
    step.save_button.click()
    assert step.error.text() == "The fee for 90837 is not an amount of money: a lot."
    assert workspace.vault.billing.fees.get_all() == {}
    with qtbot.waitSignal(step.skipped):
        step.later_button.click()
    workspace.lock()


def test_the_dialog_closes_when_saved(qtbot: QtBot, tmp_path: Path) -> None:
    workspace = _fresh(tmp_path)
    dialog = FeeScheduleDialog(workspace)
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.step.table.set_fee_text("90834", "140")
    with qtbot.waitSignal(dialog.accepted):
        dialog.step.save_button.click()
    assert not dialog.isVisible()
    workspace.lock()
