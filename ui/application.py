"""Start the window: Qt application, stylesheet, error hook, and the top-level window."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from app.settings import load_settings
from ui.errors import install_excepthook
from ui.shell import StillnoteWindow

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
STYLE_FILE = RESOURCES / "style.qss"


def stylesheet() -> str:
    """The stylesheet with its icon folder filled in (QSS urls are relative to the cwd)."""
    try:
        text = STYLE_FILE.read_text(encoding="utf-8")
    except OSError:
        return ""  # an unstyled window still works
    return text.replace("@ICONS@", (RESOURCES / "icons").as_posix())


def add_bundled_fonts() -> None:
    """Make the fonts in resources/fonts available to Qt: names in any script (Greek, Chinese…)
    then render even on a system without such fonts, as they do in the PDFs."""
    for font_file in sorted((RESOURCES / "fonts").glob("*.ttf")):
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
    add_bundled_fonts()
    font = app.font()
    font.setPointSize(max(font.pointSize(), 10))
    font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    app.setFont(font)
    app.setStyle("Fusion")
    app.setStyleSheet(stylesheet())
    return app


def run(vault_dir: Path, demo_passphrase: str = "") -> int:
    logging.basicConfig(level=logging.WARNING, format="stillnote: %(name)s: %(message)s")
    app = application()
    install_excepthook()
    window = StillnoteWindow(vault_dir, load_settings(), demo_passphrase=demo_passphrase)
    window.show()
    return int(app.exec())
