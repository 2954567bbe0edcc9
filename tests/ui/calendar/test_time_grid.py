"""The week and day time grids, driven with the mouse and keys as a therapist would: a drag
moves a session, a drag of its bottom edge resizes it, a drag onto another session warns of the
double booking first, overlaps sit side by side, long names end at a word."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from models.appointment import AppointmentStatus
from tests.ui.conftest import Boxes, workspace_of
from tests.ui.helpers import TZ, add_client, at, book
from ui.dialogs.appointment_editor import AppointmentEditor
from ui.pages.calendar_page import CalendarPage


def calendar(window: Any, view: str = "day", days: int = 1) -> CalendarPage:
    """The calendar on the day ``days`` from today (tomorrow: nothing of 'now' in the way)."""
    page = window.main_view.go_to("Calendar")
    page.anchor = at(days, 9).date()
    page.set_view(view)
    window.resize(1200, 800)
    page.grid.resize(page.grid_scroll.viewport().width(), page.grid.height())
    page.refresh()
    return page


def drag(grid: Any, start: QPoint, end: QPoint) -> None:
    QTest.mousePress(grid, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    middle = QPoint((start.x() + end.x()) // 2, (start.y() + end.y()) // 2)
    QTest.mouseMove(grid, middle)
    QTest.mouseMove(grid, end)
    QTest.mouseRelease(grid, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)


def test_dragging_a_session_an_hour_down_moves_it(qtbot: Any, unlocked: Any,
                                                   boxes: Boxes) -> None:
    appt = book(unlocked, add_client(unlocked), days=1, hour=10)
    page = calendar(unlocked)
    block = page.grid.block_by_id(appt.id)
    assert block is not None
    grab = block.rect.center().toPoint()
    drag(page.grid, grab, grab + QPoint(0, page.grid.hour_height()))
    moved = workspace_of(unlocked).vault.appointments.get(appt.id)
    assert moved.start.astimezone(TZ).hour == 11 and moved.minutes == 50
    assert page.grid.block_by_id(appt.id).rect.top() > block.rect.top()  # drawn where it went
    assert boxes.shown == []  # nothing to ask: the hour was free


def test_dragging_to_the_next_day_in_the_week_view(qtbot: Any, unlocked: Any,
                                                    boxes: Boxes) -> None:
    first_day = at(0, 9).date() - timedelta(days=at(0, 9).weekday())  # this Monday
    days_ahead = (first_day + timedelta(days=7) - at(0, 9).date()).days  # next Monday
    appt = book(unlocked, add_client(unlocked), days=days_ahead, hour=10)
    page = calendar(unlocked, "week", days_ahead)
    block = page.grid.block_by_id(appt.id)
    grab = block.rect.center().toPoint()
    drag(page.grid, grab, grab + QPoint(int(page.grid.column_width()), 0))
    moved = workspace_of(unlocked).vault.appointments.get(appt.id).start.astimezone(TZ)
    assert moved.date() == (first_day + timedelta(days=8)) and moved.hour == 10


def test_dragging_the_bottom_edge_makes_it_longer(qtbot: Any, unlocked: Any,
                                                  boxes: Boxes) -> None:
    appt = book(unlocked, add_client(unlocked), days=1, hour=10)
    page = calendar(unlocked)
    block = page.grid.block_by_id(appt.id)
    edge = QPoint(int(block.rect.center().x()), int(block.rect.bottom()) - 2)
    drag(page.grid, edge, edge + QPoint(0, page.grid.hour_height() // 2))
    stored = workspace_of(unlocked).vault.appointments.get(appt.id)
    assert stored.minutes == 80 and stored.start.astimezone(TZ).hour == 10


def test_a_drag_onto_another_session_warns_and_no_keeps_it_where_it_was(
        qtbot: Any, unlocked: Any, boxes: Boxes) -> None:
    other = book(unlocked, add_client(unlocked, "Sam Osei Mensah"), days=1, hour=11)
    appt = book(unlocked, add_client(unlocked), days=1, hour=10)
    page = calendar(unlocked)
    boxes.answer_yes = False
    block = page.grid.block_by_id(appt.id)
    grab = block.rect.center().toPoint()
    drag(page.grid, grab, grab + QPoint(0, page.grid.hour_height()))
    assert len(boxes.shown) == 1 and "already booked" in boxes.shown[0][1]
    assert "Book both anyway?" in boxes.shown[0][1]
    vault = workspace_of(unlocked).vault
    assert vault.appointments.get(appt.id).start.astimezone(TZ).hour == 10  # not moved
    assert page.grid.block_by_id(appt.id).rect == block.rect  # drawn back in place
    boxes.answer_yes = True  # now book both: they sit side by side
    drag(page.grid, grab, grab + QPoint(0, page.grid.hour_height()))
    assert vault.appointments.get(appt.id).start == vault.appointments.get(other.id).start
    a, b = page.grid.block_by_id(appt.id).rect, page.grid.block_by_id(other.id).rect
    assert a.top() == b.top() and a.width() == b.width()
    assert a.right() <= b.left() or b.right() <= a.left()  # next to each other, not on top
    assert a.width() < page.grid.column_width() / 2


def test_a_cancelled_session_frees_its_time(qtbot: Any, unlocked: Any, boxes: Boxes) -> None:
    book(unlocked, add_client(unlocked, "Sam Osei Mensah"), days=1, hour=11,
         status=AppointmentStatus.CANCELLED)
    appt = book(unlocked, add_client(unlocked), days=1, hour=10)
    page = calendar(unlocked)
    grab = page.grid.block_by_id(appt.id).rect.center().toPoint()
    drag(page.grid, grab, grab + QPoint(0, page.grid.hour_height()))
    assert boxes.shown == []
    assert workspace_of(unlocked).vault.appointments.get(appt.id).start.astimezone(TZ).hour == 11


def test_long_names_end_at_a_word_and_the_tooltip_has_them_whole(
        qtbot: Any, unlocked: Any, boxes: Boxes) -> None:
    client = add_client(unlocked, "Anastasia Konstantinopoulou-Vasquez")
    appt = book(unlocked, client, days=1, hour=10)
    page = calendar(unlocked, "week")
    unlocked.resize(900, 700)
    page.grid.resize(600, page.grid.height())  # narrow columns
    block = page.grid.block_by_id(appt.id)
    name_line = block.lines[1]
    assert name_line.endswith("…") and not name_line.startswith("Jo Konstantin")
    kept = name_line.rstrip("…").split()
    assert all(word in ["Jo", "Konstantinopoulou-Vasquez"] for word in kept)
    assert "Jo Konstantinopoulou-Vasquez" in block.tooltip


def test_keys_walk_the_sessions_and_enter_opens_one(qtbot: Any, unlocked: Any,
                                                    boxes: Boxes) -> None:
    first = book(unlocked, add_client(unlocked), days=1, hour=9)
    second = book(unlocked, add_client(unlocked, "Sam Osei Mensah"), days=1, hour=14)
    page = calendar(unlocked)
    page.grid.setFocus()
    QTest.keyClick(page.grid, Qt.Key.Key_Down)
    assert page.grid.selected_id == first.id
    QTest.keyClick(page.grid, Qt.Key.Key_Down)
    assert page.grid.selected_id == second.id
    QTest.keyClick(page.grid, Qt.Key.Key_Up)
    assert page.grid.selected_id == first.id
    QTest.keyClick(page.grid, Qt.Key.Key_Return)
    editors = [d for d in page.findChildren(AppointmentEditor) if d.isVisible()]
    assert len(editors) == 1 and editors[0].appointment.id == first.id
    editors[0].reject()


def test_double_click_on_an_empty_time_schedules_there(qtbot: Any, unlocked: Any,
                                                       boxes: Boxes) -> None:
    add_client(unlocked)
    page = calendar(unlocked)
    y = int(page.grid.y_of(15 * 60 + 10))  # 15:10 snaps to 15:00
    QTest.mouseDClick(page.grid, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                      QPoint(page.grid.width() // 2, y))
    editor = next(d for d in page.findChildren(AppointmentEditor) if d.isVisible())
    start = editor.start_time()
    assert (start.date(), start.hour, start.minute) == (at(1, 9).date(), 15, 0)
    editor.reject()
