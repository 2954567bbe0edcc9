"""Device settings: non-PHI preferences in a JSON file in the data dir.

Only things about this device live here (idle lock, model, threads); anything about clients lives
inside the vault (``vault.settings``). A damaged file never stops the app: defaults are used and a
warning is logged.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from storage.files import settings_file, write_text_atomic

log = logging.getLogger(__name__)


@dataclass
class DeviceSettings:
    idle_lock_minutes: int = 10
    model_path: str = ""  # "" = the default model
    n_threads: int = 0  # 0 = os.cpu_count()
    n_ctx: int = 2048
    last_vault_dir: str = ""
    ics_auto_export_path: str = ""
    ics_include_names: bool = False


def _coerce(name: str, value: Any, default: Any) -> Any:
    """The stored value if it has the field's type, else the default (one bad field, not all)."""
    if isinstance(default, bool):
        return value if isinstance(value, bool) else default
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
