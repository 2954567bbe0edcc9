"""Device settings: defaults, round trip, owner-only file, and a damaged file never crashes."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from app.settings import DeviceSettings, load_settings, save_settings
from storage import files


def test_defaults_without_a_file(data_dir: Path) -> None:
    settings = load_settings()
    assert settings == DeviceSettings()
    assert settings.idle_lock_minutes == 10 and settings.n_ctx == 2048
    assert settings.ics_include_names is False


def test_round_trip_in_the_data_dir(data_dir: Path) -> None:
    settings = DeviceSettings(idle_lock_minutes=5, model_path="/m/x.gguf", n_threads=2,
                              last_vault_dir="/v", ics_include_names=True)
    save_settings(settings)
    path = files.settings_file()
    assert path.parent == data_dir
    assert (path.stat().st_mode & 0o777) == 0o600
    assert load_settings() == settings


def test_malformed_file_gives_defaults_and_a_warning(data_dir: Path,
                                                     caplog: pytest.LogCaptureFixture) -> None:
    files.settings_file().write_text("{oops", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        assert load_settings() == DeviceSettings()
    assert "defaults" in caplog.text


def test_a_bad_field_falls_back_alone(data_dir: Path) -> None:
    files.settings_file().write_text(json.dumps({
        "idle_lock_minutes": "ten", "n_threads": 4, "ics_include_names": "yes", "unknown": 1,
        "n_ctx": -5}), encoding="utf-8")
    settings = load_settings()
    assert settings.idle_lock_minutes == 10 and settings.n_threads == 4
    assert settings.ics_include_names is False and settings.n_ctx == 2048


def test_non_object_json(data_dir: Path) -> None:
    files.settings_file().write_text("[1, 2]", encoding="utf-8")
    assert load_settings() == DeviceSettings()


def test_claim_form_offsets_are_numbers_within_reason(data_dir: Path) -> None:
    save_settings(DeviceSettings(cms1500_offset_right=0.12, cms1500_offset_down=-0.3))
    assert (load_settings().cms1500_offset_right, load_settings().cms1500_offset_down) == (
        0.12, -0.3)
    files.settings_file().write_text(json.dumps(
        {"cms1500_offset_right": "a lot", "cms1500_offset_down": 40, "idle_lock_minutes": 3}))
    loaded = load_settings()
    assert (loaded.cms1500_offset_right, loaded.cms1500_offset_down) == (0.0, 0.0)
    assert loaded.idle_lock_minutes == 3
