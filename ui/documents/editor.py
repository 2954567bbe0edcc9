"""The document window: an intake assessment, a treatment plan or a discharge summary, from its
structured prompt to the signed PDF, as the note window does it for a progress note.

Composed of the note window's parts (DraftView, ReviewPanel, the signing flow, a DraftJob per
draft) around the document's own form (form.py). It saves itself every 3 seconds and whenever
focus leaves a field; Ctrl+D drafts, Ctrl+Enter opens the sign dialog, Ctrl+S saves now.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QLabel,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.documents.discharge import fill_record_prompts, goal_outcomes
from app.documents.workflow import DocumentContext, blockers_of, context_of
from app.notes import (
    ai_drafting_allowed,
)
from app.workspace import Workspace
from models.common import date_text
from models.flags import Flag
from models.note import FORMAT_HEADINGS, KIND_TITLES, Note, NoteFormat
from ui.documents.form import DocumentForm
from ui.documents.signing import DocumentSigning
from ui.measures.note_hooks import fill_measures_field
from ui.notes.draft_view import DraftView
from ui.notes.draft_window import AUTOSAVE_MS, DraftWindow
from ui.notes.draft_worker import DraftJob
from ui.notes.events import note_events
from ui.notes.review_panel import ReviewPanel
from ui.widgets import named


def header_text(context: DocumentContext, day_text: str) -> str:
    """Who and what, as the top of the window says it (the title bar names no client)."""
    client, note = context.client, context.note
    dob = client.date_of_birth.isoformat() if client.date_of_birth else "not recorded"
    parts = [client.legal_name, f"DOB {dob}", KIND_TITLES[note.kind], day_text]
    if note.format is NoteFormat.TREATMENT_PLAN:
        parts.append(f"version {context.version}" + (
            f" (revises version {context.revises_version})" if context.revises_version
            else ""))
    dx = client.primary_diagnosis
    parts.append(f"Dx {dx.code if dx else 'none on file'}")
    return " · ".join(parts)


class DocumentEditor(DraftWindow):
    """An intake, a plan or a discharge summary (the parts every note window shares:
    ui/notes/draft_window)."""

    def __init__(self, workspace: Workspace, context: DocumentContext,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.workspace = workspace
        self.context = context
        self.note: Note = context.note
        self.job: DraftJob | None = None
        self._flag_state: tuple[tuple[Flag, ...], tuple[bool, ...]] = ((), ())
        tz = context.practice.zone
        day = self.note.written_on or (context.appointment.start.astimezone(tz).date()
                                       if context.appointment else None)
        title = KIND_TITLES[self.note.kind]
        self.setWindowTitle(f"Stillnote — {title}, {date_text(day)}")
        self.info = named(QLabel(header_text(context, date_text(day))), "document_info")
        self.info.setTextFormat(Qt.TextFormat.PlainText)
        allowed, reason = ai_drafting_allowed(context.client)
        self.consent_label = named(QLabel("" if allowed else reason), "consent")
        self.consent_label.setWordWrap(True)
        self.consent_label.setVisible(not allowed)
        goals = workspace.do(goal_outcomes, self.note) \
            if self.note.format is NoteFormat.DISCHARGE else []
        self.form = DocumentForm(self.note.format, goals)
        self.draft_view = DraftView()
        self.review = ReviewPanel()
        self.signing = DocumentSigning(workspace, self, tz)
        self._build()
        self._connect()
        self.form.load(self.note, goals)
        self._set_headings()
        if self.note.sections:
            self.draft_view.set_sections(self.note.sections)
        self.timer = QTimer(self)
        self.timer.setInterval(AUTOSAVE_MS)
        self.timer.timeout.connect(self.save_now)
        self.refresh_review()
        if self.note.is_signed:
            self._show_locked()
        self.timer.start()
        self.resize(1280, 860)

    # --- layout -------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.addWidget(self.info)
        outer.addWidget(self.consent_label)
        splitter = QSplitter()
        scroll = QScrollArea()
        scroll.setWidget(self.form)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        splitter.addWidget(scroll)
        middle = QWidget()
        mid = QVBoxLayout(middle)
        drafts = QScrollArea()
        drafts.setWidget(self.draft_view)
        drafts.setWidgetResizable(True)
        mid.addWidget(drafts, 1)
        mid.addLayout(self._progress_row())
        mid.addWidget(self.signing.signature_label)
        splitter.addWidget(middle)
        splitter.addWidget(self.review)
        splitter.setSizes([520, 520, 280])
        outer.addWidget(splitter, 1)
        outer.addLayout(self._button_row("document"))

    def _connect(self) -> None:
        self._connect_common()

    def _set_headings(self) -> tuple[str, ...]:
        """One box per section; a document has many, so each keeps a readable height and
        the draft scrolls."""
        headings = FORMAT_HEADINGS[self.note.format]
        self.draft_view.set_headings(headings)
        for editor in self.draft_view.editors.values():
            editor.setMinimumHeight(84)
        return headings

    # --- drafting -----------------------------------------------------------------------
    def signing_blockers(self) -> list[str]:
        return blockers_of(self.context)

    def _show_headings(self, headings: tuple[str, ...]) -> None:
        self._set_headings()

    def _draft_job(self, style: list[str]) -> DraftJob:
        return DraftJob(self.note, self.context.appointment, self.context.client,
                        self.workspace.settings, parent=self, style=style)

    def _before_draft(self) -> None:
        self._fill_from_record()

    def _fill_from_record(self) -> None:
        """What the record says, as of now: an intake's scores, a discharge summary's dates,
        sessions and first and last scores."""
        if self.context.appointment is not None:
            fill_measures_field(self.workspace, self.note, self.form)
        if self.note.format is NoteFormat.DISCHARGE:
            self.workspace.do(fill_record_prompts, self.note)
            self.form.load(self.note, self.form.goals.outcomes() if self.form.goals else None)

    # --- signing ------------------------------------------------------------------------
    def sign(self) -> bool:
        self.collect()
        signed = self.signing.sign(self.note)
        if signed is None:
            return False
        self.note = signed
        self.context = self.workspace.do(context_of, signed)
        self._show_locked()
        self.signed.emit(signed)
        note_events().changed.emit()
        return True

    def _show_locked(self) -> None:
        self.form.load(self.note, self.form.goals.outcomes() if self.form.goals else None)
        self.draft_view.set_sections(self.note.sections)
        self.form.set_read_only(True)
        self.draft_view.set_read_only(True)
        for button in (self.draft_button, self.sign_button):
            button.setEnabled(False)
        self.addendum_button.setEnabled(True)
        self.refresh_review()
        self.review.set_read_only(True)
        self.review.ack_all.setEnabled(False)
        self.signing.show_signature(self.note)

    def export_pdf(self, path: Path | None = None) -> Path | None:
        self.save_now()
        return self.signing.export_pdf(self.note.id or 0, False, path)

