"""The month view: every day of the month's weeks, a full day ends with "+N more", the arrow
keys walk the days and Enter (or a double-click) opens the day."""

from __future__ import annotations

from calendar import monthrange
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.ui.conftest import Boxes
from tests.ui.helpers import add_client, at, book


def test_a_busy_day_says_how_many_more_and_the_keys_open_a_day(
        qtbot: Any, unlocked: Any, boxes: Boxes) -> None:
    client = add_client(unlocked)
    for hour in range(8, 20):  # twelve sessions tomorrow: more than a cell holds
        book(unlocked, client, days=1, hour=hour)
    page = unlocked.main_view.go_to("Calendar")
    unlocked.resize(1100, 700)
    page.anchor = at(1, 9).date()
    page.set_view("month")
    month = page.month
    day = at(1, 9).date()
    assert day in month.days and len(month.days) % 7 == 0
    assert month.days[0].weekday() == 0  # whole weeks, Monday first
    lines = [ln for ln in month.lines if ln.rect.intersects(month.cell_rect(
        month.days.index(day)))]
    more = [ln for ln in lines if ln.appointment is None]
    shown = [ln for ln in lines if ln.appointment is not None]
    assert len(more) == 1 and more[0].text == f"+{12 - len(shown)} more"
    assert shown[0].text.startswith("08:00 Jo")
    assert "Jo Reyes" in shown[0].tooltip(month.schedule)

    month.setFocus()
    month.current_day = day
    QTest.keyClick(month, Qt.Key.Key_Right)
    assert month.current_day.toordinal() == day.toordinal() + 1
    QTest.keyClick(month, Qt.Key.Key_Left)
    QTest.keyClick(month, Qt.Key.Key_Return)
    assert page.view == "day" and page.anchor == day
    assert len(page.grid.blocks) == 12


def test_walking_off_the_month_shows_the_next_one(qtbot: Any, unlocked: Any,
                                                  boxes: Boxes) -> None:
    page = unlocked.main_view.go_to("Calendar")
    page.set_view("month")
    last = page.anchor.replace(day=monthrange(page.anchor.year, page.anchor.month)[1])
    page.month.current_day = last
    page.month.setFocus()
    before = page.anchor.month
    QTest.keyClick(page.month, Qt.Key.Key_Down)  # a week later: next month
    assert page.anchor.month != before
    assert page.range_label.text().startswith(f"{page.anchor:%B}")
