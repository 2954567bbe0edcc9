"""The note window: prompt form, streamed draft, review panel, sign, addendum, PDF.

It saves itself every 3 seconds and whenever focus leaves a field, so a crash loses at most a
few seconds of typing. All vault access happens on the UI thread; drafting runs on a QThread.
"""

from __future__ import annotations

import contextlib
import logging
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.notes import (
    NoteContext,
    acknowledge_all_flags,
    acknowledge_flag,
    ai_drafting_allowed,
    autosave,
    preferred_approach,
    remember_approach,
    sign_blockers,
    update_session_details,
)
from models.billing import no_code_reason
from models.completeness import flag_resolved
from models.errors import StillnoteError
from models.note import FORMAT_HEADINGS, NoteFormat
from ui.errors import show_error
from ui.notes.draft_view import DraftView
from ui.notes.draft_worker import DraftJob, pipeline_for
from ui.notes.editor_signing import SigningActions
from ui.notes.prompt_form import PromptForm
from ui.notes.review_panel import ReviewPanel
from ui.notes.sign_dialog import AddendumDialog, SignDialog
from ui.timefmt import zone

log = logging.getLogger(__name__)
AUTOSAVE_MS = 3000
DRAFT_KEY = "Ctrl+D"
SIGN_KEYS = ("Ctrl+Return", "Ctrl+Enter")  # Return on the main keyboard, Enter on the keypad


class NoteEditor(SigningActions, QWidget):
    draft_finished = Signal(object)  # app.notes.DraftOutcome
    signed = Signal(object)  # the signed Note
    saved = Signal()
    closed = Signal()

    def __init__(self, workspace: Any, context: NoteContext, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.workspace = workspace
        self.context = context
        self.note = context.note
        self.job: DraftJob | None = None
        self.sign_dialog: SignDialog | None = None
        self.addendum_dialog: AddendumDialog | None = None
        self._flag_state: tuple[Any, ...] = ()
        self._tz = zone(context.practice.timezone)
        # Titles show in the task bar, window switcher and screen shares: no client name there
        # (the header inside the window names the client).
        start = context.appointment.start.astimezone(self._tz)
        self.setWindowTitle(f"Stillnote — Progress note, {start:%m/%d/%Y %H:%M}")
        self._build()
        self.form.load(self.note, preferred_approach(workspace.vault, context.client.id))
        self.draft_view.set_headings(FORMAT_HEADINGS[self.note.format])
        if self.note.sections:
            self.draft_view.set_sections(self.note.sections)
        self.timer = QTimer(self, interval=AUTOSAVE_MS)
        self.timer.timeout.connect(self.save_now)
        self.refresh_review()
        if self.note.is_signed:
            self._show_locked()
        self.timer.start()  # saves drafts; for every note, closes the window once locked
        self.resize(1280, 820)

    # --- layout -------------------------------------------------------------------------
    def _build(self) -> None:
        ctx = self.context
        appt, client = ctx.appointment, ctx.client
        outer = QVBoxLayout(self)
        dx = client.primary_diagnosis
        local_start = appt.start.astimezone(self._tz)
        info = QLabel(objectName="session_info")
        info.setTextFormat(Qt.TextFormat.PlainText)
        info.setText(
            f"{client.legal_name} · DOB "
            f"{client.date_of_birth.isoformat() if client.date_of_birth else 'not recorded'} · "
            f"{local_start:%Y-%m-%d %H:%M}, {appt.minutes} min · {appt.modality.value} · "
            f"Dx {dx.code if dx else 'none on file'}")
        outer.addWidget(info)
        details = QHBoxLayout()
        self.location_edit = QLineEdit(ctx.location, objectName="location")
        self.code_edit = QLineEdit(ctx.service_code, objectName="service_code")
        self.code_edit.setMaximumWidth(90)
        if not ctx.service_code:  # say why no code was suggested (e.g. a 12-minute session)
            self.code_edit.setToolTip(no_code_reason(appt))
            self.code_edit.setPlaceholderText("none")
        details.addWidget(QLabel("&Location:", buddy=self.location_edit))
        details.addWidget(self.location_edit, 1)
        details.addWidget(QLabel("Service &code:", buddy=self.code_edit))
        details.addWidget(self.code_edit)
        self.location_edit.editingFinished.connect(self._save_details)
        self.code_edit.editingFinished.connect(self._save_details)
        outer.addLayout(details)
        allowed, reason = ai_drafting_allowed(client)
        self.consent_label = QLabel("" if allowed else reason, objectName="consent")
        self.consent_label.setWordWrap(True)
        self.consent_label.setVisible(not allowed)
        outer.addWidget(self.consent_label)

        splitter = QSplitter()
        self.form = PromptForm(ctx.goals)
        scroll = QScrollArea()
        scroll.setWidget(self.form)
        scroll.setWidgetResizable(True)
        # The form follows the pane's width so the quick-pick chips wrap instead of scrolling.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        splitter.addWidget(scroll)
        middle = QWidget()
        mid = QVBoxLayout(middle)
        self.draft_view = DraftView()
        mid.addWidget(self.draft_view, 1)
        bar = QHBoxLayout()
        self.progress = QProgressBar(objectName="draft_progress")
        self.progress.setFormat("%v of %m sections")
        self.progress.setVisible(False)
        self.cancel_button = QPushButton("Cancel", objectName="cancel_draft")
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel_draft)
        bar.addWidget(self.progress, 1)
        bar.addWidget(self.cancel_button)
        mid.addLayout(bar)
        self.signed_label = QLabel(objectName="signed_label")
        self.signed_label.setTextFormat(Qt.TextFormat.PlainText)
        self.signed_label.setWordWrap(True)
        mid.addWidget(self.signed_label)
        splitter.addWidget(middle)
        self.review = ReviewPanel()
        splitter.addWidget(self.review)
        splitter.setSizes([500, 520, 300])
        outer.addWidget(splitter, 1)

        buttons = QHBoxLayout()
        self.draft_button = QPushButton("&Draft", objectName="draft")
        self.sign_button = QPushButton("Si&gn…", objectName="sign")
        self.addendum_button = QPushButton("Add adde&ndum…", objectName="addendum")
        self.export_button = QPushButton("&Export PDF…", objectName="export_pdf")
        self.include_process = QCheckBox("Include private process notes",
                                         objectName="include_process_notes")
        self.status = QLabel(objectName="status")
        for widget in (self.draft_button, self.sign_button, self.addendum_button,
                       self.export_button, self.include_process):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        buttons.addWidget(self.status)
        outer.addLayout(buttons)
        self.addendum_button.setEnabled(False)
        self.draft_button.clicked.connect(self.start_draft)
        self.sign_button.clicked.connect(self.open_sign_dialog)
        self.addendum_button.clicked.connect(self.open_addendum_dialog)
        self.export_button.clicked.connect(lambda: self.export_pdf())
        # Keyboard first: Ctrl+D drafts, Ctrl+Enter signs (the dialog's default button is
        # "Sign and lock", so Enter confirms), Ctrl+S saves now. Button tooltips say so.
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save_now)
        QShortcut(QKeySequence(DRAFT_KEY), self, activated=self._draft_shortcut)
        for keys in SIGN_KEYS:
            QShortcut(QKeySequence(keys), self, activated=self._sign_shortcut)
        self.draft_button.setToolTip(f"Draft the note from the prompt ({DRAFT_KEY})")
        self.sign_button.setToolTip(f"Sign and lock the note ({SIGN_KEYS[0]})")

        self.form.changed.connect(self._on_changed)
        self.form.left_field.connect(self.save_now)
        self.form.format_changed.connect(self._on_format)
        self.form.clipped.connect(self.status.setText)
        self.draft_view.changed.connect(self._on_changed)
        self.draft_view.left_field.connect(self.save_now)
        self.review.acknowledge_requested.connect(self.acknowledge)
        self.review.insert_requested.connect(self.insert_lost_fact)
        self.review.ack_all.clicked.connect(self.acknowledge_all)

    def _draft_shortcut(self) -> None:
        if self.draft_button.isEnabled():
            self.start_draft()

    def _sign_shortcut(self) -> None:
        if self.sign_button.isEnabled() and not (self.sign_dialog and
                                                 self.sign_dialog.isVisible()):
            self.open_sign_dialog()

    # --- state --------------------------------------------------------------------------
    @property
    def vault(self) -> Any:
        return self.workspace.vault

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
            autosave(self.vault, self.note)
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

    def _save_details(self) -> None:
        location, code = self.location_edit.text().strip(), self.code_edit.text().strip()
        if (location, code) == (self.context.location, self.context.service_code):
            return
        try:
            self.context.appointment = update_session_details(
                self.vault, self.context.appointment.id, location=location, cpt_code=code)
        except StillnoteError as exc:
            show_error(self, exc)
        self.refresh_review()

    def refresh_review(self) -> None:
        note = self.note
        resolved = [flag_resolved(f, note) for f in note.flags]
        state = tuple((f.acknowledged, r) for f, r in zip(note.flags, resolved, strict=True))
        if state != self._flag_state or len(self.review.rows) != len(note.flags):
            self._flag_state = state
            self.review.set_flags(note.flags, resolved)
            self.draft_view.set_flags(note.flags)
            if note.is_signed:
                self.review.set_read_only(True)
        self.context.note = note
        self.review.set_gaps([] if note.is_signed else sign_blockers(self.context))

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
        with contextlib.suppress(StillnoteError):  # a preference only; drafting goes on
            remember_approach(self.vault, self.context.client.id, self.form.approach)
        headings = FORMAT_HEADINGS[self.note.format]
        self.draft_view.set_headings(headings)
        self.progress.setRange(0, len(headings))
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.cancel_button.setVisible(True)
        self._set_busy(True)
        try:
            pipeline = pipeline_for(self.workspace.settings)
        except Exception as exc:  # the drafting package failed to load: say so plainly
            self._draft_ended()
            show_error(self, exc)
            return
        self.job = DraftJob(self.note, self.context.appointment, self.context.client, pipeline,
                            self.form.approach, parent=self)
        self.job.progress.connect(self._on_progress)
        self.job.finished.connect(self._on_draft_done)
        self.job.failed.connect(self._on_draft_failed)
        self.status.setText("Drafting…")
        self.job.start()

    def cancel_draft(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.status.setText("Cancelling…")

    def _on_progress(self, progress: Any) -> None:
        self.draft_view.show_progress(progress.section, progress.text)
        self.progress.setRange(0, max(1, progress.sections_total))
        self.progress.setValue(progress.sections_done)

    def _on_draft_done(self, outcome: Any) -> None:
        drafted = outcome.note
        self.note.format = drafted.format
        self.note.sections = drafted.sections
        self.note.flags = drafted.flags
        self.draft_view.set_sections(self.note.sections)
        self._draft_ended()
        self._flag_state = ()
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

    def closeEvent(self, event: Any) -> None:  # noqa: N802 (Qt name)
        if self.job is not None and self.job.running:
            self.job.wait()
        self.timer.stop()
        if not self.workspace.is_locked:
            self.save_now()
        super().closeEvent(event)
        self.closed.emit()

