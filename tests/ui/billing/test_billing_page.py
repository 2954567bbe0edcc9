"""The Billing page and its panels, driven offscreen with pytest-qt (no modal exec)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import icalendar
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.appointments import AppointmentPlan, authorization_concern
from app.billing.authorizations import warning_lines_for_today
from app.calendar.subscription import refresh_after_change
from app.settings import load_settings
from models.appointment import Appointment
from tests.app.billing import sample
from ui.billing import BillingPage, open_superbill_dialog
from ui.dialogs.appointment_editor import ask_past_authorization


def _page(qtbot: QtBot, workspace: Any) -> BillingPage:
    page = BillingPage(workspace)
    qtbot.addWidget(page)
    return page


def _march(panel: Any) -> None:
    panel.start.setDate(QDate(2026, 3, 1))
    panel.end.setDate(QDate(2026, 3, 31))


def test_page_has_its_tabs_and_the_client(qtbot: QtBot, workspace: Any) -> None:
    page = _page(qtbot, workspace)
    tabs = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert tabs == ["Superbills", "Payments", "Authorizations", "Fees", "Calendar export"]
    assert page.superbills.client.currentText() == "Marisol Vega-Okafor"
    assert page.superbills.client.client_id() == workspace.ids["client"]


def test_superbill_from_the_page(qtbot: QtBot, workspace: Any, tmp_path: Path) -> None:
    page = _page(qtbot, workspace)
    panel = page.superbills
    _march(panel)
    out = tmp_path / "march.pdf"
    with qtbot.waitSignal(panel.finished, timeout=30000):
        panel.export_to(out)
    assert out.exists()
    assert panel.status.text().startswith(f"Saved {out} (3 sessions, total $555.00")


def test_superbill_missing_npi_lists_it(qtbot: QtBot, workspace: Any, tmp_path: Path) -> None:
    workspace.vault.practice.save(replace(sample.practice(), npi=""))
    page = _page(qtbot, workspace)
    panel = page.superbills
    _march(panel)
    out = tmp_path / "march.pdf"
    with qtbot.waitSignal(panel.finished, timeout=30000):
        panel.export_to(out)
    assert not out.exists()
    assert "Missing:\n• the NPI" in panel.status.text()
    assert panel.make_button.isEnabled()


def test_batch_for_a_month(qtbot: QtBot, workspace: Any, tmp_path: Path) -> None:
    page = _page(qtbot, workspace)
    panel = page.superbills
    panel.month.setDate(QDate(2026, 3, 1))
    with qtbot.waitSignal(panel.finished, timeout=30000):
        panel.batch_to(tmp_path / "month")
    assert panel.status.text() == f"Saved 1 superbill in {tmp_path / 'month'}."
    assert len(list((tmp_path / "month").glob("*.pdf"))) == 1


def test_mark_a_session_paid(qtbot: QtBot, workspace: Any) -> None:
    page = _page(qtbot, workspace)
    panel = page.payments
    assert panel.table.rowCount() == 3
    assert panel.table.item(1, 5).text() == "$99.50"
    panel.table.selectRow(1)
    assert panel.amount.text() == "99.50"
    panel.method.setCurrentText("check")
    panel.mark_selected_paid()
    assert "Recorded $99.50 (check)" in panel.status.text()
    assert panel.table.item(1, 5).text() == "$0.00"
    panel.table.selectRow(2)
    panel.amount.setText("abc")
    panel.mark_selected_paid()
    assert panel.status.text() == "abc is not an amount of money."


def test_add_authorization_and_see_the_warning(qtbot: QtBot, workspace: Any) -> None:
    page = _page(qtbot, workspace)
    panel = page.authorizations
    panel.number.setText("PA-77")
    panel.payer.setText("Empire Blue Cross")
    panel.sessions.setValue(5)
    today = date.today()
    panel.start.setDate(QDate(2026, 1, 1))
    panel.end.setDate(QDate(today.year + 1, 12, 31))
    panel.add()
    assert panel.table.rowCount() == 1
    assert [panel.table.item(0, c).text() for c in (0, 4)] == ["PA-77", "5"]
    # sample: 3 attended + 1 booked in the range = 4 used -> one left
    assert panel.table.item(0, 6).text() == "1"
    assert "one authorized session left" in panel.warnings.text()
    panel.end.setDate(QDate(2025, 1, 1))
    panel.add()
    assert panel.status.text() == "The authorization ends before it starts."


def test_fees_and_no_show_policy(qtbot: QtBot, workspace: Any) -> None:
    page = _page(qtbot, workspace)
    panel = page.fees
    row = panel.codes.index("90832")
    panel.table.item(row, 2).setText("110")
    panel.no_show.setText("75")
    panel.save()
    assert panel.status.text() == "Fees saved."
    assert workspace.vault.billing.fees.get_all()["90832"] == Decimal("110.00")
    from app.billing.fees import fee_policy

    assert fee_policy(workspace.vault).no_show_fee == Decimal("75.00")
    panel.late_cancel.setText("lots")
    panel.save()
    assert "late cancellation fee is not an amount" in panel.status.text()


def test_calendar_export_warns_before_names(qtbot: QtBot, workspace: Any,
                                            tmp_path: Path) -> None:
    page = _page(qtbot, workspace)
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
    page = _page(qtbot, workspace)
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


def test_superbill_dialog_opens_for_a_client(qtbot: QtBot, workspace: Any) -> None:
    dialog = open_superbill_dialog(None, workspace, workspace.ids["client"])
    qtbot.addWidget(dialog)
    assert dialog.isVisible()
    assert dialog.panel.client.client_id() == workspace.ids["client"]
    dialog.reject()


def test_scheduling_past_authorization_asks(qtbot: QtBot, workspace: Any,
                                            monkeypatch: Any) -> None:
    from app.billing.authorizations import add_authorization

    cid = workspace.ids["client"]
    new = Appointment(client_id=cid, start=datetime(2026, 6, 1, 10, tzinfo=sample.TZ))
    asked: list[str] = []

    def answer(parent: Any, title: str, text: str, *args: Any) -> Any:
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", answer)
    plan = AppointmentPlan(new)
    assert workspace.do(authorization_concern, plan) is None  # no authorization: nothing to ask
    assert asked == []
    add_authorization(workspace.vault, cid, "PA-1", 10, date(2026, 3, 1), date(2026, 5, 31))
    concern = workspace.do(authorization_concern, plan)
    assert concern is not None and not ask_past_authorization(None, concern, sample.TZ)
    assert "outside the authorization dates" in asked[0]
    lines = workspace.do(warning_lines_for_today, date(2026, 5, 20))
    assert lines == ["Mari Vega-Okafor: Authorization PA-1 ends in 11 days (2026-05-31)."]


def test_a_session_without_a_code_shows_why(qtbot: QtBot, workspace: Any) -> None:
    from models.appointment import AppointmentStatus

    vault = workspace.vault
    client_id = vault.clients.list()[0].id
    vault.appointments.add(Appointment(client_id=client_id, start=sample.at(4, 15), minutes=12,
                                       status=AppointmentStatus.ATTENDED))
    page = _page(qtbot, workspace)
    panel = page.payments
    rows = [r for r in range(panel.table.rowCount())
            if panel.table.item(r, 0).text() == "03/04/2026"]
    assert len(rows) == 1
    code = panel.table.item(rows[0], 2)
    assert code.text() == "none"
    assert code.toolTip().startswith("A 12-minute session is shorter than the 16 minutes")


def test_overbooked_authorization_stands_out(qtbot: QtBot, workspace: Any) -> None:
    page = _page(qtbot, workspace)
    panel = page.authorizations
    today = date.today()
    panel.start.setDate(QDate(2026, 1, 1))
    panel.end.setDate(QDate(today.year + 1, 12, 31))
    panel.sessions.setValue(5)
    panel.add()
    left = panel.table.item(0, 6)
    assert left.text() == "1" and not left.font().bold()  # sessions left: plain
    assert panel.table.item(0, 2).text() == "01/01/2026"
    panel.sessions.setValue(2)
    panel.add()
    rows = {panel.table.item(r, 4).text(): r for r in range(panel.table.rowCount())}
    over = panel.table.item(rows["2"], 6)
    assert over.text() == "-2" and over.font().bold()
    assert over.toolTip() == "2 more sessions than authorized"
