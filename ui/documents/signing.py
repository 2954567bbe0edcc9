"""A document window's signing side: the note window's (sign dialog, signature line, addenda,
PDF), with the document's own signing use case (app.documents.workflow.sign_document)."""

from __future__ import annotations

from collections.abc import Callable

from app.documents.workflow import sign_document
from models.note import Note
from ui.notes.signing import SigningFlow


class DocumentSigning(SigningFlow):
    def signs_with(self) -> Callable[..., Note]:
        return sign_document
