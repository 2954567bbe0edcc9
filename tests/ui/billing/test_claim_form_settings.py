"""Settings > Claim forms: this device's offsets for the red CMS-1500, kept in its settings."""

from __future__ import annotations

from typing import Any

from pytestqt.qtbot import QtBot

from app.settings import load_settings


def test_offsets_are_saved_for_this_device(qtbot: QtBot, unlocked: Any) -> None:
    page = unlocked.main_view.go_to("Settings")
    box = page.claim_forms
    box.right.setValue(0.15)
    box.down.setValue(-0.08)
    stored = load_settings()
    assert (stored.cms1500_offset_right, stored.cms1500_offset_down) == (0.15, -0.08)
    box.right.setValue(5)  # beyond the field's limit: held at an inch
    assert load_settings().cms1500_offset_right == 1.0
