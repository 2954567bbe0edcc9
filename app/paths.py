"""Where Stillnote keeps its files on this device.

STILLNOTE_DATA_DIR overrides the platform data dir (tests and portable installs use it).
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "Stillnote"


def data_dir() -> Path:
    override = os.environ.get("STILLNOTE_DATA_DIR")
    path = (Path(override) if override
            else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)))
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def default_vault_dir() -> Path:
    return data_dir() / "vault"


def demo_vault_dir() -> Path:
    return data_dir() / "demo-vault"


def models_dir() -> Path:
    path = data_dir() / "models"
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def settings_file() -> Path:
    return data_dir() / "settings.json"
