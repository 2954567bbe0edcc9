"""The calendar page: views switched by keys, today marked, the practice's working hours."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.practice import practice_profile, save_practice_profile
from tests.ui.conftest import Boxes, workspace_of
from tests.ui.helpers import add_client, at, book


def test_alt_d_w_m_switch_views_and_alt_arrows_move(qtbot: Any, unlocked: Any,
                                                    boxes: Boxes) -> None:
    page = unlocked.main_view.go_to("Calendar")
    unlocked.activateWindow()  # shortcuts and mnemonics reach the active window
    qtbot.waitUntil(unlocked.isActiveWindow)
    page.grid.setFocus()
    assert page.view == "week" and len(page.header.days) == 7
    assert page.header.today == at(0, 9).date() and page.header.today in page.header.days
    QTest.keyClick(page.focusWidget() or page, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    assert page.view == "day" and page.header.days == [at(0, 9).date()]
    QTest.keyClick(page.focusWidget() or page, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert page.anchor == at(1, 9).date()
    QTest.keyClick(page.focusWidget() or page, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    assert page.view == "month" and page.stack.currentWidget() is page.month
    QTest.keyClick(page.focusWidget() or page, Qt.Key.Key_Home, Qt.KeyboardModifier.AltModifier)
    assert page.anchor == at(0, 9).date()
    QTest.keyClick(page.focusWidget() or page, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)
    assert page.view == "week"


def test_working_hours_come_from_the_practice(qtbot: Any, unlocked: Any, boxes: Boxes) -> None:
    ws = workspace_of(unlocked)
    profile = ws.do(practice_profile)
    ws.do(save_practice_profile, replace(profile, working_hours="07:30-15:00",
                                         working_days="1234"))
    book(unlocked, add_client(unlocked), days=1, hour=16)  # after hours: still shown
    page = unlocked.main_view.go_to("Calendar")
    page.anchor = at(1, 9).date()
    page.set_view("day")
    assert page.schedule is not None
    assert [t.strftime("%H:%M") for t in page.schedule.work_hours] == ["07:30", "15:00"]
    assert page.schedule.working_days == "1234"
    assert page.grid.first_working_minute() == 7 * 60 + 30
    assert len(page.grid.blocks) == 1
