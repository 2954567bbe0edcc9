"""Keep a subscribed .ics file current: rewrite it after every change to the calendar.

Only when the therapist chose a file (DeviceSettings.ics_auto_export_path). The write is atomic,
so a calendar app polling the file never reads half of it.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from app.billing.calendar_ics import export_ics
from app.settings import DeviceSettings, load_settings
from models.errors import StillnoteError

log = logging.getLogger(__name__)


def auto_export(vault: Any, settings: DeviceSettings | None = None) -> Path | None:
    """Rewrite the chosen .ics file; None when auto-export is off. Errors propagate."""
    settings = settings if settings is not None else load_settings()
    target = settings.ics_auto_export_path.strip()
    if not target:
        return None
    path = Path(target).expanduser()
    export_ics(vault, path, include_names=settings.ics_include_names)
    return path


def refresh_after_change(vault: Any, settings: DeviceSettings | None = None) -> str:
    """Call after saving an appointment. Returns "" or one sentence on why the file was not
    rewritten (the change itself is saved either way)."""
    try:
        auto_export(vault, settings)
    except StillnoteError as exc:
        log.warning("calendar auto-export failed: %s", type(exc).__name__)
        return f"The calendar file was not updated: {exc}"
    return ""
