"""First run: the practice profile, the passphrase (the vault is created), the recovery key
shown once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from app.settings import DeviceSettings
from app.vaults import vault_exists
from app.workspace import open_workspace
from tests.ui.conftest import PASSPHRASE, Boxes, workspace_of
from ui.setup.setup_flow import SetupFlow
from ui.shell import StillnoteWindow


def test_setup_wizard_creates_the_vault_and_shows_the_recovery_key_once(
        qtbot: Any, vault_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        boxes: Boxes) -> None:
    window = StillnoteWindow(vault_dir, DeviceSettings())
    qtbot.addWidget(window)
    window.show()
    flow = window.screen_widget
    assert isinstance(flow, SetupFlow)
    assert not vault_exists(vault_dir)

    # Step 1: the clinician's name is the one required field.
    qtbot.mouseClick(flow.next_button, Qt.MouseButton.LeftButton)
    assert flow.step() == 0 and "name" in flow.error.text()
    form = flow.profile_form
    qtbot.keyClicks(form.clinician_name, "Dana Whitfield")
    form.credentials.setText("LCSW")
    form.npi.setText("123")
    flow.next_button.click()
    assert flow.step() == 0 and "10 digits" in flow.error.text()
    form.npi.setText("1234567893")
    form.license_number.setText("LCSW-0042")
    form.license_state.setText("ny")
    flow.next_button.click()
    assert flow.step() == 1

    # Step 2: passphrase twice, with a hint; mismatches are refused in one sentence.
    page = flow.passphrase_page
    qtbot.keyClicks(page.first, "short")
    assert "short" in page.hint.text().lower()
    flow.next_button.click()
    assert flow.step() == 1 and "at least" in flow.error.text()
    page.first.setText(PASSPHRASE)
    page.second.setText(PASSPHRASE + "x")
    flow.next_button.click()
    assert flow.step() == 1 and "differ" in flow.error.text()
    page.second.setText(PASSPHRASE)
    flow.next_button.click()
    qtbot.waitUntil(lambda: flow.step() == 2, timeout=30000)
    assert vault_exists(vault_dir)

    # Step 3: the key is shown; "Open" waits for "I stored it"; Save writes it where asked.
    key = flow.recovery_page.key()
    assert len(key) >= 16
    target = tmp_path / "key.txt"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "")))
    flow.recovery_page.save_button.click()
    assert key in target.read_text()
    assert not flow.next_button.isEnabled()
    flow.recovery_page.stored.setChecked(True)
    assert flow.next_button.isEnabled()
    with qtbot.waitSignal(window.unlocked, timeout=5000):
        flow.next_button.click()
    assert window.windowTitle() == "Stillnote"
    assert workspace_of(window).vault.practice.get().clinician_name == "Dana Whitfield"
    assert workspace_of(window).vault.practice.get().license_state == "NY"
    # No dead end: Today opens on the first steps (a client, the fees, a session).
    today = window.main_view.pages.currentWidget()
    assert today is window.main_view.today and today.first_steps.isVisible()

    # The recovery key really opens the vault (checked after the window lets go of it).
    window.lock()

    open_workspace(vault_dir, key, recovery_key=True).lock()
    open_workspace(vault_dir, PASSPHRASE).lock()
    assert boxes.shown == []
