"""The demo practice's documents, as the command-line contract promises them: for most clients a
signed intake assessment and a current treatment plan, one plan with an earlier revision, and a
discharged client with a discharge summary; every signed one is as it was signed."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest

from app.demo import build_demo_practice
from app.documents.plans import current_plan, standing_of
from app.notes.signature import signature_problem
from models.client import ClientStatus
from models.note import NoteFormat
from storage.vault import Vault

TODAY = date(2026, 11, 20)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    vault, _ = Vault.create(tmp_path_factory.mktemp("demo-docs") / "vault", "pw")
    build_demo_practice(vault, today=TODAY)
    yield vault
    vault.close()


def test_most_clients_have_a_signed_intake_and_a_plan_in_force(demo: Any) -> None:
    active = [c for c in demo.clients.list() if c.status is ClientStatus.ACTIVE]
    with_intake = [c for c in active if any(
        n.is_signed for n in demo.notes.for_client(c.id, NoteFormat.INTAKE))]
    with_plan = [c for c in active if current_plan(demo, c.id) is not None]
    assert len(with_intake) > len(active) / 2 and len(with_plan) > len(active) / 2
    assert any(standing_of(demo, c.id, TODAY).notice() for c in active)  # one has no plan yet


def test_one_plan_was_revised_and_its_first_version_kept(demo: Any) -> None:
    plans = demo.notes.of_format(NoteFormat.TREATMENT_PLAN)
    revisions = [p for p in plans if p.revises is not None]
    assert revisions
    first = demo.notes.get(revisions[0].revises)
    assert first.is_signed and first.client_id == revisions[0].client_id


def test_the_discharged_client_has_a_discharge_summary(demo: Any) -> None:
    discharged = [c for c in demo.clients.list() if c.status is ClientStatus.DISCHARGED]
    assert discharged
    summaries = [n for c in discharged for n in demo.notes.for_client(c.id, NoteFormat.DISCHARGE)]
    assert summaries and "sessions attended" in summaries[0].prompts["episode"]


def test_every_signed_document_is_as_it_was_signed(demo: Any) -> None:
    for fmt in (NoteFormat.INTAKE, NoteFormat.TREATMENT_PLAN, NoteFormat.DISCHARGE):
        for note in demo.notes.of_format(fmt):
            assert note.sections, note.id
            if note.is_signed:
                assert signature_problem(demo, note, demo.notes.addenda(note.id)) == "", note.id
