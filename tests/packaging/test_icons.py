"""The app icon's PNGs are the drawing's renderings at the sizes desktops use, and the .desktop
entry install.sh writes names that icon and the launcher."""

from __future__ import annotations

import configparser
import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
import pytest
from PySide6.QtGui import QImage

from ui.app_icon import DESKTOP_ID, ICON_SIZES, icon_file

ROOT = Path(__file__).resolve().parents[2]
ENTRY = ROOT / "packaging" / "linux" / "stillnote.desktop"


def _make_icons() -> ModuleType:
    script = ROOT / "packaging" / "make_icons.py"
    spec = importlib.util.spec_from_file_location("make_icons", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _pixels(image: QImage) -> Any:
    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    data = np.frombuffer(image.constBits(), dtype=np.uint8, count=image.sizeInBytes())
    return data.reshape(image.height(), image.bytesPerLine())[:, : image.width() * 4].astype(int)


@pytest.mark.parametrize("size", ICON_SIZES)
def test_each_png_is_the_drawing_at_its_size(qapp: Any, size: int) -> None:
    committed = QImage(str(icon_file(size)))
    assert (committed.width(), committed.height()) == (size, size)
    fresh = _make_icons().render(size)
    difference = np.abs(_pixels(committed) - _pixels(fresh))
    assert difference.max() <= 8, "run packaging/make_icons.py after changing stillnote.svg"
    centre = committed.pixelColor(size // 2, size // 2)
    corner = committed.pixelColor(0, 0)
    assert centre.alpha() == 255 and corner.alpha() == 0  # a shape, not a blank square


def test_the_desktop_entry_names_the_icon_and_the_launcher() -> None:
    entry = configparser.ConfigParser(interpolation=None, strict=True)
    entry.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    entry.read(ENTRY, encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application" and desktop["Name"] == "Stillnote"
    assert desktop["Icon"] == DESKTOP_ID == ENTRY.stem
    assert desktop["Exec"] == '"@EXEC@"' and desktop["TryExec"] == "@EXEC@"
    assert desktop["Terminal"] == "false" and desktop["Categories"].endswith(";")
    assert desktop["StartupWMClass"] == "Stillnote"  # Qt's X11 window class: the app's name
