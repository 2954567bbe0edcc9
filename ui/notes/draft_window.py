"""What the note window and the document window share: autosave, the review panel's flags and
gaps, the draft job's progress, the sign and addendum dialogs, and closing.

Each window builds its own parts (NoteEditor: session details and the prompt form; DocumentEditor:
the document's form) and says what differs through four hooks: ``signing_blockers`` (what holds
signing), ``_before_draft`` (what the record adds to the prompt), ``_show_headings`` and
``_draft_job``.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QWidget,
)

from app.notes import (
    DraftOutcome,
    DraftProgress,
    acknowledge_all_flags,
    acknowledge_flag,
    autosave,
    style_examples,
)
from app.practice import practice_profile
from app.workspace import Workspace
from models.completeness import flag_resolved
from models.errors import StillnoteError
from models.flags import Flag
from models.note import FORMAT_HEADINGS, Note
from ui.errors import show_error
from ui.notes.draft_view import DraftView
from ui.notes.draft_worker import DraftJob
from ui.notes.events import note_events
from ui.notes.review_panel import ReviewPanel
from ui.notes.sign_dialog import AddendumDialog, SignDialog
from ui.notes.signing import SigningFlow
from ui.widgets import named

AUTOSAVE_MS = 3000
DRAFT_KEY = "Ctrl+D"
SIGN_KEYS = ("Ctrl+Return", "Ctrl+Enter")  # Return on the main keyboard, Enter on the keypad


class DraftWindow(QWidget):
    draft_finished = Signal(object)  # app.notes.DraftOutcome
    signed = Signal(object)  # the signed Note
    saved = Signal()
    closed = Signal()

    # Set by the window's constructor.
    workspace: Workspace
    context: Any  # app.notes.NoteContext or app.documents.workflow.DocumentContext
    note: Note
    job: DraftJob | None
    form: Any  # PromptForm or DocumentForm: store(note), load(...), set_read_only(...)
    draft_view: DraftView
    review: ReviewPanel
    signing: SigningFlow
    timer: QTimer
    progress: QProgressBar
    cancel_button: QPushButton
    draft_button: QPushButton
    sign_button: QPushButton
    addendum_button: QPushButton
    export_button: QPushButton
    status: QLabel
    _flag_state: tuple[tuple[Flag, ...], tuple[bool, ...]]

    # --- what each window says ----------------------------------------------------------
    def signing_blockers(self) -> Sequence[str]:
        raise NotImplementedError

    def _before_draft(self) -> None:
        """Put what the record says into the prompt before a draft (the session's scores)."""

    def _show_headings(self, headings: tuple[str, ...]) -> None:
        self.draft_view.set_headings(headings)

    def _draft_job(self, style: list[str]) -> DraftJob:
        raise NotImplementedError

    # --- the parts every window has -----------------------------------------------------
    def _progress_row(self) -> QHBoxLayout:
        """The draft's progress ("3 of 12 sections") and its Cancel button, hidden until a
        draft runs."""
        bar = QHBoxLayout()
        self.progress = named(QProgressBar(), "draft_progress")
        self.progress.setFormat("%v of %m sections")
        self.progress.setVisible(False)
        self.cancel_button = named(QPushButton("Cancel"), "cancel_draft")
        self.cancel_button.setVisible(False)
        bar.addWidget(self.progress, 1)
        bar.addWidget(self.cancel_button)
        return bar

    def _button_row(self, noun: str, extra: Sequence[QWidget] = ()) -> QHBoxLayout:
        """Draft, Sign, Add addendum, Export PDF (then ``extra``) and the status line."""
        buttons = QHBoxLayout()
        self.draft_button = named(QPushButton("&Draft"), "draft")
        self.sign_button = named(QPushButton("Si&gn…"), "sign")
        self.addendum_button = named(QPushButton("Add adde&ndum…"), "addendum")
        self.export_button = named(QPushButton("&Export PDF…"), "export_pdf")
        self.status = named(QLabel(), "status")
        for widget in (self.draft_button, self.sign_button, self.addendum_button,
                       self.export_button, *extra):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        buttons.addWidget(self.status)
        self.addendum_button.setEnabled(False)
        self.draft_button.setToolTip(f"Draft the {noun} from the prompt ({DRAFT_KEY})")
        self.sign_button.setToolTip(f"Sign and lock the {noun} ({SIGN_KEYS[0]})")
        return buttons

    def _connect_common(self) -> None:
        self.draft_button.clicked.connect(self.start_draft)
        self.cancel_button.clicked.connect(self.cancel_draft)
        self.sign_button.clicked.connect(self.open_sign_dialog)
        self.addendum_button.clicked.connect(self.open_addendum_dialog)
        self.export_button.clicked.connect(lambda: self.export_pdf())
        # Keyboard first: Ctrl+D drafts, Ctrl+Enter signs (the dialog's default button is
        # "Sign and lock", so Enter confirms), Ctrl+S saves now. Button tooltips say so.
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

    def export_pdf(self, path: Any = None) -> Any:
        raise NotImplementedError

    def sign(self) -> bool:
        raise NotImplementedError

    # --- keys -----------------------------------------------------------------------------
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
        self.review.set_gaps([] if note.is_signed else list(self.signing_blockers()))

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
        self._before_draft()
        headings = FORMAT_HEADINGS[self.note.format]
        self._show_headings(headings)
        self.progress.setRange(0, len(headings))
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.cancel_button.setVisible(True)
        self._set_busy(True)
        style: list[str] = []
        with contextlib.suppress(StillnoteError):  # the therapist's style is a nicety
            style = self.workspace.do(style_examples)
        self.job = self._draft_job(style)
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
        self.context.practice = self.workspace.do(practice_profile)  # who signs, as of now
        return self.signing.open_sign_dialog(self.context.practice, self.signing_blockers())

    def open_addendum_dialog(self) -> AddendumDialog:
        return self.signing.open_addendum_dialog()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt name)
        if self.job is not None and self.job.running:
            self.job.wait()
        self.timer.stop()
        if not self.workspace.is_locked:
            self.save_now()
        super().closeEvent(event)
        self.closed.emit()
