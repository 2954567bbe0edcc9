"""Superbills from the window: one client, the month's batch, the gaps an insurer would reject,
and the dialog opened from a client's page."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from tests.app.billing import sample
from tests.ui.billing.helpers import billing_page, march
from ui.billing import open_superbill_dialog


def test_superbill_from_the_page(qtbot: QtBot, workspace: Any, tmp_path: Path) -> None:
    page = billing_page(qtbot, workspace)
    panel = page.superbills
    march(panel)
    out = tmp_path / "march.pdf"
    with qtbot.waitSignal(panel.finished, timeout=30000):
        panel.export_to(out)
    assert out.exists()
    assert panel.status.text().startswith(f"Saved {out} (3 sessions, total $555.00")


def test_superbill_missing_npi_lists_it(qtbot: QtBot, workspace: Any, tmp_path: Path) -> None:
    workspace.vault.practice.save(replace(sample.practice(), npi=""))
    page = billing_page(qtbot, workspace)
    panel = page.superbills
    march(panel)
    out = tmp_path / "march.pdf"
    with qtbot.waitSignal(panel.finished, timeout=30000):
        panel.export_to(out)
    assert not out.exists()
    assert "Missing:\n• the NPI" in panel.status.text()
    assert panel.make_button.isEnabled()


def test_batch_for_a_month(qtbot: QtBot, workspace: Any, tmp_path: Path) -> None:
    page = billing_page(qtbot, workspace)
    panel = page.superbills
    panel.month.setDate(QDate(2026, 3, 1))
    with qtbot.waitSignal(panel.finished, timeout=30000):
        panel.batch_to(tmp_path / "month")
    assert panel.status.text() == f"Saved 1 superbill in {tmp_path / 'month'}."
    assert len(list((tmp_path / "month").glob("*.pdf"))) == 1


def test_superbill_dialog_opens_for_a_client(qtbot: QtBot, workspace: Any) -> None:
    dialog = open_superbill_dialog(None, workspace, workspace.ids["client"])
    qtbot.addWidget(dialog)
    assert dialog.isVisible()
    assert dialog.panel.client.client_id() == workspace.ids["client"]
    dialog.reject()
