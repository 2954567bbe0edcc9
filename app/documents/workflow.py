"""From prompt to signature for an intake assessment, a treatment plan or a discharge summary.

The same path as a progress note's (app.notes.workflow): autosave, drafting (app.notes.drafting),
addenda and the unsigned queue are shared; what differs is what each document must contain
before it is signed (models.documents) and what surrounds it (a session for an intake, a
version number for a plan, the last plan's goals for a discharge summary).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from app.documents.discharge import goals_of_last_plan
from app.documents.plans import plans_of
from app.measures.safety import session_screens
from app.notes.workflow import sign_as_shown
from models.appointment import Appointment
from models.client import Client
from models.completeness import Completeness
from models.documents import check_document, document_blockers
from models.errors import InvalidInput, NoteLocked
from models.measures.safety import PositiveScreen
from models.note import Note, NoteFormat, NoteKind
from models.practice import PracticeProfile

if TYPE_CHECKING:
    from storage.vault import Vault

log = logging.getLogger(__name__)


@dataclass
class DocumentContext:
    """A document with what its window, its checks and its PDF show around it."""

    note: Note
    client: Client
    practice: PracticeProfile
    appointment: Appointment | None = None  # an intake's session
    screens: tuple[PositiveScreen, ...] = ()  # an intake's positive risk screens
    goals: int = 0  # a discharge summary: how many goals the last plan had
    version: int = 0  # a treatment plan: 1 for the first, 2 for its first revision, ...
    revises_version: int = 0  # the version a plan revision follows (0: none)

    @property
    def kind(self) -> NoteKind:
        return self.note.kind


def context_of(vault: Vault, note: Note) -> DocumentContext:
    if note.kind is NoteKind.PROGRESS:
        raise InvalidInput("A progress note opens in the note window.")
    client = vault.clients.get(note.client_id)
    context = DocumentContext(note, client, vault.practice.get())
    if note.appointment_id is not None:
        context.appointment = vault.appointments.get(note.appointment_id)
        context.screens = tuple(session_screens(vault, context.appointment))
    if note.format is NoteFormat.TREATMENT_PLAN:
        ids = [p.id for p in plans_of(vault, note.client_id)]
        context.version = ids.index(note.id) + 1 if note.id in ids else len(ids) + 1
        if note.revises in ids:
            context.revises_version = ids.index(note.revises) + 1
    if note.format is NoteFormat.DISCHARGE:
        context.goals = len(goals_of_last_plan(vault, note.client_id))
    return context


def open_document(vault: Vault, note_id: int) -> DocumentContext:
    return context_of(vault, vault.notes.get(note_id))


def note_by_id(vault: Vault, note_id: int) -> Note:
    """A note of any kind (a queue's row, a client page's list opens it by id)."""
    note: Note = vault.notes.get(note_id)
    return note


def completeness_of_document(context: DocumentContext) -> Completeness:
    return check_document(context.note, goals=context.goals, screens=context.screens)


def blockers_of(context: DocumentContext) -> list[str]:
    """Every reason the document cannot be signed yet, the risk rule first; empty: signable."""
    return document_blockers(context.note, goals=context.goals, screens=context.screens)


def sign_document(vault: Vault, note: Note, *, signer_name: str | None = None,
                  credentials: str | None = None, at: datetime | None = None,
                  confirmation: str | None = None) -> Note:
    """Save the document as shown, then sign and lock it, as a note is signed (``confirmation``:
    the passphrase or PIN when the practice asks for one to sign). A revised plan
    leaves the version it follows exactly as it was signed."""
    if note.is_signed:
        raise NoteLocked()
    if note.id is None:
        raise InvalidInput("Save the document before signing it.")
    context = context_of(vault, note)
    signed = sign_as_shown(vault, note, blockers_of(context), context.practice,
                           signer_name=signer_name, credentials=credentials, at=at,
                           confirmation=confirmation)
    log.info("%s %s signed", note.format, note.id)
    return signed
