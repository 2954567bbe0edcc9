"""The tabs of a client's page: profile, diagnoses, goals, appointments, notes (read-only)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.appointments import appointments_for_client
from app.billing.fees import session_fees
from app.clients import add_goal, goals_of, set_goal_status
from app.notes import ClientNote, note_status_of, notes_of_client
from app.practice import practice_zone
from app.workspace import Workspace
from models.appointment import Appointment, AppointmentStatus
from models.client import Client, ContactMethod, Goal, GoalStatus, Insurance
from models.note import KIND_TITLES, Note, NoteKind
from ui import appointment_actions as actions
from ui.date_fields import DATE_FORMAT, date_edit, to_date
from ui.errors import show_error
from ui.notes.windows import open_note_by_id
from ui.timefmt import date_text, service_label, time_range, weekday_date_text
from ui.widgets import button_row, fill_table, hint_label, list_table, status_colour

MAX_GOAL_CHARS = 500  # a goal is a sentence or two; a stray paste must not become one


def billing_summary(c: Client) -> str:
    """Who is billed, in one line: the plans (and the policy holder), or self-pay."""
    def plan(ins: Insurance) -> str:
        text = f"{ins.payer}, member {ins.member_id}" + (
            f", group {ins.group_number}" if ins.group_number else "")
        if ins.is_dependent and ins.subscriber.name:
            text += f" (policy holder: {ins.subscriber.name})"
        return text

    parts = [plan(c.insurance)] if c.insurance.payer else []
    if c.secondary_insurance.payer:
        parts.append(f"second plan {plan(c.secondary_insurance)}")
    kind = "Self-pay" if c.is_self_pay else "Insurance"
    if c.sliding_fee > 0:
        kind += f", sliding scale ${c.sliding_fee:,.2f} a session"
    return "; ".join([kind, *parts])


class ProfileTab(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.form = QFormLayout(self)
        self.labels: dict[str, QLabel] = {}
        for key in ("Legal name", "Preferred name", "Pronouns", "Date of birth", "Email",
                    "Phone", "Preferred contact", "Address", "Emergency contact", "Billing",
                    "Referred by", "Note format", "AI documentation consent", "Status"):
            label = QLabel()
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setWordWrap(True)
            self.labels[key] = label
            self.form.addRow(key, label)

    def show_client(self, c: Client) -> None:
        values = {
            "Legal name": c.legal_name, "Preferred name": c.preferred_name or "—",
            "Pronouns": c.pronouns or "—", "Date of birth": date_text(c.date_of_birth),
            "Email": c.email or "—", "Phone": c.phone or "—",
            "Preferred contact": (ContactMethod(c.contact_method).label if c.contact_method
                                  else "—"),
            "Emergency contact": c.emergency_contact.one_line() or "—",
            "Referred by": c.referral_source or "—",
            "Note format": c.note_format.upper() if c.note_format else "The practice's default",
            "Address": c.address.one_line() or "—",
            "Billing": billing_summary(c),
            "AI documentation consent": (f"Yes, given {date_text(c.ai_consent_date)}"
                                         if c.ai_consent else "Not given"),
            "Status": ("Active" if c.is_active else f"Discharged {date_text(c.discharged_on)}"),
        }
        for key, text in values.items():
            self.labels[key].setText(text)


class DiagnosesTab(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.table = list_table(("Code", "Description", "Primary"), 1)
        self.empty = QLabel("No diagnoses yet. Add them with “Edit client”.")
        self.empty.setObjectName("hint")
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.empty)
        layout.addStretch(1)

    def show_client(self, c: Client) -> None:
        primary = c.primary_diagnosis
        fill_table(self.table, [(d.code, d.description, "Primary" if d is primary else "")
                                for d in c.diagnoses])
        self.table.setVisible(bool(c.diagnoses))
        self.empty.setVisible(not c.diagnoses)


class _ClientListTab(QWidget):
    """A tab listing one client's records from the vault; ``reload`` fills it."""

    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.workspace = workspace
        self.client_id: int | None = None

    def show_client(self, c: Client) -> None:
        self.client_id = c.id
        self.refresh()

    def refresh(self) -> None:
        if self.client_id is not None:
            self.reload(self.client_id)

    def reload(self, client_id: int) -> None:
        raise NotImplementedError


class GoalsTab(_ClientListTab):
    def __init__(self, workspace: Workspace) -> None:
        super().__init__(workspace)
        self.goals: list[Goal] = []
        self.table = list_table(("Goal", "Status", "Target date"), 0)
        self.empty = hint_label("No treatment goals yet: write one below and press Enter.")
        self.new_goal = QLineEdit()
        self.new_goal.setPlaceholderText("A new treatment goal, in the client's terms")
        next_year = date.today().replace(year=date.today().year + 1, day=1)
        self.target = date_edit(next_year, DATE_FORMAT)
        self.add_button = QPushButton("Add goal")
        self.status = QComboBox()
        for s in GoalStatus:
            self.status.addItem(s.value.capitalize(), s)
        self.status_button = QPushButton("Set status")
        add_row = QHBoxLayout()
        add_row.addWidget(self.new_goal, 1)
        add_row.addWidget(QLabel("Target"))
        add_row.addWidget(self.target)
        add_row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(button_row(QLabel("Selected goal:"), self.status, self.status_button))
        layout.addLayout(add_row)
        self.add_button.clicked.connect(self.add_goal)
        self.new_goal.returnPressed.connect(self.add_goal)
        self.status_button.clicked.connect(self.set_status)
        self.status_button.setEnabled(False)  # until a goal is chosen: a click would do nothing
        self.table.itemSelectionChanged.connect(self._goal_selected)

    def _goal_selected(self) -> None:
        row = self.table.currentRow()
        chosen = 0 <= row < len(self.goals)
        self.status_button.setEnabled(chosen)
        if chosen:  # the combo starts at the goal's own status
            index = self.status.findText(self.goals[row].status.value.capitalize())
            if index >= 0:
                self.status.setCurrentIndex(index)

    def reload(self, client_id: int) -> None:
        self.goals = self.workspace.do(goals_of, client_id)
        fill_table(self.table, [(g.text, g.status.value.capitalize(), date_text(g.target_date))
                                for g in self.goals])
        self.empty.setVisible(not self.goals)
        self._goal_selected()

    def add_goal(self) -> None:
        text = self.new_goal.text().strip()
        if not text or self.client_id is None:
            return
        if len(text) > MAX_GOAL_CHARS:
            QMessageBox.warning(self, "Goal too long", f"A goal can have at most {MAX_GOAL_CHARS} "
                                "characters; shorten it and add it again.")
            return
        d = self.target.date()
        try:
            self.workspace.do(add_goal, self.client_id, text, to_date(d))
        except Exception as exc:
            show_error(self, exc)
            return
        self.new_goal.clear()
        self.refresh()

    def set_status(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.goals):
            return
        goal = self.goals[row]
        try:
            self.workspace.do(set_goal_status, goal, GoalStatus(self.status.currentData()))
        except Exception as exc:
            show_error(self, exc)
        self.refresh()


class AppointmentsTab(_ClientListTab):
    def __init__(self, workspace: Workspace, on_change: Callable[[], None]) -> None:
        super().__init__(workspace)
        self.on_change = on_change
        self.appointments: list[Appointment] = []
        self.table = list_table(("Date", "Time", "Service", "Modality", "Status", "Fee"), 2)
        self.empty = hint_label("No appointments yet: schedule one with “New appointment”.")
        self.new_button = QPushButton("New appointment")
        self.new_button.setShortcut(QKeySequence("Ctrl+N"))
        self.new_button.setToolTip("Schedule an appointment for this client (Ctrl+N)")
        self.edit_button = QPushButton("Edit / move / cancel…")
        self.note_button = QPushButton("Write note")
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(button_row(self.new_button, self.edit_button, self.note_button))
        self.new_button.clicked.connect(self.new)
        self.edit_button.clicked.connect(self.edit)
        self.note_button.clicked.connect(self.write_note)
        self.table.cellDoubleClicked.connect(lambda _r, _c: self.edit())
        self.table.itemSelectionChanged.connect(self._update_buttons)

    def reload(self, client_id: int) -> None:
        tz = self.workspace.do(practice_zone)
        self.appointments = self.workspace.do(appointments_for_client, client_id)
        fees = self.workspace.do(session_fees, client_id)  # as billed: schedule, sliding scale
        fill_table(self.table, [(weekday_date_text(a.start.astimezone(tz).date()),
                                 time_range(a, tz), service_label(a.service),
                                 a.modality.value.capitalize(), a.status.label,
                                 f"${fees.get(a.id or -1, a.fee):,.2f}")
                                for a in self.appointments])
        for r, a in enumerate(self.appointments):
            status_item = self.table.item(r, 4)
            if status_item is not None:
                status_item.setForeground(status_colour(a.status))
        self.empty.setVisible(not self.appointments)
        self._update_buttons()

    def selected(self) -> Appointment | None:
        row = self.table.currentRow()
        return self.appointments[row] if 0 <= row < len(self.appointments) else None

    def _update_buttons(self) -> None:
        appt = self.selected()
        self.edit_button.setEnabled(appt is not None)
        has_note = appt is not None and appt.id is not None and (
            self.workspace.do(note_status_of, appt.id) is not None)
        self.note_button.setText("Open note" if has_note else "Write note")
        self.note_button.setEnabled(appt is not None and (
            has_note or appt.status is AppointmentStatus.ATTENDED))

    def _changed(self) -> None:
        self.refresh()
        self.on_change()

    def new(self) -> None:
        actions.edit_appointment(self, self.workspace, client_id=self.client_id,
                                 on_saved=self._changed)

    def edit(self) -> None:
        appt = self.selected()
        if appt is not None:
            actions.edit_appointment(self, self.workspace, appt, on_saved=self._changed)

    def write_note(self) -> None:
        appt = self.selected()
        if appt is not None and appt.id is not None:
            actions.write_note(self, self.workspace, appt.id)


class NotesTab(QWidget):
    """The client's notes; double-click (or "Open note") opens one in the note window."""

    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.workspace = workspace
        self.notes: list[ClientNote] = []
        self.table = list_table(("Date of service", "Format", "Status", "Signed"), 0)
        self.empty = QLabel("No notes yet. A note is written from an attended appointment "
                            "(Appointments tab → “Write note”).")
        self.empty.setObjectName("hint")
        self.empty.setWordWrap(True)
        self.open_button = QPushButton("Open note")
        self.open_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(button_row(self.open_button))
        self.open_button.clicked.connect(self.open_note)
        self.table.cellDoubleClicked.connect(lambda _r, _c: self.open_note())
        self.table.itemSelectionChanged.connect(
            lambda: self.open_button.setEnabled(self.selected() is not None))

    def show_client(self, c: Client) -> None:
        if c.id is None:
            return
        tz = self.workspace.do(practice_zone)
        self.notes = self.workspace.do(notes_of_client, c.id)
        rows = []
        for row in self.notes:
            n, start = row.note, row.session_start
            day = start.astimezone(tz).date() if start else n.written_on
            kind = n.format.value.upper() if n.kind is NoteKind.PROGRESS else KIND_TITLES[n.kind]
            rows.append((date_text(day) if day else "—", kind, n.status.value.capitalize(),
                         (f"{date_text(n.signed_at.astimezone(tz).date())} "
                          f"{n.signed_at.astimezone(tz):%H:%M} by {n.signed_by}"
                          if n.signed_at else "")))
        fill_table(self.table, rows)
        self.table.setVisible(bool(self.notes))
        self.empty.setVisible(not self.notes)
        self.open_button.setVisible(bool(self.notes))
        self.open_button.setEnabled(self.selected() is not None)

    def selected(self) -> Note | None:
        row = self.table.currentRow()
        return self.notes[row].note if 0 <= row < len(self.notes) else None

    def open_note(self) -> None:
        note = self.selected()
        if note is not None and note.id is not None:
            open_note_by_id(self, self.workspace, note.id)  # a document opens in its window
