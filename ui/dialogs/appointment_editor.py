"""Schedule, move (edit the time) or cancel an appointment; a new one may repeat.

The dialog reads the form into an AppointmentPlan; app.appointments checks the authorization,
saves (one appointment or the whole series) and rewrites the subscribed calendar file.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, time, timedelta
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from app.appointments import (
    AppointmentPlan,
    cancel_appointment,
    new_appointment_defaults,
    save_plan,
    schedulable_clients,
)
from app.notes import note_status_of
from app.practice import practice_zone
from app.workspace import Workspace
from models.appointment import Appointment, AppointmentStatus, Modality, Recurrence, Service
from ui import notes
from ui.appointment_checks import ask_past_authorization, confirm_plan
from ui.billing.estimate_offer import offer_estimate
from ui.billing.fee_follower import FeeFollower
from ui.date_fields import date_edit, qt_date_format, to_date, to_qdate
from ui.errors import message_for, show_calendar_problem
from ui.widgets import error_label

__all__ = ["AppointmentEditor", "ask_past_authorization"]  # the question lives in
# ui.appointment_checks; tests and callers still find it here

REPEATS = (("Does not repeat", None), ("Every week", Recurrence.WEEKLY),
           ("Every two weeks", Recurrence.BIWEEKLY))


class AppointmentEditor(QDialog):
    """Emits ``saved`` after a successful write; errors stay in the dialog as one sentence."""

    saved = Signal()

    def __init__(self, workspace: Workspace, appointment: Appointment | None = None,
                 client_id: int | None = None, start: datetime | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.appointment = appointment
        self.tz = workspace.do(practice_zone)
        self.setWindowTitle("Edit appointment" if appointment else "New appointment")
        self.setModal(True)
        self.setMinimumWidth(560)

        self.client = QComboBox()
        self.date = date_edit(display_format=qt_date_format(weekday=True))
        self.time = QTimeEdit()
        self.time.setDisplayFormat("HH:mm")
        self.minutes = QSpinBox(minimum=5, maximum=480, singleStep=5, suffix=" min")
        self.modality = QComboBox()
        for m in Modality:
            self.modality.addItem(m.value.capitalize(), m)
        self.service = QComboBox()
        for s in Service:
            self.service.addItem(s.value.capitalize(), s)
        self.status = QComboBox()
        for st in AppointmentStatus:
            self.status.addItem(st.label, st)
        self.fee = QLineEdit()
        self.fee.setPlaceholderText("0.00")
        self.fee.setMaxLength(14)  # "$1,234,567.89": a stray paste is cut here, then refused
        self.repeat = QComboBox()
        for label, rec in REPEATS:
            self.repeat.addItem(label, rec)
        self.count = QSpinBox(minimum=2, maximum=104, value=10, suffix=" sessions")
        self.count.setEnabled(False)
        repeat_row = QHBoxLayout()
        repeat_row.addWidget(self.repeat, 1)
        repeat_row.addWidget(self.count)
        when_row = QHBoxLayout()
        when_row.addWidget(self.date, 1)
        when_row.addWidget(self.time)
        when_row.addWidget(self.minutes)

        form = QFormLayout()
        form.addRow("Client", self.client)
        form.addRow("When", when_row)
        form.addRow("Modality", self.modality)
        form.addRow("Service", self.service)
        form.addRow("Status", self.status)
        form.addRow("Fee ($)", self.fee)
        fee_hint_row = form.rowCount()
        if appointment is None:
            form.addRow("Repeat", repeat_row)
        self.error = error_label()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Close)
        self.cancel_appt_button: QPushButton | None = None
        self.note_button: QPushButton | None = None
        if appointment is not None and appointment.status is not AppointmentStatus.CANCELLED:
            self.cancel_appt_button = self.buttons.addButton(
                "Cancel appointment", QDialogButtonBox.ButtonRole.DestructiveRole)
            self.cancel_appt_button.clicked.connect(self.cancel_appointment)
        has_note = appointment is not None and appointment.id is not None and (
            workspace.do(note_status_of, appointment.id) is not None)
        if appointment is not None and (has_note
                                        or appointment.status is AppointmentStatus.ATTENDED):
            self.note_button = self.buttons.addButton("Open note" if has_note else "Write note",
                                                      QDialogButtonBox.ButtonRole.ActionRole)
            self.note_button.clicked.connect(self.write_note)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).clicked.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.repeat.currentIndexChanged.connect(
            lambda _i: self.count.setEnabled(self.repeat.currentData() is not None))
        self.client.currentIndexChanged.connect(self._client_changed)
        self._fill(appointment, client_id, start)
        # The fee follows the fee schedule for the suggested code (billing's part of the form).
        self.fee_follower = FeeFollower(workspace, self.client, self.service, self.minutes,
                                        self.fee, follow=appointment is None or not appointment.fee)
        form.insertRow(fee_hint_row, "", self.fee_follower.hint)

    def _fill(self, appt: Appointment | None, client_id: int | None,
              start: datetime | None) -> None:
        wanted = appt.client_id if appt else client_id
        clients = self.workspace.do(schedulable_clients, wanted)
        self.client.blockSignals(True)
        self.client.addItem("Choose a client…", None)
        for c in clients:
            self.client.addItem(c.display_name, c.id)
        index = self.client.findData(wanted) if wanted is not None else 0
        self.client.setCurrentIndex(max(index, 0))
        self.client.blockSignals(False)
        if appt is not None:
            local = appt.start.astimezone(self.tz)
            self.minutes.setValue(appt.minutes)
            self.modality.setCurrentIndex(self.modality.findData(appt.modality))
            self.service.setCurrentIndex(self.service.findData(appt.service))
            self.status.setCurrentIndex(self.status.findData(appt.status))
            self.fee.setText(f"{appt.fee:.2f}")
        else:
            local = (start.astimezone(self.tz) if start is not None else self._next_slot())
            self.minutes.setValue(50)
            self._client_changed()
        self.date.setDate(to_qdate(local.date()))
        self.time.setTime(QTime(local.hour, local.minute))

    def _next_slot(self) -> datetime:
        now = datetime.now(self.tz)
        return (now + timedelta(hours=1)).replace(minute=0, second=0, microsecond=0)

    def _client_changed(self, _index: int = 0) -> None:
        """A new appointment starts like the client's latest (its fee: see FeeFollower)."""
        client_id = self.client.currentData()
        if self.appointment is not None or client_id is None:
            return
        defaults = self.workspace.do(new_appointment_defaults, client_id)
        self.minutes.setValue(defaults.minutes)
        self.service.setCurrentIndex(self.service.findData(defaults.service))
        if defaults.modality is not None:
            self.modality.setCurrentIndex(self.modality.findData(defaults.modality))

    def start_time(self) -> datetime:
        t = self.time.time()
        return datetime.combine(to_date(self.date.date()), time(t.hour(), t.minute()),
                                tzinfo=self.tz)

    def _fee(self) -> Decimal | None:
        text = self.fee.text().strip().replace("$", "").replace(",", "") or "0"
        try:
            fee = Decimal(text)
            if not fee.is_finite():  # "NaN" and "Infinity" parse, but are not amounts
                return None
            fee = fee.quantize(Decimal("0.01"))
        except InvalidOperation:
            return None
        return fee if fee >= 0 else None

    def save(self) -> None:
        client_id = self.client.currentData()
        if client_id is None:
            self.error.setText("Choose the client this appointment is for.")
            return
        fee = self._fee()
        if fee is None:
            self.error.setText("The fee must be an amount such as 120 or 120.00.")
            return
        # Qt hands enum data back as plain strings: turn them into the model's enums again.
        fields = dict(client_id=client_id, start=self.start_time(), minutes=self.minutes.value(),
                      modality=Modality(self.modality.currentData()),
                      service=Service(self.service.currentData()),
                      status=AppointmentStatus(self.status.currentData()), fee=fee)
        if self.appointment is not None:
            plan = AppointmentPlan(replace(self.appointment, **fields))
        else:
            repeat = self.repeat.currentData()
            recurrence = Recurrence(repeat) if repeat else None
            plan = AppointmentPlan(Appointment(**fields), recurrence,
                                   self.count.value() if recurrence else 1)
        try:
            if not confirm_plan(self, self.workspace, plan, self.appointment, self.tz):
                # The therapist said no: nothing is written and the dialog stays open.
                self.error.setText("Not saved: choose another date, or close.")
                return
            saved = self.workspace.do(save_plan, plan, self.workspace.settings)
        except Exception as exc:
            self.error.setText(message_for(exc))
            return
        self._changed(saved.calendar_problem)
        # A self-pay client's booking may make a Good Faith Estimate due: offer it now.
        offer_estimate(self.parentWidget(), self.workspace, client_id)

    def _changed(self, calendar_problem: str) -> None:
        """After a write: tell the pages, close, and say if the calendar file was not updated."""
        parent = self.parentWidget() or self
        self.saved.emit()
        self.accept()
        show_calendar_problem(parent, calendar_problem)

    def cancel_appointment(self) -> None:
        if self.appointment is None or self.appointment.id is None:
            return
        answer = QMessageBox.question(
            self, "Cancel appointment", "Cancel this appointment? It stays in the record as "
            "cancelled.")
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            saved = self.workspace.do(cancel_appointment, self.appointment.id,
                                      self.workspace.settings)
        except Exception as exc:
            self.error.setText(message_for(exc))
            return
        self._changed(saved.calendar_problem)

    def write_note(self) -> None:
        if self.appointment is None or self.appointment.id is None:
            return
        parent = self.parentWidget()
        appointment_id = self.appointment.id
        self.accept()
        notes.open_note_editor(parent, self.workspace, appointment_id)
