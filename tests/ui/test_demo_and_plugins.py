"""The demo practice opens unlocked; "Write note" reaches the notes editor; restore a backup."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog, QInputDialog

from app.settings import DeviceSettings
from app.vaults import DEMO_PASSPHRASE, back_up, ensure_demo_vault, vault_exists
from models.appointment import AppointmentStatus
from models.client import Client
from storage import files
from tests.ui.conftest import PASSPHRASE, Boxes, today_in, unlock, workspace_of
from ui import notes
from ui.shell import StillnoteWindow
from ui.unlock_screen import UnlockScreen


def test_demo_opens_unlocked_and_prefills_after_lock(qtbot: Any, boxes: Boxes) -> None:
    vault_dir = files.demo_vault_dir()
    ensure_demo_vault(vault_dir)
    assert vault_exists(vault_dir)
    window = StillnoteWindow(vault_dir, DeviceSettings(), demo_passphrase=DEMO_PASSPHRASE)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: not window.is_locked(), timeout=30000)
    clients = window.main_view.go_to("Clients")
    assert clients.list.count() >= 5
    calendar = window.main_view.go_to("Calendar")
    calendar.shift(-7)
    assert sum(c.list.count() for c in calendar.columns) > 0
    window.lock()
    screen = window.screen_widget
    assert isinstance(screen, UnlockScreen)
    assert screen.secret.text() == DEMO_PASSPHRASE and DEMO_PASSPHRASE in screen.notice.text()
    window.close()


def test_launcher_runs_the_window_on_the_demo_vault(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import app.__main__ as launcher
    import ui.application

    calls: list[tuple[Path, str]] = []
    monkeypatch.setattr(ui.application, "run",
                        lambda vault_dir, demo_passphrase="": calls.append(
                            (vault_dir, demo_passphrase)) or 0)
    assert launcher.main(["--demo"]) == 0
    assert calls == [(files.demo_vault_dir(), DEMO_PASSPHRASE)]
    assert not vault_exists(files.demo_vault_dir())  # the window builds it, with itself shown
    calls.clear()
    assert launcher.main(["--vault", "/nowhere/vault"]) == 0
    assert calls == [(Path("/nowhere/vault"), "")]


def test_the_window_builds_the_demo_on_first_use_then_opens_it(qtbot: Any,
                                                                 boxes: Boxes) -> None:
    from ui.busy_screen import BusyScreen

    vault_dir = files.demo_vault_dir()
    window = StillnoteWindow(vault_dir, DeviceSettings(), demo_passphrase=DEMO_PASSPHRASE)
    qtbot.addWidget(window)
    window.show()
    assert isinstance(window.screen_widget, BusyScreen)  # at once, before the work is done
    assert "Stillnote" in window.windowTitle()
    with qtbot.waitSignal(window.unlocked, timeout=120000):
        pass
    assert vault_exists(vault_dir) and not window.is_locked()
    assert window.workspace is not None and window.workspace.vault.clients.count() >= 10
    window.close()


def test_a_demo_that_cannot_be_built_says_so_in_one_sentence(
        qtbot: Any, boxes: Boxes, tmp_path: Path) -> None:
    from ui.busy_screen import BusyScreen

    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    window = StillnoteWindow(blocker / "demo", DeviceSettings(), demo_passphrase=DEMO_PASSPHRASE)
    qtbot.addWidget(window)
    screen = window.screen_widget
    assert isinstance(screen, BusyScreen)
    with qtbot.waitSignal(screen.failed, timeout=30000) as failed:
        pass
    sentence = failed.args[0]
    assert sentence.startswith("The demo practice could not be created: ")
    assert "Traceback" not in sentence and "\n" not in sentence
    assert window.is_locked()
    window.close()


def test_write_note_on_an_attended_appointment_opens_the_notes_editor(
        qtbot: Any, unlocked: Any, boxes: Boxes, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[int] = []
    monkeypatch.setattr(notes, "open_note_editor",
                        lambda parent, workspace, appointment_id: opened.append(appointment_id))
    from datetime import datetime, time

    from models.appointment import Appointment

    ws = workspace_of(unlocked)
    tz = ws.vault.practice.get().zone
    client = ws.vault.clients.add(Client(legal_name="Rowan Ellis"))
    appt = ws.vault.appointments.add(Appointment(
        client_id=client.id, start=datetime.combine(today_in(tz), time(12, 0), tzinfo=tz),
        status=AppointmentStatus.ATTENDED))
    page = unlocked.main_view.go_to("Today")
    page.table.selectRow(0)
    assert page.note_button.isVisible() and page.note_button.isEnabled()
    page.note_button.click()
    assert opened == [appt.id]


def test_restore_a_backup_from_settings(qtbot: Any, unlocked: Any, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch, boxes: Boxes) -> None:
    backup = tmp_path / "before.stillnote-backup"
    ws = workspace_of(unlocked)
    ws.do(back_up, backup)
    ws.vault.clients.add(Client(legal_name="Added After Backup"))
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(backup), "")))
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: (PASSPHRASE, True)))
    page = unlocked.main_view.go_to("Settings")
    page.restore_button.click()
    qtbot.waitUntil(lambda: isinstance(unlocked.screen_widget, UnlockScreen), timeout=30000)
    screen = unlocked.screen_widget
    assert "restored" in screen.notice.text()
    unlock(qtbot, unlocked, PASSPHRASE)
    assert workspace_of(unlocked).vault.clients.list() == []


def test_real_note_editor_opens_and_closes_with_the_lock(
        qtbot: Any, unlocked: Any, boxes: Boxes) -> None:
    from datetime import datetime, time

    from PySide6.QtWidgets import QApplication

    from models.appointment import Appointment

    ws = workspace_of(unlocked)
    tz = ws.vault.practice.get().zone
    client = ws.vault.clients.add(Client(legal_name="Rowan Ellis", ai_consent=True))
    ws.vault.appointments.add(Appointment(
        client_id=client.id, start=datetime.combine(today_in(tz), time(12, 0), tzinfo=tz),
        status=AppointmentStatus.ATTENDED))
    page = unlocked.main_view.go_to("Today")
    page.table.selectRow(0)
    page.note_button.click()
    others = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not unlocked]
    assert others, boxes.shown
    unlocked.lock()
    assert all(not w.isVisible() for w in others)
