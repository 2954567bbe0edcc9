"""Back up from Settings, off the UI thread."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog

from tests.ui.conftest import Boxes


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
