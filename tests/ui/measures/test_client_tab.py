"""The client page's Measures tab, Today's measures due, and a note's PDF with the chart."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from PySide6.QtCore import Qt

from app.measures.entry import record_measure
from app.measures.schedules import set_schedule
from models.appointment import Appointment, AppointmentStatus
from models.measures import ScheduleRule
from tests.app.measures.helpers import gad7, phq9
from tests.ui.conftest import Boxes, today_in, workspace_of
from tests.ui.helpers import TZ, add_client, at, open_note_from_today
from tests.ui.measures.helpers import measures_tab
from ui.notes import close_all_editors


def pdf_images(path: Path) -> int:
    return sum(1 for page in PdfReader(path).pages
               for obj in (page["/Resources"].get("/XObject") or {}).values()
               if obj.get_object()["/Subtype"] == "/Image")


def with_scores(window: Any) -> Any:
    ws = workspace_of(window)
    client = add_client(window)
    today = today_in(TZ)
    for weeks, total in ((6, 18), (4, 14), (2, 11)):
        record_measure(ws.vault, client.id, "phq9", phq9(total), today - timedelta(weeks=weeks))
    for weeks, total in ((6, 12), (2, 9)):
        record_measure(ws.vault, client.id, "gad7", gad7(total), today - timedelta(weeks=weeks))
    return client


def note_with_todays_phq9(window: Any) -> Any:
    """Today's session of a client with a course, a PHQ-9 of 8 today, its note window open."""
    ws = workspace_of(window)
    client = with_scores(window)
    ws.vault.appointments.add(Appointment(client_id=client.id, start=at(0, 8),
                                          status=AppointmentStatus.ATTENDED))
    record_measure(ws.vault, client.id, "phq9", phq9(8))
    return open_note_from_today(window)


def test_the_tab_charts_each_measure_and_lists_every_score(
        qtbot: Any, unlocked: Any, boxes: Boxes, tmp_path: Path) -> None:
    client = with_scores(unlocked)
    tab = measures_tab(unlocked, client)
    assert [tab.chart_choice.itemText(i) for i in range(tab.chart_choice.count())] == [
        "PHQ-9", "GAD-7"]
    assert [y for _x, y in tab.chart.plotted()] == [18.0, 14.0, 11.0]
    assert tab.summary.text().endswith("(reliable improvement).")
    assert "Pfizer" in tab.attribution.text()
    tab.chart_choice.setCurrentIndex(1)
    assert [y for _x, y in tab.chart.plotted()] == [12.0, 9.0]
    assert [tab.table.item(r, 2).text() for r in range(tab.table.rowCount())] == [
        "9 (mild)", "11 (moderate)", "14 (moderate)", "12 (moderate)", "18 (moderately severe)"]
    out = tab.export_pdf(tmp_path / "measures.pdf")
    assert out is not None and pdf_images(out) == 2
    assert tab.due.isHidden()
    set_schedule(workspace_of(unlocked).vault, client.id, "gad7", ScheduleRule.EVERY_DAYS, 14)
    unlocked.main_view.page_by_name["Clients"].detail.reload()
    two_weeks = today_in(TZ) - timedelta(weeks=2)
    assert tab.due.text() == f"Due: GAD-7 (every 14 days; last given {two_weeks:%m/%d/%Y})"


def test_scores_typed_in_from_the_tab_appear_at_once(qtbot: Any, unlocked: Any,
                                                    boxes: Boxes) -> None:
    client = with_scores(unlocked)
    tab = measures_tab(unlocked, client)
    dialog = tab.enter("gad7")
    qtbot.waitUntil(dialog.board.hasFocus)
    qtbot.keyClicks(dialog.board, "0001000")
    with qtbot.waitSignal(dialog.saved):
        qtbot.keyClick(dialog.board, Qt.Key.Key_Return)
    assert tab.table.rowCount() == 6 and tab.table.item(0, 2).text() == "1 (minimal)"


def test_today_shows_the_measures_due_for_todays_clients(qtbot: Any, unlocked: Any,
                                                        boxes: Boxes) -> None:
    ws = workspace_of(unlocked)
    client = add_client(unlocked, "Maya Thornton")
    ws.vault.appointments.add(Appointment(client_id=client.id, start=at(0, 15),
                                          status=AppointmentStatus.ATTENDED))
    set_schedule(ws.vault, client.id, "phq9", ScheduleRule.EVERY_SESSIONS, 2)
    today = unlocked.main_view.go_to("Today")
    panel = today.measures_due
    assert panel.isVisibleTo(today)
    assert panel.lines() == ["Jo Thornton: PHQ-9 (every 2 sessions; not given yet)"]
    panel.list.setCurrentRow(0)
    panel._enter(panel.list.item(0))
    dialog = panel.dialog
    assert dialog is not None and dialog.measure.key == "phq9"
    qtbot.waitUntil(dialog.board.hasFocus)
    qtbot.keyClicks(dialog.board, "0000000000")
    with qtbot.waitSignal(dialog.saved):
        qtbot.keyClick(dialog.board, Qt.Key.Key_Return)
    assert not panel.isVisibleTo(today)  # given today: no longer due


def test_a_notes_pdf_carries_the_sessions_scores_and_chart(qtbot: Any, unlocked: Any,
                                                          boxes: Boxes, tmp_path: Path) -> None:
    editor = note_with_todays_phq9(unlocked)
    plain = editor.export_pdf(tmp_path / "plain.pdf")
    assert plain is not None and pdf_images(plain) == 0
    editor.include_measures.setChecked(True)
    out = editor.export_pdf(tmp_path / "with.pdf")
    assert out is not None and pdf_images(out) == 1
    text = "\n".join(p.extract_text() for p in PdfReader(out).pages)
    assert "PHQ-9 total 8 (mild), down from 11 on" in text
    close_all_editors()


def test_drafting_fills_the_measures_prompt_from_the_scores(qtbot: Any, unlocked: Any,
                                                           boxes: Boxes) -> None:
    editor = note_with_todays_phq9(unlocked)
    field = editor.form.fields["measures"]
    assert field.toPlainText() == ""
    editor.start_draft()
    qtbot.waitUntil(lambda: not editor.job.running, timeout=60000)
    assert field.toPlainText().startswith("PHQ-9 total 8 (mild), down from 11 on ")
    assert editor.note.prompts["measures"] == field.toPlainText()
    close_all_editors()
