"""Unlocking through the real widgets and a real SQLCipher vault: passphrase, recovery key, and
"remember on this device" with and without a keyring."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.settings import DeviceSettings
from tests.ui.conftest import PASSPHRASE, Boxes, unlock
from ui.shell import StillnoteWindow
from ui.unlock_screen import NO_KEYRING_SENTENCE, UnlockScreen


def test_wrong_passphrase_says_so_clears_the_field_and_stays_locked(
        qtbot: Any, window: Any) -> None:
    screen = window.screen_widget
    assert isinstance(screen, UnlockScreen)
    assert window.windowTitle() == "Stillnote — Locked"
    screen.secret.setText("not the passphrase")
    screen.unlock_button.click()
    assert screen.busy.isVisible()  # the KDF runs off the UI thread behind a busy bar
    qtbot.waitUntil(lambda: bool(screen.error.text()), timeout=30000)
    assert "passphrase does not open" in screen.error.text()
    assert screen.error.text().count(".") == 1
    assert screen.secret.text() == ""
    assert window.is_locked()
    assert not screen.busy.isVisible()

    unlock(qtbot, window, PASSPHRASE)
    assert not window.is_locked()
    assert window.main_view is not None


def test_recovery_key_unlocks(qtbot: Any, vault_dir: Path, boxes: Boxes) -> None:
    from app.workspace import create_workspace
    from tests.ui.conftest import practice_profile

    workspace, key = create_workspace(vault_dir, PASSPHRASE, practice_profile())
    workspace.lock()
    window = StillnoteWindow(vault_dir, DeviceSettings())
    qtbot.addWidget(window)
    screen = window.screen_widget
    screen.use_recovery.setChecked(True)
    assert "recovery key" in screen.prompt.text()
    unlock(qtbot, window, key)
    assert not window.is_locked()
    window.close()


def test_without_a_keyring_remember_is_off_and_explained(qtbot: Any, window: Any) -> None:
    screen = window.screen_widget
    assert not screen.remember.isEnabled()  # until the keyring check (off the UI thread) answers
    qtbot.waitUntil(lambda: screen.keyring_answered)
    assert not screen.remember.isEnabled()
    assert screen.remember_hint.text() == NO_KEYRING_SENTENCE
    assert "no keyring" in NO_KEYRING_SENTENCE


def test_remember_on_device_with_a_keyring_opens_without_passphrase_next_time(
        qtbot: Any, existing_vault: Path, memory_keyring: Any, boxes: Boxes) -> None:
    window = StillnoteWindow(existing_vault, DeviceSettings())
    qtbot.addWidget(window)
    screen = window.screen_widget
    qtbot.waitUntil(lambda: screen.keyring_answered)
    assert screen.remember.isEnabled()
    screen.remember.setChecked(True)
    unlock(qtbot, window, PASSPHRASE)
    assert memory_keyring.secrets  # the data key, under the vault's random id
    window.close()
    assert window.is_locked()

    again = StillnoteWindow(existing_vault, DeviceSettings())
    qtbot.addWidget(again)
    qtbot.waitUntil(lambda: not again.is_locked(), timeout=30000)
    again.close()
