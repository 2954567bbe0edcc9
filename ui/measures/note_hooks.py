"""What the note window takes from measures: the session's scores in the measures prompt when
a draft starts, and the session's risk screens kept current while the window is open."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

from PySide6.QtWidgets import QPlainTextEdit

from app.measures.note_facts import MEASURES_PROMPT, fill_measures_prompt
from app.measures.safety import screens_for_appointment
from app.notes import NoteContext
from app.workspace import Workspace
from models.note import Note


class PromptFields(Protocol):
    """A form with one text field per prompt (a progress note's, or a document's)."""

    @property
    def fields(self) -> Mapping[str, QPlainTextEdit]: ...


def fill_measures_field(workspace: Workspace, note: Note, form: PromptFields) -> None:
    """Fill the measures prompt from the recorded scores unless the therapist wrote there."""
    workspace.do(fill_measures_prompt, note)
    field = form.fields.get(MEASURES_PROMPT)
    text = note.prompts.get(MEASURES_PROMPT, "")
    if field is not None and text and not field.toPlainText().strip():
        field.setPlainText(text)


def refresh_screens(workspace: Workspace, context: NoteContext) -> None:
    """Re-read the session's positive risk screens (a score was just recorded)."""
    context.screens = workspace.do(screens_for_appointment, context.appointment.id or 0)
