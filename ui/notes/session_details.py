"""The top of a note window: who and when (never editable), where and the service code (editable
until the note is signed), and why the model is not used for this client, if it is not."""

from __future__ import annotations

from datetime import tzinfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.notes import NoteContext, ai_drafting_allowed
from models.billing import no_code_reason
from models.common import date_text
from ui.widgets import buddy_label, named


class SessionDetails(QWidget):
    """Emits ``edited(location, service_code)`` when the therapist leaves either field."""

    edited = Signal(str, str)

    def __init__(self, context: NoteContext, tz: tzinfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        appt, client = context.appointment, context.client
        dx = client.primary_diagnosis
        local_start = appt.start.astimezone(tz)
        self.info = named(QLabel(), "session_info")
        self.info.setTextFormat(Qt.TextFormat.PlainText)
        self.info.setText(
            f"{client.legal_name} · DOB "
            f"{date_text(client.date_of_birth) if client.date_of_birth else 'not recorded'} · "
            f"{date_text(local_start.date())} {local_start:%H:%M}, {appt.minutes} min · "
            f"{appt.modality.value} · "
            f"Dx {dx.code if dx else 'none on file'}")
        self.location_edit = named(QLineEdit(context.location), "location")
        self.code_edit = named(QLineEdit(context.service_code), "service_code")
        self.code_edit.setMaximumWidth(90)
        if not context.service_code:  # say why no code was suggested (e.g. a 12-minute session)
            self.code_edit.setToolTip(no_code_reason(appt))
            self.code_edit.setPlaceholderText("none")
        allowed, reason = ai_drafting_allowed(client)
        self.consent_label = named(QLabel("" if allowed else reason), "consent")
        self.consent_label.setWordWrap(True)
        self.consent_label.setVisible(not allowed)

        row = QHBoxLayout()
        row.addWidget(buddy_label("&Location:", self.location_edit))
        row.addWidget(self.location_edit, 1)
        row.addWidget(buddy_label("Service &code:", self.code_edit))
        row.addWidget(self.code_edit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.info)
        layout.addLayout(row)
        layout.addWidget(self.consent_label)
        self.location_edit.editingFinished.connect(self._edited)
        self.code_edit.editingFinished.connect(self._edited)

    def _edited(self) -> None:
        self.edited.emit(self.location_edit.text().strip(), self.code_edit.text().strip())

    def set_read_only(self, read_only: bool) -> None:
        self.location_edit.setReadOnly(read_only)
        self.code_edit.setReadOnly(read_only)
