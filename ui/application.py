"""Start the window: Qt application, stylesheet, error hook, and the top-level window."""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from app.settings import DeviceSettings, load_settings
from app.startup import seconds_since_process_start
from models.common import set_date_style
from ui import theme
from ui.app_icon import DESKTOP_ID, app_icon
from ui.errors import install_excepthook
from ui.shell import StillnoteWindow
from ui.worker import wait_for_writes


def stylesheet() -> str:
    """The light stylesheet at the normal text size (ui.theme builds every variant)."""
    return theme.stylesheet()


def add_bundled_fonts() -> None:
    """Make the fonts in resources/fonts available to Qt: names in any script (Greek, Chinese…)
    then render even on a system without such fonts, as they do in the PDFs."""
    for font_file in sorted((theme.RESOURCES / "fonts").glob("*.ttf")):
        QFontDatabase.addApplicationFont(str(font_file))


def application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        QApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("Stillnote")
    app.setApplicationDisplayName("Stillnote")
    app.setOrganizationName("Stillnote")
    app.setWindowIcon(app_icon())  # every window's, and the task bar's on X11 and Windows
    app.setDesktopFileName(DESKTOP_ID)  # Wayland's task bar takes the icon from the entry
    add_bundled_fonts()
    font = app.font()
    font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    app.setFont(font)
    app.setStyle("Fusion")
    theme.apply(app)
    return app


class _FirstPaint(QObject):
    """`--startup-time`: once the window has painted its first screen, say how long that took
    from the process's start, and quit."""

    def __init__(self, window: StillnoteWindow) -> None:
        super().__init__(window)
        self.window = window
        self.reported = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.Paint and not self.reported:
            self.reported = True
            QTimer.singleShot(0, self.report)  # after this paint has reached the screen
        return False

    def report(self) -> None:
        seconds = seconds_since_process_start()
        print(f"{self.window.windowTitle()}: first screen shown {seconds:.2f} s after the "
              "process started", flush=True)
        self.window.close()
        QApplication.quit()


def apply_look(app: QApplication, settings: DeviceSettings) -> None:
    """The device's theme and text size, and the date format, on the whole application."""
    theme.apply(app, settings.theme, settings.text_scale)
    set_date_style(settings.date_style)
    theme.follow_system(app, lambda: (settings.theme, settings.text_scale))


def run(vault_dir: Path, demo_passphrase: str = "", report_startup: bool = False) -> int:
    logging.basicConfig(level=logging.WARNING, format="stillnote: %(name)s: %(message)s")
    app = application()
    install_excepthook()
    settings = load_settings()
    apply_look(app, settings)
    window = StillnoteWindow(vault_dir, settings, demo_passphrase=demo_passphrase)
    if report_startup:
        _FirstPaint(window)
    window.show()
    code = int(app.exec())
    quit_now(code)
    return code  # not reached


def quit_now(code: int) -> None:
    """End the process as soon as the window has closed.

    By now every note window has saved and the vault is closed (the window's closeEvent).
    What remains would keep the process alive for seconds after the window is gone: Qt's
    thread pool waiting for a keyring lookup hung on D-Bus or the warm-up import, the llama.cpp
    model being freed, and Python tearing down every widget of the practice one by one. So:
    wait only for work that writes what the therapist asked for (a backup, an export), flush
    the logs, and exit without that teardown.
    """
    wait_for_writes()
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(code)
