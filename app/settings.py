"""Device settings: this computer's preferences, and whether it remembers the vault's key.

Only things about this device live in the settings file (idle lock, model, threads, the calendar
file kept current); anything about clients lives inside the vault (``vault.settings``). A damaged
file never stops the app: defaults are used and a warning is logged. "Remember on this device"
is decided here, in one place, for the unlock screen and the Settings page alike.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from storage.files import settings_file, sha256_of, write_text_atomic

if TYPE_CHECKING:
    from storage.vault import Vault

log = logging.getLogger(__name__)

# Kept inside the vault (it says which practice this device opens by itself), read by Settings.
REMEMBER_KEY = "ui.remember_on_device"
NO_KEYRING_SENTENCE = (
    "This computer has no keyring service, so Stillnote cannot remember the passphrase here; "
    "you will type it each time.")


@dataclass
class DeviceSettings:
    idle_lock_minutes: int = 10
    model_path: str = ""  # "" = the default model
    n_threads: int = 0  # 0 = os.cpu_count()
    n_ctx: int = 2048
    last_vault_dir: str = ""
    ics_auto_export_path: str = ""
    ics_include_names: bool = False
    # This printer's offsets for the red pre-printed CMS-1500 form, in inches (right, down).
    cms1500_offset_right: float = 0.0
    cms1500_offset_down: float = 0.0
    theme: str = "system"  # "system" (follow the desktop), "light" or "dark"
    text_scale: int = 100  # percent: the whole window's text (ui.theme.TEXT_SCALES)
    date_style: str = ""  # "mdy", "dmy" or "ymd" (models.common.DATE_STYLES); "" = the locale's


def _coerce(name: str, value: Any, default: Any) -> Any:
    """The stored value if it has the field's type, else the default (one bad field, not all)."""
    if isinstance(default, bool):
        return value if isinstance(value, bool) else default
    if isinstance(default, float):
        ok = isinstance(value, int | float) and not isinstance(value, bool) and abs(value) <= 2
        return float(value) if ok else default
    if isinstance(default, int):
        # 0 keeps its meaning per field (never lock, all cores); negatives are nonsense
        ok = isinstance(value, int) and not isinstance(value, bool) and value >= 0
        return value if ok else default
    if isinstance(default, str):
        return value if isinstance(value, str) else default
    return default


def load_settings(path: Path | None = None) -> DeviceSettings:
    path = Path(path) if path is not None else settings_file()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return DeviceSettings()
    except (OSError, ValueError):
        log.warning("The settings file %s could not be read; using the defaults.", path.name)
        return DeviceSettings()
    if not isinstance(raw, dict):
        log.warning("The settings file %s is not valid; using the defaults.", path.name)
        return DeviceSettings()
    defaults = DeviceSettings()
    values = {f.name: _coerce(f.name, raw.get(f.name, getattr(defaults, f.name)),
                              getattr(defaults, f.name)) for f in fields(DeviceSettings)}
    return DeviceSettings(**values)


def save_settings(settings: DeviceSettings, path: Path | None = None) -> None:
    path = Path(path) if path is not None else settings_file()
    write_text_atomic(path, json.dumps(asdict(settings), indent=2, sort_keys=True) + "\n")


# --- remember on this device ------------------------------------------------------------------
def keyring_available() -> bool:
    """Whether this device has an OS keyring service (headless Linux usually has none).

    Only the chosen backend's priority is looked at: asking it for a secret here could pop up
    a desktop "unlock your keyring" prompt just for drawing a checkbox.
    """
    import keyring  # start-up time: its backends load plugins; asked on a worker thread

    try:
        backend = keyring.get_keyring()
        return float(getattr(backend, "priority", 0)) > 0
    except Exception:  # a broken keyring backend is the same as none for the user
        return False


def remembered_on_device(vault: Vault) -> bool:
    """Whether this device was asked to remember the vault's key (what the checkbox shows)."""
    return bool(vault.settings.get(REMEMBER_KEY, False))


def remember_on_device(vault: Vault, enabled: bool) -> str:
    """Keep (or forget) the vault's key in this device's keyring; one sentence on the outcome.

    KeyringUnavailable when there is no keyring to keep it in; nothing is recorded then.
    """
    sentence = vault.remember_on_device(enabled)
    vault.settings.set(REMEMBER_KEY, enabled)
    return sentence


# --- the drafting model ---------------------------------------------------------------------
def model_file_sha256(path: Path) -> str:
    """The SHA-256 of a chosen model file, to compare with the one its publisher lists."""
    return sha256_of(Path(path))
