"""A client's tabs: goals, appointments and notes, what the empty ones say, and notes opened
from them."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from models.appointment import Appointment, AppointmentStatus
from models.client import Client
from tests.ui.conftest import Boxes, workspace_of
from tests.ui.helpers import (
    MEGABYTE,
    TZ,
    add_client,
    at,
    paste,
)
from ui import notes


def test_client_page_tabs_show_goals_and_appointments(
        qtbot: Any, unlocked: Any, boxes: Boxes) -> None:
    client = add_client(unlocked)
    ws = workspace_of(unlocked)
    ws.vault.appointments.add(Appointment(client_id=client.id,
                                          start=datetime(2026, 3, 2, 10, 0, tzinfo=TZ),
                                          status=AppointmentStatus.ATTENDED, fee=Decimal("120")))
    page = unlocked.main_view.go_to("Clients")
    page.refresh()
    page.select_client(client.id)
    detail = page.detail
    assert detail.appointments.table.rowCount() == 1
    assert detail.appointments.table.item(0, 5).text() == "$120.00"
    detail.goals.new_goal.setText("Sleep seven hours most nights")
    detail.goals.add_button.click()
    assert detail.goals.table.rowCount() == 1
    assert detail.notes.table.rowCount() == 0 and detail.notes.empty.isVisibleTo(detail.notes)


def test_a_note_opens_from_the_client_page(qtbot: Any, unlocked: Any, boxes: Boxes) -> None:
    workspace = workspace_of(unlocked)
    client = workspace.vault.clients.add(Client(legal_name="Jordan Avery Reyes"))
    appt = workspace.vault.appointments.add(Appointment(
        client_id=client.id, start=at(-1, 10), status=AppointmentStatus.ATTENDED))
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
                                                              start=at(1, 9)))
    detail.reload()
    assert not detail.appointments.empty.isVisibleTo(detail.appointments)


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


def test_a_megabyte_goal_is_refused_in_one_sentence(qtbot: Any, unlocked: Any,
                                                     boxes: Boxes) -> None:
    workspace = workspace_of(unlocked)
    client = workspace.vault.clients.add(Client(legal_name="Jordan Avery Reyes"))
    page = unlocked.main_view.go_to("Clients")
    page.refresh()
    page.select_client(client.id)
    goals = page.detail.goals
    paste(goals.new_goal, MEGABYTE)
    goals.add_button.click()
    assert boxes.texts() == ["A goal can have at most 500 characters; shorten it and add it "
                             "again."]
    assert workspace.vault.goals.for_client(client.id) == []
    goals.new_goal.setText("Sleep seven hours on most nights")
    goals.add_button.click()
    assert [g.text for g in workspace.vault.goals.for_client(client.id)] == [
        "Sleep seven hours on most nights"]
