"""Light and dark, following the system by default, and the text size: switched in Settings,
the whole window follows (stylesheet, palette, painted calendar, status colours)."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from app.settings import load_settings
from models.appointment import AppointmentStatus
from tests.ui.conftest import Boxes
from ui import theme
from ui.widgets import status_colour


def test_every_colour_of_the_stylesheet_has_a_dark_one() -> None:
    light = theme.stylesheet(dark=False)
    colours = {c.lower() for c in re.findall(r"#[0-9a-fA-F]{6}\b", light)}
    assert colours and colours <= set(theme.DARK)
    dark = theme.stylesheet(dark=True)
    assert not ({c.lower() for c in re.findall(r"#[0-9a-fA-F]{6}\b", dark)} - set(
        theme.DARK.values()))


def test_choosing_dark_then_light_in_settings(qtbot: Any, unlocked: Any, boxes: Boxes) -> None:
    app = QApplication.instance()
    settings_page = unlocked.main_view.go_to("Settings")
    box = settings_page.appearance
    try:
        box.theme.setCurrentIndex(box.theme.findData("dark"))
        assert theme.is_dark()
        base = app.palette().color(QPalette.ColorRole.Base)
        assert base.lightness() < 80
        assert "#1c2124" in app.styleSheet() and "#f5f4f0" not in app.styleSheet()
        assert load_settings().theme == "dark"  # kept for the next start
        calendar = unlocked.main_view.go_to("Calendar")
        image = calendar.grid.grab().toImage()
        assert image.pixelColor(image.width() - 5, 5).lightness() < 80  # painted dark too
        assert status_colour(AppointmentStatus.SCHEDULED).lightness() > 100  # readable on it
        settings_page = unlocked.main_view.go_to("Settings")
        box.theme.setCurrentIndex(box.theme.findData("light"))
        assert not theme.is_dark()
        assert app.palette().color(QPalette.ColorRole.Base).lightness() > 200
    finally:
        theme.apply(app)


def test_todays_notices_follow_the_theme(qtbot: Any, unlocked: Any, boxes: Boxes) -> None:
    """Billing's notice and the measures due on Today take the theme's colours (both once
    carried a light stylesheet of their own: bright boxes on the dark theme)."""
    app = QApplication.instance()
    box = unlocked.main_view.go_to("Settings").appearance
    today = unlocked.main_view.go_to("Today")
    notice = today.billing_notices.estimates
    notice.setText("⚠ A Good Faith Estimate is due")  # as billing's refresh fills it
    measures = today.measures_due  # shown when a client of the day has a measure due
    try:
        for choice, dark in (("dark", True), ("light", False)):
            box.theme.setCurrentIndex(box.theme.findData(choice))
            for panel in (notice, measures):
                panel.show()
                panel.resize(400, 40)
                image = panel.grab().toImage()
                inside = image.pixelColor(image.width() - 20, image.height() // 2)
                assert (inside.lightness() < 100) is dark, (choice, panel, inside.name())
    finally:
        theme.apply(app)


def test_following_the_system_reads_the_desktop_scheme() -> None:
    app = QApplication.instance()
    assert theme.resolve("system", app) is (
        app.styleHints().colorScheme().name == "Dark")
    assert theme.resolve("dark", app) and not theme.resolve("light", app)


def test_text_size_scales_the_whole_window(qtbot: Any, unlocked: Any, boxes: Boxes) -> None:
    app = QApplication.instance()
    box = unlocked.main_view.go_to("Settings").appearance
    normal = unlocked.main_view.today.table.font().pointSizeF()
    try:
        box.text_size.setCurrentIndex(box.text_size.findData(130))
        assert app.font().pointSizeF() == theme.BASE_POINT_SIZE * 1.3
        assert "13.7pt" in app.styleSheet()  # 10.5pt scaled
        today = unlocked.main_view.go_to("Today")
        assert today.table.font().pointSizeF() > normal * 1.2
    finally:
        theme.apply(app)
