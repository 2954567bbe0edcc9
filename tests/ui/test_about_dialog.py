"""Help > About on the window: version, the model in use and its hash, the terms of what ships,
the promise; and the app icon on the window in every size desktops use."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QPlainTextEdit

from app.about import PROMISE
from app.build_info import version
from drafting.default_model import DEFAULT_MODEL_FILE, DEFAULT_MODEL_SHA256
from ui.about_dialog import AboutDialog
from ui.app_icon import ICON_SIZES

ROOT = Path(__file__).resolve().parents[2]


def _about_action(window: Any) -> Any:
    (help_menu,) = [a.menu() for a in window.menuBar().actions() if a.text() == "&Help"]
    (about,) = help_menu.actions()
    return about


def _tab_text(dialog: AboutDialog, name: str) -> str:
    view = dialog.findChild(QPlainTextEdit, name)
    assert view is not None
    return str(view.toPlainText())


def test_help_about_on_the_locked_window_shows_what_this_copy_is(qtbot: Any, window: Any) -> None:
    assert window.is_locked()
    _about_action(window).trigger()
    dialog = window.about_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.version.text() == f"Version {version()}"
    assert dialog.promise.text() == PROMISE
    assert dialog.model_name.text() == f"Model in use: {DEFAULT_MODEL_FILE}"
    assert dialog.model_hash.text() == f"SHA-256: {DEFAULT_MODEL_SHA256}"
    assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())] == [
        "Fonts", "Models", "Measures", "Software"]
    assert "DejaVu" in _tab_text(dialog, "aboutFonts")
    assert "Gemma Terms of Use" in _tab_text(dialog, "aboutModels")
    assert "PHQ-9" in _tab_text(dialog, "aboutMeasures")
    assert "PySide6_Essentials" in _tab_text(dialog, "aboutSoftware")
    dialog.reject()


def test_a_chosen_model_s_hash_is_computed_off_the_ui_thread(qtbot: Any, tiny_gguf: Path,
                                                            window: Any) -> None:
    window.settings.model_path = str(tiny_gguf)
    _about_action(window).trigger()
    dialog = window.about_dialog
    assert dialog.model_name.text() == "Model in use: tiny.gguf"
    expected = hashlib.sha256(tiny_gguf.read_bytes()).hexdigest()
    qtbot.waitUntil(lambda: dialog.model_hash.text() == f"SHA-256: {expected}", timeout=10000)
    dialog.reject()


def test_the_window_and_the_task_bar_get_the_icon_in_every_size() -> None:
    """In a process of its own: the application object is the window's, styled for good."""
    probe = ("from ui.application import application; app = application(); "
             "print(sorted({s.width() for s in app.windowIcon().availableSizes()}), "
             "app.desktopFileName())")
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True,
                          text=True, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    # Wayland's task bar matches the window to the .desktop entry by that name.
    assert done.stdout.strip() == f"{sorted(ICON_SIZES)} stillnote"
