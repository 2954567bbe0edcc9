"""The client page's Measures tab: the chart of each measure's course, every score, and the
ways to add one (type it in, or hand the laptop to the client), schedules and the PDF."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.calendar.schedule import today_in_practice
from app.measures.catalog import instrument, instruments
from app.measures.charts import chart_for
from app.measures.entry import ScoredResponse, delete_measure, measures_of_client
from app.measures.export import export_measures_pdf
from app.measures.handover import handover_exit
from app.measures.schedules import measures_due
from app.workspace import Workspace
from models.client import Client
from models.common import date_text
from models.errors import StillnoteError
from ui.errors import show_error
from ui.measures.alerts import show_risk_alerts
from ui.measures.chart import MeasureChartView
from ui.measures.chart_image import render_chart_png
from ui.measures.entry_dialog import MeasureEntryDialog
from ui.measures.events import measure_events
from ui.measures.handover import HandoverForm
from ui.measures.start_dialogs import HandoverStartDialog, PinDialog, ScheduleDialog
from ui.widgets import fill_table, hint_label, list_table, named, shortcut

COLUMNS = ("Date", "Measure", "Score", "Risk items", "Entered by")


class MeasuresTab(QWidget):
    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.workspace = workspace
        self.client: Client | None = None
        self.rows: list[ScoredResponse] = []
        self.dialog: MeasureEntryDialog | None = None
        self.handover: HandoverForm | None = None
        self.due = named(hint_label(), "measuresDue")
        self.chart_choice = QComboBox()
        self.chart = MeasureChartView()
        self.summary = named(QLabel(), "chartSummary")
        self.attribution = hint_label()
        self.table = list_table(COLUMNS, 2)
        self.empty = hint_label("No measures yet: enter one below, or hand the laptop to the "
                                "client.")
        self.entry_choice = QComboBox()
        for measure in instruments():
            self.entry_choice.addItem(measure.name, measure.key)
        self.enter_button = QPushButton("Enter scores…")
        self.enter_button.setToolTip("Type the answers in, one key per item (Ctrl+M)")
        self.enter_button.setShortcut(QKeySequence("Ctrl+M"))
        self.handover_button = QPushButton("Hand to client…")
        self.schedule_button = QPushButton("Schedules…")
        self.pin_button = QPushButton("Hand-over PIN…")
        self.pdf_button = QPushButton("Export PDF…")
        self.delete_button = QPushButton("Delete entry…")
        chart_box = QWidget()
        chart_layout = QVBoxLayout(chart_box)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        choose = QHBoxLayout()
        choose.addWidget(QLabel("Chart"))
        choose.addWidget(self.chart_choice)
        choose.addWidget(self.summary, 1)
        chart_layout.addLayout(choose)
        chart_layout.addWidget(self.chart, 1)
        chart_layout.addWidget(self.attribution)
        table_box = QWidget()
        table_layout = QVBoxLayout(table_box)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.addWidget(self.table, 1)
        table_layout.addWidget(self.empty)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(chart_box)
        split.addWidget(table_box)
        split.setSizes([320, 220])
        buttons = QHBoxLayout()
        for w in (self.entry_choice, self.enter_button, self.handover_button, self.schedule_button,
                  self.pin_button, self.pdf_button, self.delete_button):
            buttons.addWidget(w)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.due)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)
        self.chart_choice.currentIndexChanged.connect(self._show_chart)
        self.enter_button.clicked.connect(lambda: self.enter())
        self.handover_button.clicked.connect(lambda: self.hand_over())
        self.schedule_button.clicked.connect(self.edit_schedules)
        self.pin_button.clicked.connect(lambda: PinDialog(self.workspace, self).open())
        self.pdf_button.clicked.connect(lambda: self.export_pdf())
        self.delete_button.clicked.connect(self.delete_selected)
        self.table.itemSelectionChanged.connect(
            lambda: self.delete_button.setEnabled(self.selected() is not None))
        shortcut("Ctrl+Shift+M", self, lambda: self.hand_over())
        measure_events().recorded.connect(self._recorded_elsewhere)

    # --- showing ----------------------------------------------------------------------------
    def show_client(self, client: Client) -> None:
        self.client = client
        self.refresh()

    def refresh(self) -> None:
        if self.client is None or self.client.id is None or self.workspace.is_locked:
            return
        client_id = self.client.id
        self.rows = self.workspace.do(measures_of_client, client_id)
        fill_table(self.table, [
            (date_text(r.response.taken_on), r.instrument.name, r.total_text,
             "; ".join(f"item {s.item}: {s.answer}" for s in r.screens)
             or ("blank: " + ", ".join(r.blank_risk) if r.blank_risk else ""),
             r.response.source.value) for r in self.rows])
        self.table.setVisible(bool(self.rows))
        self.empty.setVisible(not self.rows)
        self.delete_button.setEnabled(self.selected() is not None)
        due = self.workspace.do(measures_due, client_id)
        self.due.setText("Due: " + "; ".join(d.text for d in due) if due else "")
        self.due.setVisible(bool(due))
        self._fill_chart_choice()

    def _fill_chart_choice(self) -> None:
        current = self.chart_choice.currentData()
        given = {r.instrument.key for r in self.rows if r.score.total is not None}
        self.chart_choice.blockSignals(True)
        self.chart_choice.clear()
        for measure in instruments():
            if measure.key in given:
                self.chart_choice.addItem(measure.name, measure.key)
        index = self.chart_choice.findData(current)
        self.chart_choice.setCurrentIndex(index if index >= 0 else 0)
        self.chart_choice.blockSignals(False)
        self._show_chart()

    def _show_chart(self) -> None:
        key = self.chart_choice.currentData()
        self.chart.setVisible(bool(key))
        if not key or self.client is None or self.client.id is None:
            self.summary.setText("")
            self.attribution.setText("")
            return
        data = self.workspace.do(chart_for, self.client.id, str(key))
        self.chart.set_chart(data)
        self.summary.setText(data.summary())
        self.attribution.setText(instrument(str(key)).attribution)

    def selected(self) -> ScoredResponse | None:
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def _recorded_elsewhere(self, client_id: int) -> None:
        if self.client is not None and client_id == self.client.id and self.isVisible():
            self.refresh()

    # --- actions ----------------------------------------------------------------------------
    def enter(self, key: str | None = None) -> MeasureEntryDialog | None:
        if self.client is None or self.client.id is None:
            return None
        key = key or str(self.entry_choice.currentData())
        self.dialog = MeasureEntryDialog(self.workspace, self.client.id, key,
                                         self.workspace.do(today_in_practice), parent=self)
        self.dialog.saved.connect(lambda _r: self.refresh())
        self.dialog.open()
        return self.dialog

    def hand_over(self, keys: list[str] | None = None,
                  one_at_a_time: bool = True) -> HandoverForm | None:
        """Ask which questionnaires (unless ``keys``), then fill the screen with them."""
        if self.client is None or self.client.id is None:
            return None
        if keys is None:
            due = [d.instrument for d in self.workspace.do(measures_due, self.client.id)]
            ask = HandoverStartDialog(due or ["phq9", "gad7"], self)
            if ask.exec() != HandoverStartDialog.DialogCode.Accepted:
                return None
            keys, one_at_a_time = ask.chosen(), ask.one_at_a_time.isChecked()
        form = HandoverForm(self.workspace, self.client.id, keys,
                            self.workspace.do(handover_exit), self.workspace.do(today_in_practice),
                            one_at_a_time=one_at_a_time)
        form.finished.connect(self._handed_back)
        self.handover = form
        form.start()
        return form

    def _handed_back(self, results: list[ScoredResponse]) -> None:
        self.refresh()
        for given in results:  # the therapist has the laptop again: risk shows at once
            show_risk_alerts(self, given)

    def edit_schedules(self) -> None:
        if self.client is not None and self.client.id is not None:
            dialog = ScheduleDialog(self.workspace, self.client.id, self)
            dialog.finished.connect(lambda _code: self.refresh())
            dialog.open()

    def export_pdf(self, path: Path | None = None) -> Path | None:
        if self.client is None or self.client.id is None:
            return None
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(self, "Export measures as PDF",
                                                    "measures.pdf", "PDF (*.pdf)")
            if not chosen:
                return None
            path = Path(chosen)
        try:
            return self.workspace.do(export_measures_pdf, self.client.id, path,
                                     render_chart_png)
        except StillnoteError as exc:
            show_error(self, exc)
            return None

    def delete_selected(self) -> None:
        chosen = self.selected()
        if chosen is None or chosen.response.id is None:
            return
        answer = QMessageBox.question(
            self, "Delete entry", f"Delete the {chosen.instrument.name} of "
            f"{date_text(chosen.response.taken_on)}? Use this only for an entry made by mistake.")
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.workspace.do(delete_measure, chosen.response.id)
        measure_events().recorded.emit(chosen.response.client_id)
        self.refresh()
