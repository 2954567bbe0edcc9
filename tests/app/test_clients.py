"""Client use cases: find by status, discharge and reactivate, goals, and the calendar file
rewritten when a client's name or calendar label changes."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import icalendar

from app.clients import (
    add_client,
    add_goal,
    client_names,
    discharge_client,
    find_clients,
    goals_of,
    reactivate_client,
    set_goal_status,
    update_client,
)
from app.settings import DeviceSettings
from models.client import Client, ClientStatus, GoalStatus
from tests.app.billing.conftest import fill


def test_find_clients_by_status_and_name(vault: Any) -> None:
    ada = add_client(vault, Client(legal_name="Ada Quill"))
    bo = add_client(vault, Client(legal_name="Bo Quill", preferred_name="Bobby"))
    discharge_client(vault, bo.id or 0, date(2026, 2, 1))
    assert [c.id for c in find_clients(vault, status=ClientStatus.ACTIVE)] == [ada.id]
    assert [c.id for c in find_clients(vault, status=ClientStatus.DISCHARGED)] == [bo.id]
    assert {c.id for c in find_clients(vault, " quill ")} == {ada.id, bo.id}
    assert client_names(vault) == {ada.id: "Ada Quill", bo.id: "Bobby Quill"}
    assert client_names(vault, legal=True)[bo.id or 0] == "Bo Quill"
    back = reactivate_client(vault, bo.id or 0)
    assert back.is_active and back.discharged_on is None


def test_goals_are_added_and_their_status_set(vault: Any) -> None:
    client = add_client(vault, Client(legal_name="Ada Quill"))
    goal = add_goal(vault, client.id or 0, "Sleep seven hours", date(2026, 12, 1))
    set_goal_status(vault, goal, GoalStatus.MET)
    assert [(g.text, g.status) for g in goals_of(vault, client.id or 0)] == [
        ("Sleep seven hours", GoalStatus.MET)]


def test_a_new_calendar_label_rewrites_the_subscribed_file(vault: Any, tmp_path: Path) -> None:
    ids = fill(vault)
    subscribed = tmp_path / "sub.ics"
    settings = DeviceSettings(ics_auto_export_path=str(subscribed))
    client = vault.clients.get(ids["client"])
    assert update_client(vault, replace(client, calendar_code="C-7"), settings) == ""
    events = icalendar.Calendar.from_ical(subscribed.read_bytes()).walk("VEVENT")
    assert {str(e["SUMMARY"]) for e in events} == {"Session – C-7"}
