"""A vault a newer Stillnote has upgraded: this version's window refuses it with one sentence and
stays locked, writing nothing (the bundle's command line says the same: tests/bundle/)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.settings import DeviceSettings
from app.vaults import open_vault
from storage.migrations import LATEST_VERSION
from tests.ui.conftest import PASSPHRASE
from ui.shell import StillnoteWindow

SENTENCE = "This vault was written by a newer version of Stillnote; update Stillnote to open it."


def test_the_unlock_screen_says_update_and_stays_locked(qtbot: Any, existing_vault: Path) -> None:
    vault = open_vault(existing_vault, PASSPHRASE)
    vault.connection.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    vault.close()
    before = {p.name: p.read_bytes() for p in existing_vault.iterdir() if p.is_file()}
    window = StillnoteWindow(existing_vault, DeviceSettings())
    qtbot.addWidget(window)
    window.show()
    screen = window.screen_widget
    screen.secret.setText(PASSPHRASE)
    screen.unlock_button.click()
    qtbot.waitUntil(lambda: bool(screen.error.text()), timeout=30000)
    assert screen.error.text() == SENTENCE
    assert window.is_locked() and window.windowTitle() == "Stillnote — Locked"
    assert {p.name: p.read_bytes() for p in existing_vault.iterdir() if p.is_file()} == before
