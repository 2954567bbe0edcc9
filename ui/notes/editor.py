"""The note window: prompt form, streamed draft, review panel, sign, addendum, PDF.

Composed of parts that get what they need in their constructors: SessionDetails (who, when,
where), PromptForm, DraftView, ReviewPanel, SigningFlow (sign, addenda, PDF) and a DraftJob per
draft. The window holds the note and wires them. It saves itself every 3 seconds and whenever
focus leaves a field, so a crash loses at most a few seconds of typing. Every vault access is a
use case of app/ on the UI thread; drafting runs on a QThread.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
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

from app.documents.plans import progress_picks
from app.export_names import note_pdf_name
from app.notes import (
    DraftOutcome,
    DraftProgress,
    NoteContext,
    acknowledge_all_flags,
    acknowledge_flag,
    autosave,
    preferred_approach,
    remember_approach,
    sign_blockers,
    style_examples,
    update_session_details,
)
from app.practice import practice_profile
from app.workspace import Workspace
from models.common import date_text
from models.completeness import flag_resolved
from models.errors import StillnoteError
from models.flags import Flag
from models.note import FORMAT_HEADINGS, Note, NoteFormat
from ui.errors import show_error
from ui.measures.events import measure_events
from ui.measures.note_hooks import fill_measures_field, refresh_screens
from ui.notes.draft_view import DraftView
from ui.notes.draft_worker import DraftJob
from ui.notes.events import note_events
from ui.notes.prompt_form import PromptForm
from ui.notes.review_panel import ReviewPanel
from ui.notes.session_details import SessionDetails
from ui.notes.sign_dialog import AddendumDialog, SignDialog
from ui.notes.signing import SigningFlow
from ui.widgets import named

AUTOSAVE_MS = 3000
DRAFT_KEY = "Ctrl+D"
CLOSE_KEYS = ("Esc", "Ctrl+W")  # Done: save, then close
SIGN_KEYS = ("Ctrl+Return", "Ctrl+Enter")  # Return on the main keyboard, Enter on the keypad


class NoteEditor(QWidget):
    draft_finished = Signal(object)  # app.notes.DraftOutcome
    signed = Signal(object)  # the signed Note
    saved = Signal()
    closed = Signal()

    def __init__(self, workspace: Workspace, context: NoteContext,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.workspace = workspace
        self.context = context
        self.note: Note = context.note
        self.job: DraftJob | None = None
        self._flag_state: tuple[tuple[Flag, ...], tuple[bool, ...]] = ((), ())
        tz = context.practice.zone
        # Titles show in the task bar, window switcher and screen shares: no client name there
        # (the header inside the window names the client).
        start = context.appointment.start.astimezone(tz)
        self.setWindowTitle(f"Stillnote — Progress note, {date_text(start.date())} "
                            f"{start:%H:%M}")
        self.details = SessionDetails(context, tz)
        # the plan in force gives the goals and objectives to pick (ui/documents' side)
        self.plan_picks = workspace.do(progress_picks, context.client.id or 0)
        self.form = PromptForm(self.plan_picks.goals, objectives=self.plan_picks.objectives)
        self.draft_view = DraftView()
        self.review = ReviewPanel()
        self.signing = SigningFlow(workspace, self, tz)
        self._build()
        self._connect()
        self.form.load(self.note, workspace.do(preferred_approach, context.client.id or 0))
        self.draft_view.set_headings(FORMAT_HEADINGS[self.note.format])
        if self.note.sections:
            self.draft_view.set_sections(self.note.sections)
        self.timer = QTimer(self)
        self.timer.setInterval(AUTOSAVE_MS)
        self.timer.timeout.connect(self.save_now)
        self.refresh_review()
        if self.plan_picks.notice and not self.note.is_signed:
            self.review.set_notices([self.plan_picks.notice])
        if self.note.is_signed:
            self._show_locked()
        self.timer.start()  # saves drafts; for every note, closes the window once locked
        self.resize(1280, 820)

    # --- layout -------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.addWidget(self.details)
        splitter = QSplitter()
        scroll = QScrollArea()
        scroll.setWidget(self.form)
        scroll.setWidgetResizable(True)
        # The form follows the pane's width so the quick-pick chips wrap instead of scrolling.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        splitter.addWidget(scroll)
        middle = QWidget()
        mid = QVBoxLayout(middle)
        mid.addWidget(self.draft_view, 1)
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
        splitter.setSizes([500, 520, 300])
        outer.addWidget(splitter, 1)

        buttons = QHBoxLayout()
        self.draft_button = named(QPushButton("&Draft"), "draft")
        self.sign_button = named(QPushButton("Si&gn…"), "sign")
        self.addendum_button = named(QPushButton("Add adde&ndum…"), "addendum")
        self.export_button = named(QPushButton("&Export PDF…"), "export_pdf")
        self.include_process = named(QCheckBox("Include private process notes"),
                                     "include_process_notes")
        self.include_measures = named(QCheckBox("Include measures"), "include_measures")
        self.include_measures.setToolTip("Add the session's scores and their charts to the PDF")
        self.status = named(QLabel(), "status")
        # What the review panel says about readiness, in one line; the two always agree.
        self.readiness = named(QLabel(), "noteReadiness")
        self.done_button = named(QPushButton("Done"), "done")
        self.done_button.setToolTip("Save and close the note (Esc or Ctrl+W)")
        for widget in (self.draft_button, self.sign_button, self.addendum_button,
                       self.export_button, self.include_process, self.include_measures):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        buttons.addWidget(self.status)
        buttons.addSpacing(12)
        buttons.addWidget(self.readiness)
        buttons.addSpacing(12)
        buttons.addWidget(self.done_button)
        outer.addLayout(buttons)
        self.addendum_button.setEnabled(False)
        self.draft_button.setToolTip(f"Draft the note from the prompt ({DRAFT_KEY})")
        self.sign_button.setToolTip(f"Sign and lock the note ({SIGN_KEYS[0]})")

    def _connect(self) -> None:
        self.draft_button.clicked.connect(self.start_draft)
        self.cancel_button.clicked.connect(self.cancel_draft)
        self.sign_button.clicked.connect(self.open_sign_dialog)
        self.addendum_button.clicked.connect(self.open_addendum_dialog)
        self.export_button.clicked.connect(lambda: self.export_pdf())
        self.done_button.clicked.connect(self.close)
        for keys in CLOSE_KEYS:
            self._shortcut(QKeySequence(keys), self.close)
        # Keyboard first: Ctrl+D drafts, Ctrl+Enter signs (the dialog's default button is
        # "Sign and lock", so Enter confirms), Ctrl+S saves now. Button tooltips say so.
        self._shortcut(QKeySequence(QKeySequence.StandardKey.Save), self.save_now)
        self._shortcut(QKeySequence(DRAFT_KEY), self._draft_shortcut)
        for keys in SIGN_KEYS:
            self._shortcut(QKeySequence(keys), self._sign_shortcut)
        self.details.edited.connect(self._save_details)
        self.form.changed.connect(self._on_changed)
        self.form.left_field.connect(self.save_now)
        self.form.format_changed.connect(self._on_format)
        self.form.clipped.connect(self.status.setText)
        self.draft_view.changed.connect(self._on_changed)
        self.draft_view.left_field.connect(self.save_now)
        self.review.acknowledge_requested.connect(self.acknowledge)
        self.review.insert_requested.connect(self.insert_lost_fact)
        self.review.ack_all.clicked.connect(self.acknowledge_all)
        self.signing.sign_requested.connect(self.sign)
        self.signing.amended.connect(note_events().changed)
        self.signing.status.connect(self.status.setText)
        measure_events().recorded.connect(self._measures_recorded)

    def _shortcut(self, keys: QKeySequence, slot: Callable[[], object]) -> None:
        QShortcut(keys, self).activated.connect(slot)

    def _draft_shortcut(self) -> None:
        if self.draft_button.isEnabled():
            self.start_draft()

    def _sign_shortcut(self) -> None:
        dialog = self.signing.sign_dialog
        if self.sign_button.isEnabled() and not (dialog and dialog.isVisible()):
            self.open_sign_dialog()

    # --- the note -----------------------------------------------------------------------
    def collect(self) -> None:
        """Copy what is on screen into the note (the form and the draft editors)."""
        if self.note.is_signed:
            return
        self.form.store(self.note)
        if any(e.toPlainText().strip() for e in self.draft_view.editors.values()) \
                or self.note.sections:
            self.note.sections = self.draft_view.sections()

    def save_now(self) -> bool:
        if self.workspace.is_locked:
            # The practice locked (idle or by hand): no note text stays on screen.
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

    def _on_format(self, value: str) -> None:
        self.collect()
        self.draft_view.set_headings(FORMAT_HEADINGS[NoteFormat(value)])

    def _save_details(self, location: str, code: str) -> None:
        if (location, code) == (self.context.location, self.context.service_code):
            return
        try:
            self.context.appointment = self.workspace.do(
                update_session_details, self.context.appointment.id or 0, location=location,
                cpt_code=code)
        except StillnoteError as exc:
            show_error(self, exc)
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
        self.review.set_gaps([] if note.is_signed else sign_blockers(self.context))
        ready, line = self.review.readiness()
        self.readiness.setText(line)
        self.readiness.setProperty("ready", ready)
        self.readiness.style().unpolish(self.readiness)
        self.readiness.style().polish(self.readiness)

    def _measures_recorded(self, client_id: int) -> None:
        """A score of this client was recorded: a positive screen may now block signing."""
        if client_id == self.context.client.id and not self.workspace.is_locked:
            refresh_screens(self.workspace, self.context)
            self.refresh_review()

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
        fill_measures_field(self.workspace, self.note, self.form)  # the session's scores
        with contextlib.suppress(StillnoteError):  # a preference only; drafting goes on
            self.workspace.do(remember_approach, self.context.client.id or 0,
                              self.form.approach)
        headings = FORMAT_HEADINGS[self.note.format]
        self.draft_view.set_headings(headings)
        self.progress.setRange(0, len(headings))
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.cancel_button.setVisible(True)
        self._set_busy(True)
        style: list[str] = []
        with contextlib.suppress(StillnoteError):  # the therapist's style is a nicety
            style = self.workspace.do(style_examples)
        self.job = DraftJob(self.note, self.context.appointment, self.context.client,
                            self.workspace.settings, self.form.approach, parent=self,
                            style=style)
        self.job.progress.connect(self._on_progress)
        self.job.finished.connect(self._on_draft_done)
        self.job.failed.connect(self._on_draft_failed)
        self.status.setText("Drafting…")
        self.job.start()

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
        self.note.format = drafted.format
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
            self.status.setText("Draft ready.")
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
        self.context.practice = self.workspace.do(practice_profile)  # who signs, as of now
        return self.signing.open_sign_dialog(self.context.practice, sign_blockers(self.context))

    def sign(self) -> bool:
        self.collect()
        signed = self.signing.sign(self.note)
        if signed is None:
            return False
        self.note = self.context.note = signed
        self._show_locked()
        self.signed.emit(signed)
        note_events().changed.emit()
        return True

    def _show_locked(self) -> None:
        self.form.load(self.note)
        self.draft_view.set_sections(self.note.sections)
        self.form.set_read_only(True)
        self.draft_view.set_read_only(True)
        self.details.set_read_only(True)
        for button in (self.draft_button, self.sign_button):
            button.setEnabled(False)
        self.addendum_button.setEnabled(True)
        self.review.set_read_only(True)
        self.refresh_review()
        self.review.ack_all.setEnabled(False)
        self.signing.show_signature(self.note)

    def open_addendum_dialog(self) -> AddendumDialog:
        return self.signing.open_addendum_dialog()

    def export_pdf(self, path: Path | None = None) -> Path | None:
        self.save_now()
        day = self.context.appointment.start.astimezone(self.context.practice.zone).date()
        return self.signing.export_pdf(self.note.id or 0, self.include_process.isChecked(), path,
                                       note_pdf_name(day, signed=self.note.is_signed),
                                       include_measures=self.include_measures.isChecked())

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt name)
        if self.job is not None and self.job.running:
            self.job.wait()
        self.timer.stop()
        if not self.workspace.is_locked:
            self.save_now()
        super().closeEvent(event)
        self.closed.emit()
