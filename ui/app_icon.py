"""The app icon: one drawing (resources/icons/stillnote.svg) and its renderings in the sizes
desktops ask for (stillnote-<size>.png, made by packaging/make_icons.py), so the window, the
task bar, the About dialog and the .desktop entry show the same picture at every size."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon, QPixmap

ICONS_DIR = Path(__file__).resolve().parent.parent / "resources" / "icons"
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
DRAWING = ICONS_DIR / "stillnote.svg"
# The .desktop entry's Icon= and the name Wayland compositors match the window with.
DESKTOP_ID = "stillnote"


def icon_file(size: int) -> Path:
    return ICONS_DIR / f"stillnote-{size}.png"


def app_icon() -> QIcon:
    """Every rendering, so Qt hands each place the size it needs without scaling."""
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(icon_file(size)), QSize(size, size))
    return icon


def icon_pixmap(size: int) -> QPixmap:
    return app_icon().pixmap(QSize(size, size))
