"""A client's page at a glance: age, diagnosis, next appointment, last note, balance and
measures due (from real billing and measures records); the new details
(emergency contact, preferred contact, referral source) are edited and shown."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from app.billing.payments import mark_paid
from app.measures.entry import record_measure
from app.measures.schedules import set_schedule
from models.appointment import AppointmentStatus
from models.client import Diagnosis
from models.measures.records import ScheduleRule
from tests.ui.conftest import Boxes, today_in, workspace_of
from tests.ui.helpers import TZ, add_client, book


def _page(window: Any, client_id: int) -> Any:
    clients = window.main_view.go_to("Clients")
    clients.show_any(client_id)
    return clients.detail


def test_header_shows_the_essentials(qtbot: Any, unlocked: Any, boxes: Boxes) -> None:
    born = today_in(TZ).replace(year=today_in(TZ).year - 34) + timedelta(days=1)
    client = add_client(unlocked, date_of_birth=born,
                        diagnoses=[Diagnosis("F41.1", "Generalized anxiety disorder", True)])
    book(unlocked, client, days=-7, hour=10, status=AppointmentStatus.ATTENDED)
    book(unlocked, client, days=6, hour=15)
    detail = _page(unlocked, client.id)
    values = {part: label.text() for part, label in detail.facts.values.items()
              if label.isVisibleTo(detail)}
    assert values["Age"] == "33"  # the birthday is tomorrow
    assert values["Diagnosis"] == "F41.1 Generalized anxiety disorder"
    assert values["Next appointment"].endswith("15:00")
    assert values["Last note"] == "None yet"
    assert values["Balance"] == "Paid up"  # no fee schedule: nothing owed
    assert values["Measures due"] == "None due"


def test_balance_and_measures_due_come_from_billing_and_measures(qtbot: Any, unlocked: Any,
                                                                 boxes: Boxes) -> None:
    client = add_client(unlocked)
    vault = workspace_of(unlocked).vault
    vault.billing.fees.set("90834", Decimal("150"))
    book(unlocked, client, days=-7, hour=9, status=AppointmentStatus.ATTENDED)
    paid = book(unlocked, client, days=-3, hour=9, status=AppointmentStatus.ATTENDED)
    mark_paid(vault, paid.id, "100", today_in(TZ), "card")
    set_schedule(vault, client.id, "phq9", ScheduleRule.EVERY_SESSIONS, 4)
    detail = _page(unlocked, client.id)
    assert detail.facts.values["Balance"].text() == "$200.00 owed"  # 150 + (150 - 100)
    assert detail.facts.values["Balance"].property("attention") is True
    assert detail.facts.values["Measures due"].text() == "PHQ-9"  # not given yet
    record_measure(vault, client.id, "phq9", {str(n): 0 for n in range(1, 10)}, today_in(TZ))
    mark_paid(vault, paid.id, "250", today_in(TZ), "cash")
    detail.reload()
    assert detail.facts.values["Balance"].text() == "$50.00 credit"
    assert detail.facts.values["Balance"].property("attention") is False
    assert detail.facts.values["Measures due"].text() == "None due"


def test_new_details_are_edited_and_shown(qtbot: Any, unlocked: Any, boxes: Boxes) -> None:
    client = add_client(unlocked)
    detail = _page(unlocked, client.id)
    editor = detail.edit()
    assert editor is not None
    editor.emergency_name.setText("Lee Reyes")
    editor.emergency_relationship.setText("brother")
    editor.emergency_phone.setText("555-0199")
    editor.contact_method.setCurrentIndex(editor.contact_method.findData("text"))
    editor.referral_source.setText("Dr. Amara Lee")
    editor.note_format.setCurrentIndex(editor.note_format.findData("dap"))
    with qtbot.waitSignal(editor.saved):
        editor.save()
    stored = workspace_of(unlocked).vault.clients.get(client.id)
    assert stored.emergency_contact.one_line() == "Lee Reyes (brother), 555-0199"
    assert (stored.contact_method, stored.referral_source, stored.note_format) == (
        "text", "Dr. Amara Lee", "dap")
    labels = detail.profile.labels
    assert labels["Emergency contact"].text() == "Lee Reyes (brother), 555-0199"
    assert labels["Preferred contact"].text() == "Text message"
    assert labels["Referred by"].text() == "Dr. Amara Lee"
    assert labels["Note format"].text() == "DAP"


def test_age_counts_whole_years() -> None:
    from models.client import Client

    c = Client(legal_name="A B", date_of_birth=date(2000, 2, 29))
    assert c.age_on(date(2026, 2, 28)) == 25 and c.age_on(date(2026, 3, 1)) == 26
    assert Client(legal_name="A B").age_on(date(2026, 1, 1)) is None


def test_a_long_diagnosis_wraps_rather_than_widening_the_window(qtbot: Any, unlocked: Any,
                                                              boxes: Boxes) -> None:
    client = add_client(unlocked, diagnoses=[Diagnosis(
        "F33.1", "Major depressive disorder, recurrent, moderate, with anxious distress", True)])
    book(unlocked, client, days=6, hour=15)
    detail = _page(unlocked, client.id)
    assert detail.facts.values["Diagnosis"].text().startswith("F33.1 Major depressive")
    # The header fits beside the client list in the window's default width (1,180 px).
    assert detail.facts.minimumSizeHint().width() <= 700
