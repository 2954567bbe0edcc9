"""Light and dark, and the text size: one stylesheet (resources/style.qss, written in the light
colours) and the Qt palette that custom-drawn widgets (the calendar) paint with.

The dark look maps every colour of the stylesheet to its dark counterpart (a test checks that
none is missing), so a rule added to the stylesheet needs one line here rather than a second
stylesheet to keep in step. "System" follows the desktop's colour scheme, also when it changes
while Stillnote is open. The text size scales every point size of the stylesheet and the
application font, so the whole window grows together.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
STYLE_FILE = RESOURCES / "style.qss"
THEMES = (("system", "Follow the system"), ("light", "Light"), ("dark", "Dark"))
TEXT_SCALES = (90, 100, 115, 130, 150)
BASE_POINT_SIZE = 10.0

# Every colour of style.qss (light) and what it becomes in the dark look.
DARK: dict[str, str] = {
    # backgrounds
    "#f5f4f0": "#1c2124", "#ffffff": "#252b2f", "#e8ece9": "#20272a", "#f8f8f5": "#2a3034",
    "#f0efe9": "#2c3337", "#fbfaf4": "#2a2e27", "#f1f1ee": "#2a2f32", "#fff4e0": "#3a2f1c",
    "#eef5f4": "#22312f",
    # text
    "#23313a": "#dde3e6", "#1f3a40": "#cfe6e3", "#10262a": "#eef6f5", "#33444c": "#c9d3d6",
    "#3c4e55": "#c2ccd0", "#4b5a61": "#b6c1c5", "#56636a": "#a9b5b9", "#5b676d": "#a2aeb3",
    "#6a747a": "#94a0a5", "#7b858a": "#87939a", "#fffffe": "#ffffff", "#f4f7f6": "#cfdedd",
    "#a7adaf": "#6b757a", "#6b4500": "#f3cf8f", "#8a5a00": "#e0b060",
    # borders, rules, scroll bars
    "#dedbd2": "#3a4246", "#e0ddd4": "#394145", "#ebe8e0": "#353c40", "#d5dbd7": "#333b3e",
    "#dce3df": "#2f393c", "#c9cec9": "#465055", "#cfd4d0": "#4a5458", "#dddcd6": "#3a4145",
    "#e6e4dd": "#343b3f", "#b9c4bf": "#4d585c", "#c5cdcf": "#4a5559", "#9fabae": "#6a777c",
    "#9aaaaa": "#5f6e70", "#b6ad8a": "#7a7150", "#f0c987": "#7a5f2a",
    "#c9dedb": "#35504d",
    # the accent and selections
    "#2f6f6d": "#3f8f8b", "#285f5d": "#357a76", "#5a9c99": "#6cc0bb", "#a9c3c1": "#2f4a49",
    "#a9d0cd": "#2f5c5a", "#cfe4e2": "#2f5452",
    # meaning: saved, error, strength meter
    "#3d7a55": "#6fbf8a", "#a3362a": "#ff8a7a", "#c0583f": "#e07a60", "#d08a3a": "#e0a060",
    "#b6a93c": "#cfc060",
}
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}\b")
_POINTS = re.compile(r"(\d+(?:\.\d+)?)pt\b")

_current = {"dark": False}


def is_dark() -> bool:
    """Whether the dark look is on (status colours and painted widgets follow it)."""
    return _current["dark"]


def resolve(choice: str, app: QGuiApplication | None = None) -> bool:
    """True for dark: the setting, or the desktop's scheme when the setting is "system"."""
    if choice in ("light", "dark"):
        return choice == "dark"
    app = app or QGuiApplication.instance()  # type: ignore[assignment]
    if app is None:
        return False
    return app.styleHints().colorScheme() == Qt.ColorScheme.Dark


def stylesheet(dark: bool = False, scale_percent: int = 100) -> str:
    """The stylesheet in the chosen colours with its point sizes scaled."""
    try:
        text = STYLE_FILE.read_text(encoding="utf-8")
    except OSError:
        return ""  # an unstyled window still works
    text = text.replace("@ICONS@", (RESOURCES / "icons").as_posix())
    if dark:
        text = _COLOUR.sub(lambda m: DARK.get(m.group(0).lower(), m.group(0)), text)
    if scale_percent != 100:
        factor = scale_percent / 100
        text = _POINTS.sub(lambda m: f"{float(m.group(1)) * factor:.1f}pt", text)
    return text


def palette(dark: bool) -> QPalette:
    """The palette behind the stylesheet: what the calendar and other painted widgets use."""
    colours = ({"window": "#1c2124", "text": "#dde3e6", "base": "#252b2f", "alt": "#2a3034",
                "button": "#2a3034", "accent": "#3f8f8b", "on_accent": "#ffffff",
                "muted": "#87939a", "tip": "#2c3337"} if dark else
               {"window": "#f5f4f0", "text": "#23313a", "base": "#ffffff", "alt": "#f8f8f5",
                "button": "#ffffff", "accent": "#2f6f6d", "on_accent": "#ffffff",
                "muted": "#7b858a", "tip": "#ffffff"})
    role = QPalette.ColorRole
    pal = QPalette()
    for r, key in ((role.Window, "window"), (role.WindowText, "text"), (role.Base, "base"),
                   (role.AlternateBase, "alt"), (role.Text, "text"), (role.Button, "button"),
                   (role.ButtonText, "text"), (role.Highlight, "accent"),
                   (role.HighlightedText, "on_accent"), (role.PlaceholderText, "muted"),
                   (role.ToolTipBase, "tip"), (role.ToolTipText, "text"),
                   (role.BrightText, "on_accent"), (role.Link, "accent")):
        pal.setColor(r, QColor(colours[key]))
    for r in (role.Text, role.WindowText, role.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, r, QColor(colours["muted"]))
    return pal


def apply(app: QApplication, choice: str = "system", scale_percent: int = 100) -> bool:
    """Put the look on the whole application; returns whether it is dark."""
    dark = resolve(choice, app)
    _current["dark"] = dark
    scale = scale_percent if scale_percent in TEXT_SCALES else 100
    app.setPalette(palette(dark))
    font = app.font()
    font.setPointSizeF(BASE_POINT_SIZE * scale / 100)
    app.setFont(font)
    app.setStyleSheet(stylesheet(dark, scale))
    return dark


def follow_system(app: QApplication, current_choice: Callable[[], tuple[str, int]]) -> None:
    """Re-apply when the desktop switches between light and dark (if the choice is "system");
    ``current_choice`` gives the theme setting and text size as they are at that moment."""
    def changed(_scheme: object) -> None:
        choice, scale = current_choice()
        if choice == "system":
            apply(app, choice, scale)

    app.styleHints().colorSchemeChanged.connect(changed)
