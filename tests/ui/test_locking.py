"""The practice locks after idle time and on demand, and nothing with PHI survives the lock."""

from __future__ import annotations

import logging
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from app.settings import load_settings
from models.client import Client
from models.errors import InvalidInput
from tests.ui.conftest import PASSPHRASE, Boxes, unlock, workspace_of
from ui import errors
from ui.idle_lock import IdleLock
from ui.unlock_screen import UnlockScreen

SECRET_NAME = "Marisol Quintanilla-Oduya"


def _visible_texts(root: QWidget) -> str:
    parts = [root.windowTitle()]
    for w in root.findChildren(QWidget):
        if isinstance(w, QLabel | QLineEdit):
            parts.append(w.text())
    return "\n".join(parts)


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


def test_user_input_postpones_the_idle_lock(qtbot: Any) -> None:
    idle = IdleLock(1)
    idle.set_interval_ms(400)
    idle.start()
    fired: list[bool] = []
    idle.idle.connect(lambda: fired.append(True))
    target = QWidget()
    qtbot.addWidget(target)
    for _ in range(4):  # keep "typing" for longer than the interval
        qtbot.wait(150)
        QCoreApplication.sendEvent(target, _key_event())
    assert not fired
    qtbot.waitUntil(lambda: bool(fired), timeout=3000)
    idle.stop()


def _key_event() -> QEvent:
    from PySide6.QtGui import QKeyEvent

    return QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a")


def test_idle_minutes_zero_means_never(qtbot: Any) -> None:
    idle = IdleLock(0)
    idle.start()
    assert not idle.is_active()
    idle.set_minutes(5)
    assert idle.is_active()
    idle.stop()


def test_lock_now_destroys_phi_widgets_and_dialogs(qtbot: Any, unlocked: Any,
                                                   boxes: Boxes) -> None:
    workspace_of(unlocked).vault.clients.add(Client(legal_name=SECRET_NAME))
    view = unlocked.main_view
    clients = view.go_to("Clients")
    clients.refresh()
    clients.list.setCurrentRow(0)
    assert SECRET_NAME in _visible_texts(unlocked)
    clients.detail.edit()
    editors = [d for d in clients.findChildren(QWidget) if d.isWindow() and d.isVisible()]
    assert editors  # the client editor is open, showing the name

    unlocked.lock_action.trigger()  # what Ctrl+L does
    assert unlocked.is_locked()
    assert all(not e.isVisible() for e in editors)
    qtbot.waitUntil(lambda: not shiboken6.isValid(view), timeout=3000)
    assert SECRET_NAME not in _visible_texts(unlocked)


    unlock(qtbot, unlocked, PASSPHRASE)
    assert unlocked.main_view is not view


def test_ctrl_l_locks(qtbot: Any, unlocked: Any) -> None:
    with qtbot.waitActive(unlocked):
        unlocked.activateWindow()
    qtbot.keyClick(unlocked.main_view.sidebar, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(unlocked.is_locked, timeout=3000)


def test_settings_change_idle_minutes(qtbot: Any, unlocked: Any) -> None:
    settings_page = unlocked.main_view.go_to("Settings")
    settings_page.idle_minutes.setValue(3)
    assert unlocked.idle_lock.interval_ms() == 3 * 60_000
    assert load_settings().idle_lock_minutes == 3
    assert not settings_page.remember.isEnabled()  # no keyring in tests by default


def test_errors_are_one_sentence_and_logs_carry_no_phi(
        qtbot: Any, boxes: Boxes, caplog: Any) -> None:
    errors.show_error(None, InvalidInput("The fee must be a number."))
    assert boxes.texts()[-1] == "The fee must be a number."
    with caplog.at_level(logging.ERROR):
        errors._excepthook(ValueError, ValueError(SECRET_NAME), None)
    assert boxes.texts()[-1] == errors.GENERIC_SENTENCE
    assert "ValueError" in caplog.text and SECRET_NAME not in caplog.text


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
