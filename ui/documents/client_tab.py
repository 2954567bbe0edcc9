"""The client page's Documents tab: the intake assessment, every treatment plan version and the
discharge summary, and the buttons that write them."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from app.documents.listing import DocumentRow, documents_of_client, intake_session
from app.workspace import Workspace
from models.client import Client
from models.common import date_text
from models.errors import StillnoteError
from models.note import NoteKind
from ui.documents.windows import open_discharge, open_document_editor, open_plan
from ui.errors import show_error
from ui.notes.events import note_events
from ui.notes.windows import open_note_editor
from ui.widgets import button_row, fill_table, hint_label, list_table, named


class DocumentsTab(QWidget):
    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.workspace = workspace
        self.client: Client | None = None
        self.rows: list[DocumentRow] = []
        self.table = named(list_table(("Document", "Date", "Status", "Details"), 3),
                           "documents_table")
        self.empty = hint_label("No documents yet. The intake assessment is the note of the "
                                "diagnostic evaluation (90791); write the treatment plan "
                                "after it.")
        self.intake_button = named(QPushButton("Intake assessment"), "open_intake")
        self.plan_button = named(QPushButton("Treatment plan…"), "open_plan")
        self.plan_button.setToolTip("Write the first plan, or revise the plan in force (the "
                                    "signed version stays as it was)")
        self.discharge_button = named(QPushButton("Discharge summary…"), "open_discharge")
        self.open_button = named(QPushButton("Open"), "open_document")
        self.open_button.setEnabled(False)
        self.plan_state = named(QLabel(), "plan_state")
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.plan_state)
        layout.addLayout(button_row(self.open_button, self.intake_button, self.plan_button,
                                    self.discharge_button))
        self.open_button.clicked.connect(self.open_selected)
        self.table.cellDoubleClicked.connect(lambda _r, _c: self.open_selected())
        self.table.itemSelectionChanged.connect(
            lambda: self.open_button.setEnabled(self.selected() is not None))
        self.intake_button.clicked.connect(self.open_intake)
        self.plan_button.clicked.connect(self.write_plan)
        self.discharge_button.clicked.connect(self.write_discharge)
        note_events().changed.connect(self._refresh)

    def show_client(self, client: Client) -> None:
        self.client = client
        self._refresh()

    def _refresh(self) -> None:
        client = self.client
        if client is None or client.id is None or self.workspace.is_locked:
            return
        try:
            self.rows = self.workspace.do(documents_of_client, client.id)
        except StillnoteError:
            return
        fill_table(self.table, [(r.title, date_text(r.day), r.note.status.value.capitalize(),
                                 r.detail) for r in self.rows])
        self.table.setVisible(bool(self.rows))
        self.empty.setVisible(not self.rows)
        has_plan = any(r.note.kind is NoteKind.TREATMENT_PLAN and r.note.is_signed
                       for r in self.rows)
        self.plan_button.setText("Revise plan…" if has_plan else "Treatment plan…")
        self.plan_state.setText("" if has_plan else "No signed treatment plan yet.")

    def selected(self) -> DocumentRow | None:
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def open_selected(self) -> QWidget | None:
        row = self.selected()
        return open_document_editor(self, self.workspace, row.note) if row else None

    def open_intake(self) -> QWidget | None:
        if self.client is None or self.client.id is None:
            return None
        session = self.workspace.do(intake_session, self.client.id)
        if session is None or session.id is None:
            show_error(self, StillnoteError("The intake assessment is written from an attended "
                                            "diagnostic evaluation (90791): book one, mark it "
                                            "attended, then write its note."))
            return None
        return open_note_editor(self, self.workspace, session.id)

    def write_plan(self) -> QWidget | None:
        if self.client is None or self.client.id is None:
            return None
        return open_plan(self, self.workspace, self.client.id)

    def write_discharge(self) -> QWidget | None:
        if self.client is None or self.client.id is None:
            return None
        return open_discharge(self, self.workspace, self.client.id)
