"""Shared widgets: page titles sit flush with their page."""

from __future__ import annotations

from typing import Any

from tests.ui.conftest import Boxes


def test_titles_sit_flush_with_their_page(qtbot: Any, unlocked: Any, boxes: Boxes) -> None:
    from PySide6.QtWidgets import QLabel

    for name in ("Today", "Clients", "Calendar", "Settings"):
        page = unlocked.main_view.go_to(name)
        titles = [label for label in page.findChildren(QLabel)
                  if label.objectName() == "pageTitle"]
        assert titles and all(label.indent() == 0 for label in titles)
