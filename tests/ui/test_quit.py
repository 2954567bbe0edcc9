"""Quitting is immediate: closing the window ends the process even while a keyring lookup hangs
(as Secret Service can, waiting on D-Bus), but it still waits for work that writes a file the
therapist asked for. Both run the real launcher (ui.application.run) in a child process."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from app.workspace import create_workspace
from tests.ui.conftest import PASSPHRASE, practice_profile

SCRIPT = textwrap.dedent("""
    import sys, threading, time
    from pathlib import Path
    import keyring
    from keyring.backend import KeyringBackend
    from PySide6.QtCore import QTimer
    import ui.application as launcher
    from ui.worker import Operation

    class HangingKeyring(KeyringBackend):
        priority = 1
        def get_password(self, service, username):
            threading.Event().wait()  # never answers
        def set_password(self, service, username, password):
            pass
        def delete_password(self, service, username):
            pass

    keyring.set_keyring(HangingKeyring())
    out = Path(sys.argv[2])
    shown = launcher.StillnoteWindow.show

    def show(window):
        shown(window)
        if sys.argv[3] == "write":  # a backup-like write still running when the window closes
            def write():
                time.sleep(1.0)
                out.write_text("written", encoding="utf-8")
            Operation(write, window).run()
        QTimer.singleShot(300, window.close)

    launcher.StillnoteWindow.show = show
    launcher.run(Path(sys.argv[1]))
    print("not reached: run() ends the process")
""")


def _run(vault_dir: Path, out: Path, mode: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-c", SCRIPT, str(vault_dir), str(out), mode],
                          capture_output=True, text=True, timeout=120, env=env,
                          cwd=Path(__file__).resolve().parents[2])


def test_closing_ends_the_process_though_the_keyring_hangs(data_dir: Path) -> None:
    vault_dir = data_dir / "vault"
    create_workspace(vault_dir, PASSPHRASE, practice_profile())[0].lock()
    done = _run(vault_dir, data_dir / "unused", "plain")
    assert done.returncode == 0, done.stderr[-2000:]
    assert "not reached" not in done.stdout


def test_closing_waits_for_a_write_in_progress(data_dir: Path) -> None:
    vault_dir = data_dir / "vault"
    create_workspace(vault_dir, PASSPHRASE, practice_profile())[0].lock()
    out = data_dir / "backup.txt"
    done = _run(vault_dir, out, "write")
    assert done.returncode == 0, done.stderr[-2000:]
    assert out.read_text(encoding="utf-8") == "written"
