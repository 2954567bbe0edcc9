"""Calendar export: names only after a warning, and the file kept up to date."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import icalendar
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from app.calendar.subscription import refresh_after_change
from app.settings import load_settings
from models.appointment import Appointment
from tests.app.billing import sample
from tests.ui.billing.helpers import billing_page


def test_calendar_export_warns_before_names(qtbot: QtBot, workspace: Any,
                                            tmp_path: Path) -> None:
    page = billing_page(qtbot, workspace)
    panel = page.calendar
    assert panel.names_warning.isHidden()
    out = tmp_path / "cal.ics"
    assert panel.export_to(out) == 6
    assert "Vega" not in out.read_text(encoding="utf-8")
    panel.include_names.setChecked(True)
    assert not panel.names_warning.isHidden()
    assert "Client names will be in the file" in panel.names_warning.text()
    panel.only_range.setChecked(True)
    panel.start.setDate(QDate(2026, 3, 9))
    panel.end.setDate(QDate(2026, 3, 16))
    assert panel.export_to(out) == 2
    events = icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert all("Vega-Okafor" in str(e["SUMMARY"]) for e in events)


def test_auto_export_setting(qtbot: QtBot, workspace: Any, tmp_path: Path) -> None:
    page = billing_page(qtbot, workspace)
    panel = page.calendar
    target = tmp_path / "sub.ics"
    panel.set_auto_export(str(target))
    assert target.exists() and load_settings().ics_auto_export_path == str(target)
    assert "Rewritten after every change" in panel.auto_path.text()
    workspace.vault.appointments.add(Appointment(
        client_id=workspace.ids["client"], start=datetime(2026, 5, 4, 9, tzinfo=sample.TZ)))
    assert workspace.do(refresh_after_change, workspace.settings) == ""
    assert len(icalendar.Calendar.from_ical(target.read_bytes()).walk("VEVENT")) == 7
    panel.set_auto_export("")
    assert load_settings().ics_auto_export_path == ""
    assert panel.auto_path.text().startswith("Off")
