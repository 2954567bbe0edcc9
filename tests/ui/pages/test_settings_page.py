"""Settings: remember on this device, change passphrase, model file, device settings saved."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog, QInputDialog

from app.settings import DeviceSettings, load_settings
from app.vaults import back_up
from app.workspace import open_workspace
from models.client import Client
from models.errors import WrongPassphrase
from tests.ui.conftest import PASSPHRASE, Boxes, unlock, workspace_of
from ui.dialogs.change_passphrase import ChangePassphraseDialog
from ui.shell import StillnoteWindow
from ui.unlock_screen import UnlockScreen


def workspace_dir(window: Any) -> Path:
    return Path(window.vault_dir)


def test_remember_on_device_from_settings(qtbot: Any, existing_vault: Path,
                                          memory_keyring: Any, boxes: Boxes) -> None:
    from tests.ui.conftest import unlock

    window = StillnoteWindow(existing_vault, DeviceSettings())
    qtbot.addWidget(window)
    unlock(qtbot, window, PASSPHRASE)
    page = window.main_view.go_to("Settings")
    assert page.remember.isEnabled() and not page.remember.isChecked()
    page.remember.setChecked(True)
    assert memory_keyring.secrets
    assert "without the passphrase" in page.remember_hint.text()
    page.remember.setChecked(False)
    assert not memory_keyring.secrets
    window.close()


def test_change_passphrase(qtbot: Any, unlocked: Any, boxes: Boxes) -> None:
    page = unlocked.main_view.go_to("Settings")
    page.passphrase_button.click()
    dialog = page.dialog
    assert isinstance(dialog, ChangePassphraseDialog) and dialog.isVisible()
    dialog.current.setText("wrong wrong wrong")
    dialog.new.setText("a brand new passphrase")
    dialog.again.setText("a brand new passphrase")
    dialog.change()
    qtbot.waitUntil(lambda: bool(dialog.error.text()), timeout=30000)
    assert dialog.error.text() == "The current passphrase is not right."
    dialog.current.setText(PASSPHRASE)
    with qtbot.waitSignal(dialog.accepted, timeout=30000):
        dialog.change()
    assert any("changed" in t for t in boxes.texts())
    unlocked.lock()
    with pytest.raises(WrongPassphrase):
        open_workspace(workspace_dir(unlocked), PASSPHRASE)
    open_workspace(workspace_dir(unlocked), "a brand new passphrase").lock()


def test_model_file_threads_and_context_are_device_settings(
        qtbot: Any, unlocked: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    model = tmp_path / "my-model.gguf"
    model.write_bytes(b"GGUF" + b"\0" * 2044)
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(model), "")))
    page = unlocked.main_view.go_to("Settings")
    page.choose_model.click()
    assert "my-model.gguf" in page.model_label.text() and "2.0 KB" in page.model_label.text()
    page.hash_button.click()
    qtbot.waitUntil(lambda: len(page.model_hash.text()) == 64, timeout=10000)
    page.threads.setValue(2)
    page.context.setCurrentIndex(page.context.findData(4096))
    saved = load_settings()
    assert (saved.model_path, saved.n_threads, saved.n_ctx) == (str(model), 2, 4096)
    page.default_model.click()
    assert load_settings().model_path == ""
    assert workspace_of(unlocked).settings is unlocked.settings


def test_telehealth_billing_is_a_practice_setting(qtbot: Any, unlocked: Any, boxes: Boxes) -> None:
    from ui.dialogs.practice_profile import PracticeProfileDialog

    page = unlocked.main_view.go_to("Settings")
    page.profile_button.click()
    dialog = page.dialog
    assert isinstance(dialog, PracticeProfileDialog) and dialog.isVisible()
    assert dialog.telehealth_pos.currentData() == "10"  # the client's home, by default
    dialog.telehealth_pos.setCurrentIndex(dialog.telehealth_pos.findData("02"))
    dialog.telehealth_modifier.setText("gt")
    dialog.save()
    practice = workspace_of(unlocked).vault.practice.get()
    assert (practice.telehealth_pos, practice.telehealth_modifier) == ("02", "GT")


def test_settings_change_idle_minutes(qtbot: Any, unlocked: Any) -> None:
    settings_page = unlocked.main_view.go_to("Settings")
    settings_page.idle_minutes.setValue(3)
    assert unlocked.idle_lock.interval_ms() == 3 * 60_000
    assert load_settings().idle_lock_minutes == 3
    assert not settings_page.remember.isEnabled()  # no keyring in tests by default


def test_backup_now_writes_an_encrypted_file(qtbot: Any, unlocked: Any, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch,
                                             boxes: Boxes) -> None:
    target = tmp_path / "practice.stillnote-backup"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "")))
    page = unlocked.main_view.go_to("Settings")
    page.backup_button.click()
    qtbot.waitUntil(lambda: page.backup_button.isEnabled(), timeout=30000)
    assert "Backed up" in page.backup_status.text()
    assert target.exists() and b"Dana Whitfield" not in target.read_bytes()


def test_restore_a_backup_from_settings(qtbot: Any, unlocked: Any, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch, boxes: Boxes) -> None:
    backup = tmp_path / "before.stillnote-backup"
    ws = workspace_of(unlocked)
    ws.do(back_up, backup)
    ws.vault.clients.add(Client(legal_name="Added After Backup"))
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(backup), "")))
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: (PASSPHRASE, True)))
    page = unlocked.main_view.go_to("Settings")
    page.restore_button.click()
    qtbot.waitUntil(lambda: isinstance(unlocked.screen_widget, UnlockScreen), timeout=30000)
    screen = unlocked.screen_widget
    assert "restored" in screen.notice.text()
    unlock(qtbot, unlocked, PASSPHRASE)
    assert workspace_of(unlocked).vault.clients.list() == []
