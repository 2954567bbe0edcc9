"""Today: the day's appointments with their notes' state, the few things done with them between
sessions, and (for a new practice) the first steps."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.billing.authorizations import warning_lines_for_today
from app.calendar.schedule import Schedule, day_schedule
from app.first_steps import first_steps, hide_first_steps
from app.workspace import Workspace
from models.appointment import Appointment, AppointmentStatus
from models.note_status import NoteState
from ui import appointment_actions as actions
from ui.billing.today_notices import BillingNotices
from ui.dialogs.client_editor import ClientEditor
from ui.documents.today_panel import PlansDuePanel
from ui.errors import show_error
from ui.measures.today_panel import MeasuresDuePanel
from ui.notes.events import note_events
from ui.pages.first_steps_panel import FirstStepsPanel
from ui.timefmt import long_day, service_label, time_range
from ui.widgets import EmptyState, list_table, page_title, shortcut, status_colour

COLUMNS = ("Time", "Client", "Service", "Modality", "Status", "Note")
NOTE_COLUMN = 5
MAX_WARNINGS = 3  # more would push the day's appointments off the page; Billing lists them all


class TodayPage(QWidget):
    client_added = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.appointments: list[Appointment] = []
        self.day: Schedule | None = None
        self._warning_lines: list[str] = []
        self.date_label = QLabel()
        self.date_label.setObjectName("hint")
        self.table = list_table(COLUMNS, 1)
        self.empty = EmptyState("No appointments today",
                                "Enjoy the quiet, or schedule one with “New appointment”.")
        # Insurance authorizations running out (one line each, with the client's name).
        self.warnings = QLabel()
        self.warnings.setObjectName("authWarnings")  # styled in resources/style.qss
        self.warnings.setWordWrap(True)
        self.warnings.setTextFormat(Qt.TextFormat.PlainText)
        self.warnings.hide()
        self.billing_notices = BillingNotices(workspace)  # estimates due, no fee schedule
        self.measures_due = MeasuresDuePanel(workspace)  # ui/measures: due for today's clients
        self.first_steps = FirstStepsPanel()
        self.first_steps.add_client.connect(self._add_client)
        self.first_steps.new_appointment.connect(self._new)
        self.first_steps.hide_requested.connect(self._hide_first_steps)
        self.plans_due = PlansDuePanel(workspace)  # ui/documents: plans due for review
        self.body = QStackedWidget()
        self.body.addWidget(self.table)
        self.body.addWidget(self.empty)

        self.attended_button = QPushButton("Attended")
        self.no_show_button = QPushButton("No-show")
        self.late_cancel_button = QPushButton("Late cancel")
        self.note_button = QPushButton("Write note")
        self.note_button.setObjectName("primary")
        self.new_button = QPushButton("New appointment")
        self.new_button.setShortcut(QKeySequence("Ctrl+N"))
        self.new_button.setToolTip("Schedule an appointment (Ctrl+N)")
        row = QHBoxLayout()
        for b in (self.attended_button, self.no_show_button, self.late_cancel_button,
                  self.note_button):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(self.new_button)

        top = QHBoxLayout()
        top.addWidget(page_title("Today"))
        top.addWidget(self.date_label, 1, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addLayout(top)
        layout.addWidget(self.first_steps)
        layout.addWidget(self.warnings)
        layout.addWidget(self.billing_notices)
        layout.addWidget(self.measures_due)
        layout.addWidget(self.plans_due)
        layout.addWidget(self.body, 1)
        layout.addLayout(row)

        self.attended_button.clicked.connect(lambda: self._set(AppointmentStatus.ATTENDED))
        self.no_show_button.clicked.connect(lambda: self._set(AppointmentStatus.NO_SHOW))
        self.late_cancel_button.clicked.connect(lambda: self._set(AppointmentStatus.LATE_CANCEL))
        self.note_button.clicked.connect(self._write_note)
        self.new_button.clicked.connect(self._new)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.cellDoubleClicked.connect(lambda r, _c: self._edit(r))
        shortcut("Ctrl+R", self, self._safe_refresh)
        note_events().changed.connect(self._notes_changed)  # a note begun or signed elsewhere
        self.refresh()

    def refresh(self) -> None:
        day = self.workspace.do(day_schedule)
        self.day = day
        tz, names = day.zone, day.names
        self.date_label.setText(long_day(day.first_day))
        selected = self.selected()
        self.appointments = day.appointments
        self.table.setRowCount(len(self.appointments))
        for row, appt in enumerate(self.appointments):
            cells = (time_range(appt, tz), names.get(appt.client_id, "—"),
                     service_label(appt.service), appt.modality.value.capitalize(),
                     appt.status.label, day.note_state_of(appt).label)
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 4:
                    item.setForeground(status_colour(appt.status))
                if col == NOTE_COLUMN and day.note_state_of(appt) is NoteState.OVERDUE:
                    item.setForeground(status_colour(AppointmentStatus.NO_SHOW))
                    item.setToolTip("The session ended more than a day ago and its note is "
                                    "not signed.")
                self.table.setItem(row, col, item)
            if selected is not None and appt.id == selected.id:
                self.table.selectRow(row)
        self.body.setCurrentWidget(self.table if self.appointments else self.empty)
        for b in (self.attended_button, self.no_show_button, self.late_cancel_button):
            b.setVisible(bool(self.appointments))
        self.note_button.setVisible(bool(self.appointments))
        self._update_buttons()
        self._show_warnings(day.first_day)
        self.billing_notices.refresh(day.first_day)
        self.measures_due.refresh(day.first_day)
        self.first_steps.show_steps(self.workspace.do(first_steps))
        self.plans_due.refresh(day.first_day)

    def _show_warnings(self, day: date) -> None:
        lines = self.workspace.do(warning_lines_for_today, day)
        self._warning_lines = list(lines)
        shown = [f"⚠ {line}" for line in lines[:MAX_WARNINGS]]
        if len(lines) > MAX_WARNINGS:
            more = len(lines) - MAX_WARNINGS
            shown.append(f"… and {more} more authorization warning{'s' if more > 1 else ''}; "
                         "see Billing → Authorizations.")
        self.warnings.setText("\n".join(shown))
        self.warnings.setToolTip("\n".join(lines) if len(lines) > MAX_WARNINGS else "")
        self.warnings.setVisible(bool(lines))

    def warning_lines(self) -> list[str]:
        """Every warning behind the panel above the list (empty when the panel is hidden)."""
        return list(self._warning_lines) if self.warnings.isVisibleTo(self) else []

    def selected(self) -> Appointment | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or rows[0].row() >= len(self.appointments):
            return None
        return self.appointments[rows[0].row()]

    def _update_buttons(self) -> None:
        appt = self.selected()
        for b in (self.attended_button, self.no_show_button, self.late_cancel_button):
            b.setEnabled(appt is not None and appt.status is not AppointmentStatus.CANCELLED)
        has_note = (appt is not None and self.day is not None
                    and (appt.id or 0) in self.day.with_notes)
        # "Open note" once a note was begun (a signed one opens read-only, with its addenda).
        self.note_button.setText("Open note" if has_note else "Write note")
        self.note_button.setEnabled(appt is not None and (
            has_note or appt.status is AppointmentStatus.ATTENDED))

    def _set(self, status: AppointmentStatus) -> None:
        appt = self.selected()
        if appt is None or appt.id is None:
            return
        if actions.set_status(self, self.workspace, appt.id, status):
            self.refresh()

    def _write_note(self) -> None:
        appt = self.selected()
        if appt is not None and appt.id is not None:
            actions.write_note(self, self.workspace, appt.id)

    def _add_client(self) -> None:
        dialog = ClientEditor(self.workspace, None, self)
        dialog.saved.connect(self._client_saved)
        dialog.open()

    def _client_saved(self, _client_id: int) -> None:
        self._safe_refresh()
        self.client_added.emit()

    def _hide_first_steps(self) -> None:
        try:
            self.workspace.do(hide_first_steps)
        except Exception as exc:
            show_error(self, exc)
        self._safe_refresh()

    def _new(self) -> None:
        actions.edit_appointment(self, self.workspace, on_saved=self._safe_refresh)

    def _edit(self, row: int) -> None:
        if 0 <= row < len(self.appointments):
            actions.edit_appointment(self, self.workspace, self.appointments[row],
                                     on_saved=self._safe_refresh)

    def _notes_changed(self) -> None:
        if not self.workspace.is_locked:  # a page of a locked session waits for deletion
            self._safe_refresh()

    def _safe_refresh(self) -> None:
        try:
            self.refresh()
        except Exception as exc:
            show_error(self, exc)
