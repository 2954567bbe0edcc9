"""The unlocked practice: every page in the sidebar, and the unsigned-notes count on it."""

from __future__ import annotations

from typing import Any

from models.appointment import AppointmentStatus
from tests.ui.conftest import Boxes
from tests.ui.helpers import (
    add_client,
    book,
    open_note_from_today,
)
from ui.billing import BillingPage
from ui.notes import RiskFollowUpPage, UnsignedNotesPage


def test_notes_and_billing_pages_are_in_the_sidebar(
        qtbot: Any, unlocked: Any, boxes: Boxes) -> None:
    view = unlocked.main_view
    names = [view.sidebar.item(r).text() for r in range(view.sidebar.count())]
    assert names == ["Today", "Clients", "Calendar", "Unsigned notes", "Risk follow-up",
                     "Billing", "Settings"]
    assert isinstance(view.go_to("Risk follow-up"), RiskFollowUpPage)
    assert isinstance(view.go_to("Unsigned notes"), UnsignedNotesPage)
    assert isinstance(view.go_to("Billing"), BillingPage)
    assert view.pages.currentWidget() is view.page_by_name["Billing"]


def test_unsigned_badge_counts_a_started_note(qtbot: Any, unlocked: Any, boxes: Boxes) -> None:
    client = add_client(unlocked, ai_consent=True)
    book(unlocked, client, status=AppointmentStatus.ATTENDED)
    editor = open_note_from_today(unlocked)
    view = unlocked.main_view
    row = names_row(view, "Unsigned notes")
    qtbot.waitUntil(lambda: view.sidebar.item(row).text() == "Unsigned notes  (1)", timeout=5000)
    editor.close()


def names_row(view: Any, name: str) -> int:
    for r in range(view.sidebar.count()):
        if view.sidebar.item(r).text().startswith(name):
            return r
    raise AssertionError(name)
