"""Settings → Export practice… / Import practice…, off the UI thread, with plain errors."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog

from app.practice import export_practice_file
from app.workspace import create_workspace
from models.appointment import Appointment
from models.client import Client
from tests.ui.conftest import PASSPHRASE, Boxes, practice_profile, workspace_of
from ui.pages.practice_transfer import NOT_EMPTY


def _file_dialogs(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[str]:
    asked: list[str] = []

    def answer(*_args: Any, **_kwargs: Any) -> tuple[str, str]:
        asked.append(str(path))
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(answer))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(answer))
    return asked


def _exported_practice(data_dir: Path, out: Path) -> Path:
    """A second practice with one client and one appointment, exported to ``out``."""
    workspace, _key = create_workspace(data_dir / "other", PASSPHRASE, practice_profile())
    try:
        client = workspace.vault.clients.add(Client(legal_name="Rosalind Okonkwo-Baptiste"))
        assert client.id is not None
        workspace.vault.appointments.add(Appointment(
            client_id=client.id, start=datetime(2026, 3, 2, 15, tzinfo=UTC), fee=Decimal("140")))
        workspace.do(export_practice_file, out)
    finally:
        workspace.lock()
    return out


def test_export_practice_writes_the_json_after_a_warning(
        qtbot: Any, unlocked: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        boxes: Boxes) -> None:
    workspace_of(unlocked).vault.clients.add(Client(legal_name="Imogen Castellanos"))
    target = tmp_path / "practice.json"
    _file_dialogs(monkeypatch, target)
    box = unlocked.main_view.go_to("Settings").transfer
    box.export_button.click()
    assert any("not encrypted" in text for text in boxes.texts())
    qtbot.waitUntil(lambda: box.export_button.isEnabled() and not box.is_busy(), timeout=30000)
    data = json.loads(target.read_text(encoding="utf-8"))
    assert [c["legal_name"] for c in data["clients"]] == ["Imogen Castellanos"]
    assert "Exported 1 clients" in box.status.text()


def test_export_is_not_written_when_the_warning_is_declined(
        qtbot: Any, unlocked: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        boxes: Boxes) -> None:
    boxes.answer_yes = False
    asked = _file_dialogs(monkeypatch, tmp_path / "practice.json")
    unlocked.main_view.go_to("Settings").transfer.export_button.click()
    assert asked == [] and not (tmp_path / "practice.json").exists()


def test_import_practice_into_an_empty_practice_shows_it_everywhere(
        qtbot: Any, unlocked: Any, data_dir: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, boxes: Boxes) -> None:
    source = _exported_practice(data_dir, tmp_path / "practice.json")
    _file_dialogs(monkeypatch, source)
    view = unlocked.main_view
    box = view.go_to("Settings").transfer
    with qtbot.waitSignal(box.imported, timeout=30000):
        box.import_button.click()
        assert box.busy.isVisibleTo(box) and not box.import_button.isEnabled()
    qtbot.waitUntil(lambda: box.import_button.isEnabled())
    assert "Imported 1 clients, 1 appointments and 0 notes" in box.status.text()
    names = [c.legal_name for c in workspace_of(unlocked).vault.clients.list()]
    assert names == ["Rosalind Okonkwo-Baptiste"]
    clients = view.go_to("Clients")
    assert clients.list.count() == 1  # the page was refreshed, not left showing the old state


def test_malformed_json_is_one_sentence_and_imports_nothing(
        qtbot: Any, unlocked: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        boxes: Boxes) -> None:
    bad = tmp_path / "broken.json"
    bad.write_text('{"practice": {"clinician_name": "X"}, "clients": [', encoding="utf-8")
    _file_dialogs(monkeypatch, bad)
    box = unlocked.main_view.go_to("Settings").transfer
    box.import_button.click()
    qtbot.waitUntil(lambda: not box.is_busy() and box.import_button.isEnabled(), timeout=30000)
    assert box.error.isVisibleTo(box)
    sentence = box.error.text()
    assert "broken.json is not valid JSON" in sentence and "\n" not in sentence
    assert "Traceback" not in sentence
    assert workspace_of(unlocked).vault.clients.list() == []


def test_a_file_of_the_wrong_shape_is_refused_plainly(
        qtbot: Any, unlocked: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        boxes: Boxes) -> None:
    odd = tmp_path / "list.json"
    odd.write_text("[1, 2, 3]", encoding="utf-8")
    _file_dialogs(monkeypatch, odd)
    box = unlocked.main_view.go_to("Settings").transfer
    box.import_button.click()
    qtbot.waitUntil(lambda: not box.is_busy() and box.import_button.isEnabled(), timeout=30000)
    assert "not a Stillnote practice file" in box.error.text()


def test_import_into_a_practice_with_clients_is_refused_before_choosing_a_file(
        qtbot: Any, unlocked: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        boxes: Boxes) -> None:
    workspace_of(unlocked).vault.clients.add(Client(legal_name="Imogen Castellanos"))
    asked = _file_dialogs(monkeypatch, tmp_path / "practice.json")
    box = unlocked.main_view.go_to("Settings").transfer
    box.import_button.click()
    assert asked == []
    assert box.error.text() == NOT_EMPTY
