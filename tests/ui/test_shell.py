"""The top-level window: the demo, locking (by hand, Ctrl+L, after idle time), and nothing with
PHI surviving a lock: every note window is saved and closed while the vault is still open."""

from __future__ import annotations

from datetime import datetime, time
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QWidget,
)

from app.settings import DeviceSettings
from app.vaults import DEMO_PASSPHRASE, ensure_demo_vault, vault_exists
from models.appointment import Appointment, AppointmentStatus
from models.client import Client
from storage import files
from tests.ui.conftest import PASSPHRASE, Boxes, today_in, unlock, workspace_of
from tests.ui.helpers import (
    SECRET_NAME,
    add_client,
    book,
    note_windows,
    open_note_from_today,
    visible_texts,
)
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
    calendar.shift(-1)  # last week: the demo's sessions
    assert calendar.grid.blocks
    window.lock()
    screen = window.screen_widget
    assert isinstance(screen, UnlockScreen)
    assert screen.secret.text() == DEMO_PASSPHRASE and DEMO_PASSPHRASE in screen.notice.text()
    window.close()


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


def test_real_note_editor_opens_and_closes_with_the_lock(
        qtbot: Any, unlocked: Any, boxes: Boxes) -> None:



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


def test_auto_lock_after_idle(qtbot: Any, unlocked: Any) -> None:
    assert unlocked.idle_lock.is_active()
    assert unlocked.idle_lock.interval_ms() == 10 * 60_000  # the default setting
    workspace = workspace_of(unlocked)
    unlocked.idle_lock.set_interval_ms(300)
    with qtbot.waitSignal(unlocked.locked, timeout=5000):
        pass
    assert unlocked.is_locked()
    assert workspace.is_locked
    assert isinstance(unlocked.screen_widget, UnlockScreen)
    assert unlocked.windowTitle() == "Stillnote — Locked"


def test_lock_now_destroys_phi_widgets_and_dialogs(qtbot: Any, unlocked: Any,
                                                   boxes: Boxes) -> None:
    workspace_of(unlocked).vault.clients.add(Client(legal_name=SECRET_NAME))
    view = unlocked.main_view
    clients = view.go_to("Clients")
    clients.refresh()
    clients.list.setCurrentRow(0)
    assert SECRET_NAME in visible_texts(unlocked)
    clients.detail.edit()
    editors = [d for d in clients.findChildren(QWidget) if d.isWindow() and d.isVisible()]
    assert editors  # the client editor is open, showing the name

    unlocked.lock_action.trigger()  # what Ctrl+L does
    assert unlocked.is_locked()
    assert all(not e.isVisible() for e in editors)
    qtbot.waitUntil(lambda: not shiboken6.isValid(view), timeout=3000)
    assert SECRET_NAME not in visible_texts(unlocked)


    unlock(qtbot, unlocked, PASSPHRASE)
    assert unlocked.main_view is not view


def test_ctrl_l_locks(qtbot: Any, unlocked: Any) -> None:
    with qtbot.waitActive(unlocked):
        unlocked.activateWindow()
    qtbot.keyClick(unlocked.main_view.sidebar, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(unlocked.is_locked, timeout=3000)


def test_lock_closes_other_windows_while_the_vault_is_still_open(
        qtbot: Any, unlocked: Any) -> None:
    seen_open: list[bool] = []

    class Editor(QWidget):
        def closeEvent(self, event: Any) -> None:  # noqa: N802 (Qt API)
            seen_open.append(not workspace.is_locked)  # a note editor saves its draft here
            super().closeEvent(event)

    workspace = workspace_of(unlocked)
    editor = Editor(unlocked.main_view, Qt.WindowType.Window)
    editor.show()
    unlocked.lock()
    assert seen_open == [True]
    assert workspace.is_locked


def test_locking_saves_the_open_note_before_the_vault_closes(
        qtbot: Any, unlocked: Any, boxes: Boxes) -> None:
    client = add_client(unlocked, ai_consent=True)
    appt = book(unlocked, client, status=AppointmentStatus.ATTENDED)
    editor = open_note_from_today(unlocked)
    field = editor.form.fields["presenting_concerns"]
    qtbot.keyClicks(field, "Slept badly all week")
    stored = workspace_of(unlocked).vault.notes.for_appointment(appt.id)
    assert stored.prompts.get("presenting_concerns", "") == ""  # no autosave has run yet

    unlocked.lock()  # at once: the 3-second autosave never ticked
    assert unlocked.is_locked() and note_windows() == []

    unlock(qtbot, unlocked, PASSPHRASE)
    stored = workspace_of(unlocked).vault.notes.for_appointment(appt.id)
    assert stored.prompts["presenting_concerns"] == "Slept badly all week"
    editor = open_note_from_today(unlocked)
    assert editor.form.fields["presenting_concerns"].toPlainText() == "Slept badly all week"
    unlocked.lock()
    assert note_windows() == []


def test_a_vault_that_lost_changes_opens_read_only_and_says_so(
        qtbot: Any, existing_vault: Path, boxes: Boxes) -> None:
    """An older copy of the database put back (issue 15, finding 3): the window opens it for
    reading, says why in one sentence, and refuses every change."""
    import shutil

    import pytest

    from app.workspace import open_workspace
    from models.errors import VaultError

    workspace = open_workspace(existing_vault, PASSPHRASE)
    workspace.vault.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copyfile(existing_vault / "stillnote.db", existing_vault.parent / "old.db")
    workspace.vault.clients.add(Client("Added after the copy"))
    workspace.lock()
    shutil.copyfile(existing_vault.parent / "old.db", existing_vault / "stillnote.db")
    window = StillnoteWindow(existing_vault, DeviceSettings())
    qtbot.addWidget(window)
    window.show()
    unlock(qtbot, window, PASSPHRASE)
    assert window.windowTitle() == "Stillnote — Read-only"
    [(kind, text)] = boxes.shown
    assert kind == "warning" and "older than the vault's last known state" in text
    with pytest.raises(VaultError, match="read-only"):
        workspace_of(window).vault.clients.add(Client("Refused"))
