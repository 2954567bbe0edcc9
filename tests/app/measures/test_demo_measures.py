"""The demo practice's measures: months of PHQ-9 and GAD-7 for most clients, improving, flat and
worsening courses, one positive item 9 on an unsigned note, schedules with something due."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from app.demo import build_demo_practice
from app.measures.charts import chart_for
from app.measures.entry import measures_of_client
from app.measures.schedules import measures_due
from app.notes.workflow import load_context, sign_blockers
from storage.vault import Vault

TODAY = date(2026, 12, 1)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    vault, _ = Vault.create(tmp_path_factory.mktemp("demo") / "v", "demo measures")
    counts = build_demo_practice(vault, TODAY)
    yield vault, counts
    vault.close()


def course(vault: Any, client_id: int, key: str) -> list[int]:
    return [p.total for p in chart_for(vault, client_id, key).points]


def test_most_clients_have_months_of_phq9_and_gad7(demo: Any) -> None:
    vault, counts = demo
    clients = sorted(vault.clients.list(), key=lambda c: c.id)
    measured = [c for c in clients if {"phq9", "gad7"} <= {
        r.instrument.key for r in measures_of_client(vault, c.id)}]
    assert len(measured) >= len(clients) * 2 // 3 and counts["measures"] > 100
    spans = [(max(r.response.taken_on for r in measures_of_client(vault, c.id))
              - min(r.response.taken_on for r in measures_of_client(vault, c.id))).days
             for c in measured]
    assert min(spans) >= 60


def test_improving_flat_and_worsening_courses(demo: Any) -> None:
    vault, _ = demo
    by_name = {c.legal_name: c.id for c in vault.clients.list()}
    eleni = course(vault, by_name["Ελένη Παπαδοπούλου"], "phq9")
    tom = course(vault, by_name["Thomas Becker"], "phq9")
    alex = course(vault, by_name["Alex Kim"], "phq9")
    assert eleni[0] - eleni[-1] >= 6  # improving, reliably
    assert abs(tom[0] - tom[-1]) <= 2  # flat
    assert alex[-1] - alex[0] >= 6  # worsening
    kinds = {m.kind.value for m in chart_for(vault, by_name["Ελένη Παπαδοπούλου"], "phq9").markers}
    assert "clinically significant improvement" in kinds


def test_one_positive_item_9_waits_in_an_unsigned_note(demo: Any) -> None:
    vault, _ = demo
    positive = [r for c in vault.clients.list() for r in measures_of_client(vault, c.id)
                if r.screens]
    assert len(positive) == 1
    [given] = positive
    assert given.instrument.key == "phq9" and given.screens[0].item == "9"
    note = vault.notes.for_appointment(given.response.appointment_id)
    assert note is not None and not note.is_signed  # the draft the safety rule holds back
    assert note.prompts["risk"] == "denied suicidal and homicidal ideation"
    assert sign_blockers(load_context(vault, note))[0].startswith(
        "PHQ-9 item 9 was answered “Several days” on 11/25/2026")


def test_schedules_make_something_due(demo: Any) -> None:
    vault, _ = demo
    due = [d for c in vault.clients.list(active_only=True)
           for d in measures_due(vault, c.id, TODAY)]
    assert due and all(d.reason for d in due)


def test_the_demo_is_reproducible(tmp_path: Path, demo: Any) -> None:
    vault, _ = demo
    again, _ = Vault.create(tmp_path / "again", "demo measures")
    with again:
        build_demo_practice(again, TODAY)
        assert [(r.instrument, r.taken_on, r.answers) for r in again.measures.all()] == \
            [(r.instrument, r.taken_on, r.answers) for r in vault.measures.all()]
