"""`Stillnote --self-check` from source: every step on a throw-away demo vault with the real
default model, the window's steps offscreen, the vault deleted after, and a broken install
named at the step that broke."""

from __future__ import annotations

import importlib
import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from app.self_check import FAILED, PASSED, _timed, run_self_check
from storage.files import models_dir
from tests.fixtures.default_model import place_default_model

ROOT = Path(__file__).resolve().parents[2]
CORE = ["installation", "demo vault", "model", "draft", "sign", "note PDF", "measures PDF",
        "calendar .ics", "audit chain"]


def _steps(output: str) -> dict[str, str]:
    """Step name -> what it said, from lines such as '  draft   1.23 s  SOAP note ...'."""
    found = {}
    for line in output.splitlines():
        match = re.match(r"  (\S.*?)\s+(\d+\.\d\d) s  (.*)$", line)
        if match:
            found[match.group(1)] = match.group(3)
    return found


def _scratch_folders(temp_dir: Path) -> list[Path]:
    return list(temp_dir.glob("stillnote-self-check-*"))


@pytest.mark.slow
def test_the_command_checks_everything_and_leaves_only_the_unpacked_model(
        default_model_path: Path, data_dir: Path, temp_dir: Path) -> None:
    place_default_model(default_model_path, models_dir())
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "STILLNOTE_DATA_DIR": str(data_dir),
           "TMPDIR": str(temp_dir)}
    done = subprocess.run([sys.executable, "-m", "app", "--self-check"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    steps = _steps(done.stdout)
    assert list(steps) == [*CORE, "window", "delete vault"]
    assert "written with the model" in steps["draft"]
    assert "with its charts" in steps["measures PDF"]
    assert "unlock screen, practice" in steps["window"] and "qxcb" in steps["window"]
    assert done.stdout.rstrip().endswith(PASSED)
    assert _scratch_folders(temp_dir) == []  # the demo vault and its exports are gone
    assert sorted(p.name for p in data_dir.iterdir()) == ["models"]  # no vault, no settings


def test_a_broken_install_fails_at_its_step_and_still_deletes_the_vault(
        tmp_path: Path, temp_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    # The models folder cannot be made (even root cannot make a folder inside a file).
    monkeypatch.setenv("STILLNOTE_DATA_DIR", str(blocker / "data"))
    out = io.StringIO()
    assert run_self_check(out) == 1
    steps = _steps(out.getvalue())
    assert list(steps) == ["installation", "demo vault", "model", "delete vault"]
    assert steps["model"].startswith("FAILED: ") and "could not be written" in steps["model"]
    assert out.getvalue().rstrip().endswith(f"Self-check failed at model: {FAILED}")
    assert _scratch_folders(temp_dir) == []


def test_a_module_the_build_left_out_is_named() -> None:
    """As the bundle once failed: lemminflect's pickled models load numpy.core.multiarray by
    name; the line tells support which module to add to packaging/bundle_contents.py."""
    out = io.StringIO()
    assert _timed(out, "draft", lambda: str(importlib.import_module("numpy.core.left_out"))
                  ) == "draft"
    assert "FAILED: ModuleNotFoundError (numpy.core.left_out does not load)" in out.getvalue()
