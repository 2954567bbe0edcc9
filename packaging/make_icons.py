"""Render the app icon's PNGs from its drawing: run after changing resources/icons/stillnote.svg.

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/make_icons.py

The PNGs are committed (the window, the bundle and the .desktop entry use them as they are);
tests/packaging/test_icons.py fails when they no longer match the drawing.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ui.app_icon import DRAWING, ICON_SIZES, icon_file  # noqa: E402


def render(size: int) -> QImage:
    """The drawing at ``size`` x ``size`` pixels, antialiased, on a transparent background."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(DRAWING)).render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def main() -> int:
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    for size in ICON_SIZES:
        if not render(size).save(str(icon_file(size)), "PNG"):
            sys.stderr.write(f"could not write {icon_file(size)}\n")
            return 1
        print(icon_file(size))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
