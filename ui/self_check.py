"""The self-check's window steps (app/self_check.py runs them, offscreen, on its demo vault):
the Qt plugins a desktop needs are in this installation, the window opens to the unlock screen
and on into the practice, the app icon is there in every size, and About can be shown."""

from __future__ import annotations

import ctypes
import os
import sys
from pathlib import Path

from PySide6.QtCore import QEventLoop, QLibraryInfo, QTimer
from PySide6.QtGui import QImageReader

from app.self_check import Scratch, Step
from app.settings import DeviceSettings
from app.vaults import DEMO_PASSPHRASE
from models.errors import StillnoteError
from ui.about_dialog import AboutDialog
from ui.app_icon import ICON_SIZES
from ui.application import application
from ui.shell import StillnoteWindow
from ui.unlock_screen import UnlockScreen

UNLOCK_TIMEOUT_MS = 120_000  # the key derivation and the practice view, on a slow machine
# The platform plugins a desktop of each kind needs, as file name stems in plugins/platforms.
PLATFORM_PLUGINS = {"linux": ("qxcb", "qwayland", "qoffscreen"), "darwin": ("qcocoa",),
                    "win32": ("qwindows",)}


def _loadable_plugins() -> tuple[str, ...]:
    """The plugins loaded here to prove their libraries are all there: X11's wherever (every
    Linux desktop runs X11 programs), Wayland's in a Wayland session, which has its libraries."""
    if sys.platform.startswith("linux"):
        return ("qxcb", "qwayland") if os.environ.get("WAYLAND_DISPLAY") else ("qxcb",)
    return PLATFORM_PLUGINS.get(sys.platform, ())


def _plugins() -> str:
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    platforms = folder / "platforms"
    found = {p.name.split(".")[0].removeprefix("lib"): p
             for p in (platforms.iterdir() if platforms.is_dir() else [])}
    wanted = PLATFORM_PLUGINS.get(sys.platform, ())
    missing = [name for name in wanted if name not in found]
    if missing:
        raise StillnoteError(f"Qt's platform plugins {', '.join(missing)} are missing from "
                             f"{folder}.")
    loaded = _loadable_plugins()
    for name in loaded:
        try:
            ctypes.CDLL(str(found[name]))  # loads the libraries it needs; runs no Qt code
        except OSError as exc:
            raise StillnoteError(f"Qt's {name} plugin cannot load: {str(exc)[:160]}.") from None
    formats = {bytes(f.data()).decode() for f in QImageReader.supportedImageFormats()}
    if not {"png", "svg"} <= formats:
        raise StillnoteError("Qt cannot read PNG and SVG images (its image plugins are missing).")
    return f"Qt plugins {', '.join(wanted)} ({', '.join(loaded)} loaded), svg"


def _wait_for_unlock(window: StillnoteWindow) -> None:
    """Until the demo practice is open, the unlock screen shows an error, or time is up."""
    loop = QEventLoop()
    window.unlocked.connect(loop.quit)
    poll = QTimer()
    poll.timeout.connect(lambda: _quit_on_error(window, loop))
    poll.start(100)
    QTimer.singleShot(UNLOCK_TIMEOUT_MS, loop.quit)
    if window.is_locked():
        loop.exec()
    poll.stop()


def _quit_on_error(window: StillnoteWindow, loop: QEventLoop) -> None:
    screen = window.screen_widget
    if isinstance(screen, UnlockScreen) and screen.error.text():
        loop.quit()


def _window(scratch: Scratch) -> str:
    plugins = _plugins()
    app = application()
    sizes = {s.width() for s in app.windowIcon().availableSizes()}
    if not set(ICON_SIZES) <= sizes:
        raise StillnoteError("The app icon is missing sizes "
                             f"{sorted(set(ICON_SIZES) - sizes)}.")
    window = StillnoteWindow(scratch.vault_dir, DeviceSettings(), demo_passphrase=DEMO_PASSPHRASE)
    try:
        window.show()
        _wait_for_unlock(window)
        if window.is_locked() or window.main_view is None:
            screen = window.screen_widget
            said = screen.error.text() if isinstance(screen, UnlockScreen) else ""
            raise StillnoteError(said or "The window did not open the demo practice.")
        pages = window.main_view.pages.count()
        about = AboutDialog(window.settings, window)
        if not about.facts.version or not about.facts.fonts or not about.facts.models:
            raise StillnoteError("The About dialog lacks the version or the licences.")
        about.close()
        window.lock()
    finally:
        window.close()
        window.deleteLater()
    return f"unlock screen, practice ({pages} pages), About, icon {len(sizes)} sizes; {plugins}"


def window_steps() -> list[Step]:
    return [("window", _window)]
