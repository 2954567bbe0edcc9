"""A note window's signing side: sign, the signature line with its addenda, the PDF.

Given what it needs explicitly (the workspace, the window that owns its dialogs, the practice's
zone); it reports back through signals and never reaches into the editor.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, tzinfo
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QLabel, QWidget

from app.documents import export_note_pdf
from app.notes import add_addendum, addenda_of, sign_note, signature_status
from app.practice import practice_profile
from app.sign_check import SignCheck, sign_check
from app.workspace import Workspace
from models.common import date_text
from models.errors import StillnoteError
from models.note import Note
from models.practice import PracticeProfile
from ui.errors import show_error
from ui.measures.chart_image import render_chart_png
from ui.notes.sign_dialog import AddendumDialog, SignDialog
from ui.widgets import named


def _when(moment: datetime, tz: tzinfo) -> str:
    local = moment.astimezone(tz)
    return f"{date_text(local.date())} {local:%H:%M}"


class SigningFlow(QObject):
    """``sign_requested`` when the therapist confirms in the sign dialog; ``amended`` after an
    addendum; ``status(sentence)`` for the window's status line."""

    sign_requested = Signal()
    amended = Signal()
    status = Signal(str)

    def __init__(self, workspace: Workspace, window: QWidget, tz: tzinfo) -> None:
        super().__init__(window)
        self.workspace = workspace
        self.window = window
        self.tz = tz
        self.note: Note | None = None  # the signed note shown in the signature line
        self.sign_dialog: SignDialog | None = None
        self.addendum_dialog: AddendumDialog | None = None
        self.signature_label = named(QLabel(), "signed_label")
        self.signature_label.setTextFormat(Qt.TextFormat.PlainText)
        self.signature_label.setWordWrap(True)

    def open_sign_dialog(self, practice: PracticeProfile, blockers: Sequence[str]) -> SignDialog:
        """Who signs and what still blocks; confirming emits ``sign_requested``."""
        mode = self.workspace.do(sign_check)
        ask_for = {SignCheck.PASSPHRASE: "passphrase", SignCheck.PIN: "PIN"}.get(mode, "")
        self.sign_dialog = SignDialog(practice.clinician_name, practice.credentials, blockers,
                                      self.window, ask_for=ask_for)
        self.sign_dialog.accepted.connect(self.sign_requested)
        self.sign_dialog.open()
        return self.sign_dialog

    def signs_with(self) -> Callable[..., Note]:
        """The use case that signs: a progress note's (the document window's signs documents)."""
        return sign_note

    def sign(self, note: Note) -> Note | None:
        """Sign and lock ``note`` as it is; None (and the reason shown) if it cannot be."""
        dialog = self.sign_dialog
        secret = dialog.secret.text() if dialog is not None else ""
        if dialog is not None:
            dialog.secret.clear()  # never kept around
        try:
            signed = self.workspace.do(self.signs_with(), note, confirmation=secret or None)
        except StillnoteError as exc:
            show_error(self.window, exc)
            return None
        self.show_signature(signed)
        return signed

    def show_signature(self, note: Note) -> None:
        self.note = note
        when = _when(note.signed_at, self.tz) if note.signed_at else ""
        signer = ", ".join(p for p in (note.signed_by, note.signer_credentials) if p)
        # Checked each time it is shown: a note altered behind the app's back says so here.
        lines = [f"Signed by {signer} at {when}. The note is locked.",
                 self.workspace.do(signature_status, note)]
        for add in self.workspace.do(addenda_of, note.id or 0):
            by = ", ".join(p for p in (add.signed_by, add.signer_credentials) if p)
            lines.append(f"Addendum {_when(add.signed_at, self.tz)} "
                         f"by {by}: {add.text}")
        self.signature_label.setText("\n".join(lines))
        self.status.emit("Signed")

    def open_addendum_dialog(self) -> AddendumDialog:
        practice = self.workspace.do(practice_profile)
        self.addendum_dialog = AddendumDialog(practice.clinician_name, practice.credentials,
                                              self.window)
        self.addendum_dialog.accepted.connect(self._save_addendum)
        self.addendum_dialog.open()
        return self.addendum_dialog

    def _save_addendum(self) -> None:
        if self.addendum_dialog is None or self.note is None:
            return
        try:
            self.workspace.do(add_addendum, self.note.id or 0,
                              self.addendum_dialog.text.toPlainText())
        except StillnoteError as exc:
            show_error(self.window, exc)
            return
        self.show_signature(self.note)
        self.amended.emit()

    def export_pdf(self, note_id: int, include_process_notes: bool,
                   path: Path | None = None, suggested_name: str = "", *,
                   include_measures: bool = False) -> Path | None:
        """The note as PDF at ``path`` (asked for when None); None if nothing was written.
        With ``include_measures`` the session's scores and their charts go in too."""
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self.window, "Export note as PDF", str(Path.home() / suggested_name),
                "PDF (*.pdf)")
            if not chosen:
                return None
            path = Path(chosen)
        try:
            out = self.workspace.do(export_note_pdf, note_id, path,
                                    include_process_notes=include_process_notes,
                                    measures_chart=render_chart_png if include_measures else None)
        except StillnoteError as exc:
            show_error(self.window, exc)
            return None
        self.status.emit("PDF exported")
        return out
