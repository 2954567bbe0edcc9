"""The document window: an intake assessment, a treatment plan or a discharge summary, from its
structured prompt to the signed PDF, as the note window does it for a progress note.

Composed of the note window's parts (DraftView, ReviewPanel, the signing flow, a DraftJob per
draft) around the document's own form (form.py). It saves itself every 3 seconds and whenever
focus leaves a field; Ctrl+D drafts, Ctrl+Enter opens the sign dialog, Ctrl+S saves now.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.documents.discharge import fill_record_prompts, goal_outcomes
from app.documents.workflow import DocumentContext, blockers_of, context_of
from app.notes import (
    DraftOutcome,
    DraftProgress,
    acknowledge_all_flags,
    acknowledge_flag,
    ai_drafting_allowed,
    autosave,
    style_examples,
)
from app.practice import practice_profile
from app.workspace import Workspace
from models.common import date_text
from models.completeness import flag_resolved
from models.errors import StillnoteError
from models.flags import Flag
from models.note import FORMAT_HEADINGS, KIND_TITLES, Note, NoteFormat
from ui.documents.form import DocumentForm
from ui.documents.signing import DocumentSigning
from ui.errors import show_error
from ui.measures.note_hooks import fill_measures_field
from ui.notes.draft_view import DraftView
from ui.notes.draft_worker import DraftJob
from ui.notes.events import note_events
from ui.notes.review_panel import ReviewPanel
from ui.notes.sign_dialog import AddendumDialog, SignDialog
from ui.widgets import named

AUTOSAVE_MS = 3000
DRAFT_KEY = "Ctrl+D"
SIGN_KEYS = ("Ctrl+Return", "Ctrl+Enter")


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


class DocumentEditor(QWidget):
    draft_finished = Signal(object)  # DraftOutcome
    signed = Signal(object)  # the signed Note
    saved = Signal()
    closed = Signal()

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
        bar = QHBoxLayout()
        self.progress = named(QProgressBar(), "draft_progress")
        self.progress.setFormat("%v of %m sections")
        self.progress.setVisible(False)
        self.cancel_button = named(QPushButton("Cancel"), "cancel_draft")
        self.cancel_button.setVisible(False)
        bar.addWidget(self.progress, 1)
        bar.addWidget(self.cancel_button)
        mid.addLayout(bar)
        mid.addWidget(self.signing.signature_label)
        splitter.addWidget(middle)
        splitter.addWidget(self.review)
        splitter.setSizes([520, 520, 280])
        outer.addWidget(splitter, 1)
        buttons = QHBoxLayout()
        self.draft_button = named(QPushButton("&Draft"), "draft")
        self.sign_button = named(QPushButton("Si&gn…"), "sign")
        self.addendum_button = named(QPushButton("Add adde&ndum…"), "addendum")
        self.export_button = named(QPushButton("&Export PDF…"), "export_pdf")
        self.status = named(QLabel(), "status")
        for widget in (self.draft_button, self.sign_button, self.addendum_button,
                       self.export_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        buttons.addWidget(self.status)
        outer.addLayout(buttons)
        self.addendum_button.setEnabled(False)
        self.draft_button.setToolTip(f"Draft the document from the prompt ({DRAFT_KEY})")
        self.sign_button.setToolTip(f"Sign and lock the document ({SIGN_KEYS[0]})")

    def _connect(self) -> None:
        self.draft_button.clicked.connect(self.start_draft)
        self.cancel_button.clicked.connect(self.cancel_draft)
        self.sign_button.clicked.connect(self.open_sign_dialog)
        self.addendum_button.clicked.connect(self.open_addendum_dialog)
        self.export_button.clicked.connect(lambda: self.export_pdf())
        self._shortcut(QKeySequence(QKeySequence.StandardKey.Save), self.save_now)
        self._shortcut(QKeySequence(DRAFT_KEY), self._draft_shortcut)
        for keys in SIGN_KEYS:
            self._shortcut(QKeySequence(keys), self._sign_shortcut)
        self.form.changed.connect(self._on_changed)
        self.form.left_field.connect(self.save_now)
        self.form.clipped.connect(self.status.setText)
        self.draft_view.changed.connect(self._on_changed)
        self.draft_view.left_field.connect(self.save_now)
        self.review.acknowledge_requested.connect(self.acknowledge)
        self.review.insert_requested.connect(self.insert_lost_fact)
        self.review.ack_all.clicked.connect(self.acknowledge_all)
        self.signing.sign_requested.connect(self.sign)
        self.signing.amended.connect(note_events().changed)
        self.signing.status.connect(self.status.setText)

    def _set_headings(self) -> tuple[str, ...]:
        """One box per section; a document has many, so each keeps a readable height and
        the draft scrolls."""
        headings = FORMAT_HEADINGS[self.note.format]
        self.draft_view.set_headings(headings)
        for editor in self.draft_view.editors.values():
            editor.setMinimumHeight(84)
        return headings

    def _shortcut(self, keys: QKeySequence, slot: Callable[[], object]) -> None:
        QShortcut(keys, self).activated.connect(slot)

    def _draft_shortcut(self) -> None:
        if self.draft_button.isEnabled():
            self.start_draft()

    def _sign_shortcut(self) -> None:
        dialog = self.signing.sign_dialog
        if self.sign_button.isEnabled() and not (dialog and dialog.isVisible()):
            self.open_sign_dialog()

    # --- the document -------------------------------------------------------------------
    def collect(self) -> None:
        if self.note.is_signed:
            return
        self.form.store(self.note)
        if any(e.toPlainText().strip() for e in self.draft_view.editors.values()) \
                or self.note.sections:
            self.note.sections = self.draft_view.sections()

    def save_now(self) -> bool:
        if self.workspace.is_locked:
            self.timer.stop()
            QTimer.singleShot(0, self.close)
            return False
        if self.note.is_signed or (self.job is not None and self.job.running):
            return False
        self.collect()
        try:
            self.workspace.do(autosave, self.note)
        except StillnoteError as exc:
            self.status.setText(str(exc))
            return False
        self.status.setText("Saved")
        self.saved.emit()
        return True

    def _on_changed(self) -> None:
        if not self.note.is_signed:
            self.collect()
            self.refresh_review()

    def refresh_review(self) -> None:
        note = self.note
        resolved = tuple(flag_resolved(f, note) for f in note.flags)
        state = (tuple(note.flags), resolved)
        if state != self._flag_state:
            self._flag_state = state
            self.review.set_flags(note.flags, resolved)
            self.draft_view.set_flags(note.flags)
            if note.is_signed:
                self.review.set_read_only(True)
        self.context.note = note
        self.review.set_gaps([] if note.is_signed else blockers_of(self.context))

    # --- flags --------------------------------------------------------------------------
    def acknowledge(self, index: int) -> None:
        acknowledge_flag(self.note, index)
        self.refresh_review()
        self.save_now()

    def acknowledge_all(self) -> None:
        acknowledge_all_flags(self.note)
        self.refresh_review()
        self.save_now()

    def insert_lost_fact(self, index: int) -> None:
        flag = self.note.flags[index]
        self.draft_view.insert_text(flag.section, flag.text)
        self.collect()
        self.refresh_review()
        self.save_now()

    # --- drafting -----------------------------------------------------------------------
    def start_draft(self) -> None:
        if self.note.is_signed or (self.job is not None and self.job.running):
            return
        if any(s.text.strip() for s in self.note.sections) and QMessageBox.question(
                self, "Draft again", "Replace the current draft, including your edits, with a "
                "new draft from the prompt?") != QMessageBox.StandardButton.Yes:
            return
        self.save_now()
        self._fill_from_record()
        headings = self._set_headings()
        self.progress.setRange(0, len(headings))
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.cancel_button.setVisible(True)
        self._set_busy(True)
        style: list[str] = []
        with contextlib.suppress(StillnoteError):  # the therapist's style is a nicety
            style = self.workspace.do(style_examples)
        self.job = DraftJob(self.note, self.context.appointment, self.context.client,
                            self.workspace.settings, parent=self, style=style)
        self.job.progress.connect(self._on_progress)
        self.job.finished.connect(self._on_draft_done)
        self.job.failed.connect(self._on_draft_failed)
        self.status.setText("Drafting…")
        self.job.start()

    def _fill_from_record(self) -> None:
        """What the record says, as of now: an intake's scores, a discharge summary's dates,
        sessions and first and last scores."""
        if self.context.appointment is not None:
            fill_measures_field(self.workspace, self.note, self.form)
        if self.note.format is NoteFormat.DISCHARGE:
            self.workspace.do(fill_record_prompts, self.note)
            self.form.load(self.note, self.form.goals.outcomes() if self.form.goals else None)

    def cancel_draft(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.status.setText("Cancelling…")

    def _on_progress(self, progress: DraftProgress) -> None:
        self.draft_view.show_progress(progress.section, progress.text)
        self.progress.setRange(0, max(1, progress.sections_total))
        self.progress.setValue(progress.sections_done)

    def _on_draft_done(self, outcome: DraftOutcome) -> None:
        drafted = outcome.note
        self.note.sections = drafted.sections
        self.note.flags = drafted.flags
        self.draft_view.set_sections(self.note.sections)
        self._draft_ended()
        self.refresh_review()
        self.save_now()
        if outcome.cancelled:
            self.status.setText("Drafting cancelled: what was written so far is kept.")
        elif outcome.reason:
            self.status.setText("Drafted from your own words (no AI consent).")
        else:
            self.status.setText("Draft ready: review the flagged items.")
        self.draft_finished.emit(outcome)

    def _on_draft_failed(self, exc: BaseException) -> None:
        self._draft_ended()
        show_error(self, exc)

    def _draft_ended(self) -> None:
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        self._set_busy(False)

    def _set_busy(self, busy: bool) -> None:
        self.draft_button.setEnabled(not busy)
        self.sign_button.setEnabled(not busy)
        self.draft_view.set_read_only(busy)

    # --- signing ------------------------------------------------------------------------
    @property
    def sign_dialog(self) -> SignDialog | None:
        return self.signing.sign_dialog

    @property
    def addendum_dialog(self) -> AddendumDialog | None:
        return self.signing.addendum_dialog

    def open_sign_dialog(self) -> SignDialog:
        self.save_now()
        self.context.practice = self.workspace.do(practice_profile)
        return self.signing.open_sign_dialog(self.context.practice, blockers_of(self.context))

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

    def open_addendum_dialog(self) -> AddendumDialog:
        return self.signing.open_addendum_dialog()

    def export_pdf(self, path: Path | None = None) -> Path | None:
        self.save_now()
        return self.signing.export_pdf(self.note.id or 0, False, path)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt name)
        if self.job is not None and self.job.running:
            self.job.wait()
        self.timer.stop()
        if not self.workspace.is_locked:
            self.save_now()
        super().closeEvent(event)
        self.closed.emit()
