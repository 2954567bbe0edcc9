"""Recording measures against a real vault: answers kept, sessions linked, bad input refused."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from app.calendar.schedule import today_in_practice
from app.measures.entry import (
    delete_measure,
    measures_of_client,
    record_measure,
    session_responses,
)
from models.appointment import AppointmentStatus
from models.errors import InvalidInput
from models.measures import Source
from tests.app.measures.helpers import add_client, phq9, session_on

DAY = date(2026, 11, 20)


def test_the_item_answers_are_kept_not_only_the_total(vault: Any) -> None:
    client = add_client(vault)
    appt = session_on(vault, client, DAY)
    recorded = record_measure(vault, client.id, "phq9", phq9(14), DAY)
    assert recorded.response.answers == phq9(14)
    assert recorded.response.total == 14 and recorded.total_text == "14 (moderate)"
    assert recorded.response.appointment_id == appt.id  # the session of that day
    stored = vault.measures.for_client(client.id)
    assert [r.answers for r in stored] == [phq9(14)]
    assert [g.headline for g in session_responses(vault, appt)] == ["PHQ-9 total 14 (moderate)"]


def test_the_session_is_the_attended_one_of_that_day(vault: Any) -> None:
    client = add_client(vault)
    session_on(vault, client, DAY, 9, AppointmentStatus.CANCELLED)
    attended = session_on(vault, client, DAY, 15)
    assert record_measure(vault, client.id, "gad7", {"1": 1}, DAY).response.appointment_id \
        == attended.id
    alone = record_measure(vault, client.id, "gad7", {"1": 1}, DAY - timedelta(days=3))
    assert alone.response.appointment_id is None  # no session that day: not linked


def test_bad_entries_are_refused_in_one_sentence_and_nothing_is_stored(vault: Any) -> None:
    client, other = add_client(vault), add_client(vault, "Bo Chen")
    foreign = session_on(vault, other, DAY)
    today = today_in_practice(vault)
    cases = [
        ({}, DAY, None, "No PHQ-9 item was answered"),
        ({"1": 7}, DAY, None, "PHQ-9 item 1 takes one of 0, 1, 2, 3"),
        ({"12": 1}, DAY, None, "PHQ-9 has no item 12"),
        ({"1": 1}, today + timedelta(days=1), None, "a day in the future"),
        ({"1": 1}, DAY, foreign.id, "belongs to another client"),
    ]
    for answers, day, appointment, sentence in cases:
        with pytest.raises(InvalidInput, match=sentence):
            record_measure(vault, client.id, "phq9", answers, day, appointment_id=appointment)
    with pytest.raises(InvalidInput, match="no measure called 'bdi'"):
        record_measure(vault, client.id, "bdi", {"1": 1}, DAY)
    assert vault.measures.for_client(client.id) == []


def test_latest_first_and_deletion_is_audited(vault: Any) -> None:
    client = add_client(vault)
    first = record_measure(vault, client.id, "phq9", phq9(17), DAY - timedelta(days=14))
    record_measure(vault, client.id, "phq9", phq9(12), DAY, source=Source.CLIENT)
    rows = measures_of_client(vault, client.id)
    assert [r.response.total for r in rows] == [12, 17]
    assert rows[0].response.source is Source.CLIENT
    delete_measure(vault, first.response.id)
    assert [r.response.total for r in measures_of_client(vault, client.id)] == [12]
    actions = [r[0] for r in vault.query("SELECT action FROM audit_log WHERE entity = 'measure'")]
    assert actions == ["create", "create", "delete"]


def test_a_blank_risk_item_is_never_silent(vault: Any) -> None:
    client = add_client(vault)
    answers = phq9(10)
    answers.pop("9")
    recorded = record_measure(vault, client.id, "phq9", answers, DAY)
    assert recorded.blank_risk == ("9",) and recorded.screens == ()
    assert recorded.score.total == 11 and recorded.score.prorated  # 10 * 9 / 8, prorated
