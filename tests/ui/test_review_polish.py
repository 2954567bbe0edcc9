"""What the UI review fixed: notes open from the client page, empty states, a capped warning
panel, calendar blocks that never run past their column, titles flush with their page."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtGui import QFont, QFontMetrics

from app.billing.authorizations import add_authorization
from models.appointment import Appointment, AppointmentStatus
from models.client import Client
from tests.ui.conftest import Boxes, today_in, workspace_of
from ui import notes
from ui.pages.appointment_block import fit_lines
from ui.pages.today_page import MAX_WARNINGS

TZ = ZoneInfo("America/New_York")


def _at(days: int, hour: int) -> datetime:
    return datetime.combine(today_in(TZ) + timedelta(days=days), time(hour, 0), tzinfo=TZ)


def test_a_note_opens_from_the_client_page(qtbot: Any, unlocked: Any, boxes: Boxes) -> None:
    workspace = workspace_of(unlocked)
    client = workspace.vault.clients.add(Client(legal_name="Jordan Avery Reyes"))
    appt = workspace.vault.appointments.add(Appointment(
        client_id=client.id, start=_at(-1, 10), status=AppointmentStatus.ATTENDED))
    page = unlocked.main_view.go_to("Clients")
    page.refresh()
    page.select_client(client.id)
    tab = page.detail.notes
    assert tab.empty.isVisibleTo(tab) and not tab.open_button.isVisibleTo(tab)
    notes.open_note_editor(unlocked, workspace, appt.id)  # starts the draft
    notes.close_all_editors()
    page.detail.reload()
    assert not tab.empty.isVisibleTo(tab) and tab.table.rowCount() == 1
    assert not tab.open_button.isEnabled()
    tab.table.selectRow(0)
    assert tab.open_button.isEnabled()
    tab.open_button.click()
    editors = notes.open_editors()
    assert len(editors) == 1 and editors[0].isVisible()
    assert boxes.shown == []
    notes.close_all_editors()


def test_empty_client_tabs_say_what_to_do(qtbot: Any, unlocked: Any, boxes: Boxes) -> None:
    client = workspace_of(unlocked).vault.clients.add(Client(legal_name="Jordan Avery Reyes"))
    page = unlocked.main_view.go_to("Clients")
    page.refresh()
    page.select_client(client.id)
    detail = page.detail
    assert "No diagnoses yet" in detail.diagnoses.empty.text()
    assert not detail.diagnoses.table.isVisibleTo(detail.diagnoses)
    assert detail.goals.empty.isVisibleTo(detail.goals)
    assert detail.appointments.empty.isVisibleTo(detail.appointments)
    workspace_of(unlocked).vault.appointments.add(Appointment(client_id=client.id,
                                                              start=_at(1, 9)))
    detail.reload()
    assert not detail.appointments.empty.isVisibleTo(detail.appointments)


def test_many_authorization_warnings_do_not_push_today_off_the_page(
        qtbot: Any, unlocked: Any, boxes: Boxes) -> None:
    workspace = workspace_of(unlocked)
    day = today_in(TZ)
    for n in range(MAX_WARNINGS + 2):
        client = workspace.vault.clients.add(Client(legal_name=f"Client Number{n}"))
        add_authorization(workspace.vault, client.id, f"PA-{n}", 1, day - timedelta(days=5),
                          day + timedelta(days=30))
        workspace.vault.appointments.add(Appointment(client_id=client.id, start=_at(0, 8 + n)))
    page = unlocked.main_view.go_to("Today")
    shown = page.warnings.text().splitlines()
    assert len(shown) == MAX_WARNINGS + 1
    assert shown[-1].startswith("… and 2 more authorization warnings")
    assert len(page.warning_lines()) == MAX_WARNINGS + 2  # every one is still there (tooltip)
    assert page.table.rowCount() == MAX_WARNINGS + 2


def test_calendar_block_text_fits_its_column() -> None:
    metrics = QFontMetrics(QFont("DejaVu Sans", 10))
    width = metrics.horizontalAdvance("Individual  ")
    text = "10:00–10:50\nEleni Παπαδοπούλου\nGrace Liu and Martin Liu\nAttended"
    lines = fit_lines(text, metrics, width).split("\n")
    assert lines[0] == "10:00"  # the start time, when the range does not fit
    assert lines[1].endswith("…") and lines[1].startswith("Eleni")
    assert lines[2] == "Grace Liu and Martin Liu"  # wraps at spaces, so it is left whole
    assert all(metrics.horizontalAdvance(word) <= width
               for line in lines for word in line.split())


def test_titles_sit_flush_with_their_page(qtbot: Any, unlocked: Any, boxes: Boxes) -> None:
    from PySide6.QtWidgets import QLabel

    for name in ("Today", "Clients", "Calendar", "Settings"):
        page = unlocked.main_view.go_to(name)
        titles = [label for label in page.findChildren(QLabel)
                  if label.objectName() == "pageTitle"]
        assert titles and all(label.indent() == 0 for label in titles)


def test_goal_status_needs_a_chosen_goal(qtbot: Any, unlocked: Any, boxes: Boxes) -> None:
    client = workspace_of(unlocked).vault.clients.add(Client(legal_name="Jordan Avery Reyes"))
    page = unlocked.main_view.go_to("Clients")
    page.refresh()
    page.select_client(client.id)
    goals = page.detail.goals
    assert not goals.status_button.isEnabled()
    goals.new_goal.setText("Sleep seven hours on most nights")
    goals.add_button.click()
    assert not goals.status_button.isEnabled()
    goals.table.selectRow(0)
    assert goals.status_button.isEnabled() and goals.status.currentText() == "Active"
    goals.status.setCurrentIndex(goals.status.findText("Met"))
    goals.status_button.click()
    saved = workspace_of(unlocked).vault.goals.for_client(client.id)
    assert [g.status.value for g in saved] == ["met"]
