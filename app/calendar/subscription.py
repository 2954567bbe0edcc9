"""Keep a subscribed .ics file current: rewrite it after every change to the calendar.

Only when the therapist chose a file (DeviceSettings.ics_auto_export_path). The write is atomic,
so a calendar app polling the file never reads half of it.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from app.calendar.ics import export_ics
from app.settings import DeviceSettings, load_settings, save_settings
from models.errors import StillnoteError

if TYPE_CHECKING:
    from storage.vault import Vault

log = logging.getLogger(__name__)


def auto_export(vault: Vault, settings: DeviceSettings | None = None) -> Path | None:
    """Rewrite the chosen .ics file; None when auto-export is off. Errors propagate."""
    settings = settings if settings is not None else load_settings()
    target = settings.ics_auto_export_path.strip()
    if not target:
        return None
    path = Path(target).expanduser()
    export_ics(vault, path, include_names=settings.ics_include_names)
    return path


def refresh_after_change(vault: Vault, settings: DeviceSettings | None = None) -> str:
    """Call after a change to the calendar (an appointment, a client's name or calendar label).
    Returns "" or one sentence on why the file was not rewritten (the change is saved anyway)."""
    try:
        auto_export(vault, settings)
    except StillnoteError as exc:
        log.warning("calendar auto-export failed: %s", type(exc).__name__)
        return f"The calendar file was not updated: {exc}"
    return ""


def keep_calendar_file(vault: Vault, settings: DeviceSettings, *, path: str | None = None,
                       include_names: bool | None = None) -> Path | None:
    """Choose (``path``; "" turns it off) or reconfigure the file kept current, save the device
    settings and write the file now; where it was written, or None when it is off."""
    if path is not None:
        settings.ics_auto_export_path = path
    if include_names is not None:
        settings.ics_include_names = include_names
    save_settings(settings)
    return auto_export(vault, settings)
