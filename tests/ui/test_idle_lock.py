"""The idle timer: any user input restarts it; 0 minutes means never."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QWidget

from ui.idle_lock import IdleLock


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
