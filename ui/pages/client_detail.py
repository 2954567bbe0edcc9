"""One client's page: a header with actions and tabs for each side of their record."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.client_header import client_header
from app.clients import discharge_client, get_client, reactivate_client
from app.practice import practice_zone
from app.workspace import Workspace
from models.client import Client
from ui import billing
from ui.dialogs.client_editor import ClientEditor
from ui.documents.client_tab import DocumentsTab
from ui.documents.discharge_offer import offer_discharge_summary
from ui.errors import show_error
from ui.measures.client_tab import MeasuresTab
from ui.notes.events import note_events
from ui.pages.client_facts import ClientFacts
from ui.pages.client_tabs import AppointmentsTab, DiagnosesTab, GoalsTab, NotesTab, ProfileTab


class ClientDetail(QWidget):
    """Emits ``changed`` when the client record changed (name, status) so the list refreshes."""

    changed = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.client: Client | None = None
        self.name = QLabel()
        self.name.setObjectName("pageTitle")
        self.name.setIndent(0)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("hint")
        self.edit_button = QPushButton("Edit client…")
        self.edit_button.setShortcut(QKeySequence("Ctrl+E"))
        self.edit_button.setToolTip("Edit this client's details (Ctrl+E)")
        self.discharge_button = QPushButton("Discharge…")
        self.superbill_button = QPushButton("Superbill…")
        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.name)
        titles.addWidget(self.subtitle)
        header.addLayout(titles, 1)
        header.addWidget(self.superbill_button)
        header.addWidget(self.edit_button)
        header.addWidget(self.discharge_button)
        self.facts = ClientFacts()
        self.profile = ProfileTab()
        self.diagnoses = DiagnosesTab()
        self.goals = GoalsTab(workspace)
        self.appointments = AppointmentsTab(workspace, self.changed.emit)
        self.notes = NotesTab(workspace)
        self.measures = MeasuresTab(workspace)  # ui/measures/client_tab.py
        self.documents = DocumentsTab(workspace)  # ui/documents/client_tab.py
        self.tabs = QTabWidget()
        self.tabs.addTab(self.profile, "Profile")
        self.tabs.addTab(self.diagnoses, "Diagnoses")
        self.tabs.addTab(self.goals, "Goals")
        self.tabs.addTab(self.appointments, "Appointments")
        self.tabs.addTab(self.notes, "Notes")
        self.tabs.addTab(self.measures, "Measures")
        self.tabs.addTab(self.documents, "Documents")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.facts)
        layout.addWidget(self.tabs, 1)
        self.edit_button.clicked.connect(self.edit)
        self.discharge_button.clicked.connect(self.toggle_discharge)
        self.superbill_button.clicked.connect(self.superbill)
        note_events().changed.connect(self._notes_changed)

    def show_client(self, client_id: int) -> None:
        client = self.workspace.do(get_client, client_id)
        self.client = client
        self.name.setText(client.display_name)
        parts = [p for p in (client.pronouns, client.primary_diagnosis.code
                             if client.primary_diagnosis else "",
                             "Active" if client.is_active else "Discharged") if p]
        self.subtitle.setText(" · ".join(parts))
        self.discharge_button.setText("Discharge…" if client.is_active else "Reactivate")
        header = self.workspace.do(client_header, client_id)
        self.facts.show_header(header, self.workspace.do(practice_zone))
        for tab in (self.profile, self.diagnoses, self.goals, self.appointments, self.notes,
                    self.measures, self.documents):
            tab.show_client(client)

    def _notes_changed(self) -> None:
        if self.isVisible() and not self.workspace.is_locked:
            try:
                self.reload()
            except Exception as exc:
                show_error(self, exc)

    def reload(self) -> None:
        if self.client is not None and self.client.id is not None:
            self.show_client(self.client.id)

    def edit(self) -> ClientEditor | None:
        if self.client is None:
            return None
        dialog = ClientEditor(self.workspace, self.client, self)
        dialog.saved.connect(self._edited)
        dialog.open()
        return dialog

    def _edited(self, _client_id: int) -> None:
        self.reload()
        self.changed.emit()

    def toggle_discharge(self) -> None:
        client = self.client
        if client is None or client.id is None:
            return
        try:
            if client.is_active:
                answer = QMessageBox.question(
                    self, "Discharge client",
                    "Discharge this client today? Their record stays; you can reactivate them.")
                if answer != QMessageBox.StandardButton.Yes:
                    return
                self.workspace.do(discharge_client, client.id)
            else:
                self.workspace.do(reactivate_client, client.id)
        except Exception as exc:
            show_error(self, exc)
            return
        self.reload()
        self.changed.emit()
        if client.is_active:  # just discharged: the summary is owed now (ui/documents)
            offer_discharge_summary(self, self.workspace, client.id)

    def superbill(self) -> None:
        if self.client is not None:
            try:
                billing.open_superbill_dialog(self, self.workspace, self.client.id)
            except Exception as exc:
                show_error(self, exc)
