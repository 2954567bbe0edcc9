"""The appointment's fee in the editor: the fee schedule's fee for the suggested code (or the
client's sliding scale), following the service and length until the therapist types one; and
the Good Faith Estimate offered when a self-pay client's session is booked."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any

from pytestqt.qtbot import QtBot

from models.appointment import AppointmentStatus, Service
from models.insurance import BillingKind
from tests.ui.conftest import Boxes, workspace_of
from tests.ui.helpers import add_client, appointment_editor, at, book


def _fees(window: Any) -> None:
    for code, fee in (("90791", "200"), ("90834", "150"), ("90837", "190")):
        workspace_of(window).vault.billing.fees.set(code, Decimal(fee))


def test_a_new_clients_intake_starts_at_the_intake_fee(qtbot: QtBot, unlocked: Any) -> None:
    _fees(unlocked)
    client = add_client(unlocked)
    dialog = appointment_editor(unlocked, client_id=client.id, start=at(3, 10))
    assert dialog.service.currentData() == Service.INTAKE
    assert dialog.fee.text() == "200.00"
    assert dialog.fee_follower.hint.text() == "Code 90791 (suggested); fee from the fee schedule."
    dialog.service.setCurrentIndex(dialog.service.findData(Service.INDIVIDUAL))
    dialog.minutes.setValue(45)
    assert dialog.fee.text() == "150.00"
    dialog.minutes.setValue(55)
    assert (dialog.fee.text(), dialog.fee_follower.hint.text()) == (
        "190.00", "Code 90837 (suggested); fee from the fee schedule.")
    dialog.minutes.setValue(10)
    assert dialog.fee.text() == "" and "16 minutes" in dialog.fee_follower.hint.text()
    dialog.reject()


def test_a_typed_fee_stays_and_the_schedule_is_still_shown(qtbot: QtBot, unlocked: Any) -> None:
    _fees(unlocked)
    client = add_client(unlocked)
    dialog = appointment_editor(unlocked, client_id=client.id, start=at(3, 10))
    dialog.fee.clear()
    qtbot.keyClicks(dialog.fee, "120")
    dialog.service.setCurrentIndex(dialog.service.findData(Service.INDIVIDUAL))
    dialog.minutes.setValue(45)
    assert dialog.fee.text() == "120"
    assert dialog.fee_follower.hint.text() == ("Code 90834 (suggested); the fee schedule says "
                                               "$150.00.")
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
    saved = workspace_of(unlocked).vault.appointments.for_client(client.id)
    assert [a.fee for a in saved] == [Decimal("120.00")]


def test_the_next_appointment_is_not_priced_like_the_intake(qtbot: QtBot, unlocked: Any) -> None:
    _fees(unlocked)
    client = add_client(unlocked)
    intake = book(unlocked, client, days=-7, status=AppointmentStatus.ATTENDED)
    workspace_of(unlocked).vault.appointments.update(
        replace(intake, service=Service.INTAKE, fee=Decimal("200.00")))
    dialog = appointment_editor(unlocked, client_id=client.id, start=at(3, 10))
    assert dialog.service.currentData() == Service.INDIVIDUAL
    assert dialog.fee.text() == "150.00"  # 90834's fee, not the intake's $200
    dialog.reject()


def test_a_sliding_scale_client_starts_at_their_fee(qtbot: QtBot, unlocked: Any) -> None:
    _fees(unlocked)
    client = add_client(unlocked, sliding_fee=Decimal("70"))
    dialog = appointment_editor(unlocked, client_id=client.id, start=at(3, 10))
    assert dialog.fee.text() == "70.00"
    assert dialog.fee_follower.hint.text() == "Code 90791 (suggested); fee from the sliding scale."
    dialog.reject()


def test_booking_a_self_pay_client_offers_the_estimate(qtbot: QtBot, unlocked: Any,
                                                       boxes: Boxes) -> None:
    _fees(unlocked)
    client = add_client(unlocked, billing=BillingKind.SELF_PAY)
    boxes.answer_yes = False
    dialog = appointment_editor(unlocked, client_id=client.id, start=at(14, 10))
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
    offers = [t for t in boxes.texts() if "Good Faith Estimate" in t]
    assert len(offers) == 1 and "is due by" in offers[0] and "Make it now?" in offers[0]
    # an insured client is not asked
    insured = add_client(unlocked, "Sam Osei")
    dialog = appointment_editor(unlocked, client_id=insured.id, start=at(15, 10))
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
    assert len([t for t in boxes.texts() if "Good Faith Estimate" in t]) == 1


def test_yes_opens_the_estimate_for_that_client(qtbot: QtBot, unlocked: Any,
                                               boxes: Boxes) -> None:
    from ui.billing.estimate_offer import offer_estimate

    _fees(unlocked)
    client = add_client(unlocked, billing=BillingKind.SELF_PAY)
    book(unlocked, client, days=20)
    page = unlocked.main_view.go_to("Today")
    dialog = offer_estimate(page, workspace_of(unlocked), client.id)
    assert dialog is not None and dialog.isVisible()
    assert dialog.panel.client.client_id() == client.id
    assert dialog.panel.due.text().startswith("⚠ A Good Faith Estimate is due by")
    dialog.reject()
