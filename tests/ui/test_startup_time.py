"""`--startup-time`: the window opens as usual, says how long its first screen took from the
process's start, and quits (how CI measures the bundle's start)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REPORT = re.compile(r"^(Stillnote — \w[\w ]*): first screen shown (\d+\.\d\d) s after the "
                    r"process started$")


def _start(vault_dir: Path, data_dir: Path) -> tuple[str, float, float]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "STILLNOTE_DATA_DIR": str(data_dir)}
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "app", "--vault", str(vault_dir),
                           "--startup-time"], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=300)
    wall = time.monotonic() - started
    assert done.returncode == 0, done.stderr
    match = REPORT.match(done.stdout.strip())
    assert match, done.stdout
    return match.group(1), float(match.group(2)), wall


def test_an_existing_vault_starts_on_the_unlock_screen(existing_vault: Path, data_dir: Path
                                                       ) -> None:
    screen, seconds, wall = _start(existing_vault, data_dir)
    assert screen == "Stillnote — Locked"
    assert 0 < seconds <= wall + 0.02  # counted from the process's own start (/proc)


def test_a_first_start_shows_the_setup(data_dir: Path) -> None:
    screen, _seconds, _wall = _start(data_dir / "no-vault-yet", data_dir)
    assert screen == "Stillnote — Set up"
    assert not (data_dir / "no-vault-yet").exists()  # nothing was created by looking
