"""A document window's signing side: the note window's (sign dialog, signature line, addenda,
PDF), with the document's own signing use case (app.documents.workflow.sign_document)."""

from __future__ import annotations

from app.documents.workflow import sign_document
from models.errors import StillnoteError
from models.note import Note
from ui.errors import show_error
from ui.notes.signing import SigningFlow


class DocumentSigning(SigningFlow):
    def sign(self, note: Note) -> Note | None:
        """Sign and lock the document as it is; None (and the reason shown) if it cannot be."""
        try:
            signed = self.workspace.do(sign_document, note)
        except StillnoteError as exc:
            show_error(self.window, exc)
            return None
        self.show_signature(signed)
        return signed
