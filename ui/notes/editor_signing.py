"""The note window's signing side: sign, show the signature, addenda, PDF export.

A mixin of NoteEditor (ui/notes/editor.py), kept apart so each module holds one idea.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog

from app.notes import add_addendum, export_note_pdf, sign_blockers, sign_note
from models.errors import StillnoteError
from ui.errors import show_error
from ui.notes.events import note_events
from ui.notes.sign_dialog import AddendumDialog, SignDialog


class SigningActions:
    """Needs from the editor: workspace, vault, note, context, form, draft_view, review, the
    buttons, signed_label, status, include_process, _tz, _flag_state, collect, save_now,
    refresh_review, signed."""

    note: Any
    context: Any
    sign_dialog: SignDialog | None
    addendum_dialog: AddendumDialog | None

    def open_sign_dialog(self) -> SignDialog:
        self.save_now()
        practice = self.vault.practice.get()
        self.context.practice = practice
        self.sign_dialog = SignDialog(practice.clinician_name, practice.credentials,
                                      sign_blockers(self.context), self)
        self.sign_dialog.accepted.connect(self.sign)
        self.sign_dialog.open()
        return self.sign_dialog

    def sign(self) -> bool:
        self.collect()
        try:
            self.note = sign_note(self.vault, self.note)
        except StillnoteError as exc:
            show_error(self, exc)
            return False
        self.context.note = self.note
        self._show_locked()
        self.signed.emit(self.note)
        note_events().changed.emit()
        return True

    def _show_locked(self) -> None:
        self.form.load(self.note)
        self.draft_view.set_sections(self.note.sections)
        self.form.set_read_only(True)
        self.draft_view.set_read_only(True)
        self.location_edit.setReadOnly(True)
        self.code_edit.setReadOnly(True)
        for button in (self.draft_button, self.sign_button):
            button.setEnabled(False)
        self.addendum_button.setEnabled(True)
        self._flag_state = ()
        self.refresh_review()
        self.review.ack_all.setEnabled(False)
        self._show_signature()

    def _show_signature(self) -> None:
        note = self.note
        when = note.signed_at.astimezone(self._tz).strftime("%Y-%m-%d %H:%M") \
            if note.signed_at else ""
        signer = ", ".join(p for p in (note.signed_by, note.signer_credentials) if p)
        lines = [f"Signed by {signer} at {when}. The note is locked."]
        for add in self.vault.notes.addenda(note.id):
            by = ", ".join(p for p in (add.signed_by, add.signer_credentials) if p)
            lines.append(f"Addendum {add.signed_at.astimezone(self._tz):%Y-%m-%d %H:%M} "
                         f"by {by}: {add.text}")
        self.signed_label.setText("\n".join(lines))
        self.status.setText("Signed")

    def open_addendum_dialog(self) -> AddendumDialog:
        practice = self.vault.practice.get()
        self.addendum_dialog = AddendumDialog(practice.clinician_name, practice.credentials, self)
        self.addendum_dialog.accepted.connect(self._save_addendum)
        self.addendum_dialog.open()
        return self.addendum_dialog

    def _save_addendum(self) -> None:
        assert self.addendum_dialog is not None
        try:
            add_addendum(self.vault, self.note.id, self.addendum_dialog.text.toPlainText())
        except StillnoteError as exc:
            show_error(self, exc)
            return
        self._show_signature()
        note_events().changed.emit()

    def export_pdf(self, path: Path | None = None) -> Path | None:
        self.save_now()
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(self, "Export note as PDF",
                                                    f"note-{self.note.id}.pdf", "PDF (*.pdf)")
            if not chosen:
                return None
            path = Path(chosen)
        try:
            out = export_note_pdf(self.vault, self.note.id, path,
                                  include_process_notes=self.include_process.isChecked())
        except StillnoteError as exc:
            show_error(self, exc)
            return None
        self.status.setText("PDF exported")
        return out
