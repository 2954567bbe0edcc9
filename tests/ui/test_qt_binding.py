"""The Qt binding itself must not crash a long session.

PySide6 6.12.0 drops a reference to None on void Qt calls; on Python 3.11, where None is not
immortal, the process then aborts with "Fatal Python error: none_dealloc" — minutes into a real
session. pyproject.toml pins a binding without the bug; this test keeps it that way. The calls
run in a child process because the failure is an abort that would take pytest down with it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

LONG_SESSION = textwrap.dedent("""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QPushButton, QVBoxLayout, QWidget

    app = QApplication([])
    window = QWidget()
    layout = QVBoxLayout(window)
    button = QPushButton("Sign")
    layout.addWidget(button)
    window.show()
    calls = [0]

    def tick():
        for _ in range(100):
            window.update()
            button.setEnabled(calls[0] % 2 == 0)
            layout.invalidate()
            calls[0] += 1
        if calls[0] >= 20_000:
            app.quit()

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(0)
    app.exec()
    del window, layout, button, timer, app
    print("survived")
""")


def test_a_long_session_of_qt_calls_does_not_abort_python() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", LONG_SESSION], env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-500:]
    assert "survived" in result.stdout
