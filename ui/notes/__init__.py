"""Notes in the window: the note editor, the unsigned-notes queue and the risk follow-up list."""

from __future__ import annotations

from ui.notes.editor import NoteEditor
from ui.notes.pages import RiskFollowUpPage, UnsignedNotesPage
from ui.notes.windows import close_all_editors, open_editors, open_note_by_id, open_note_editor

__all__ = ["NoteEditor", "RiskFollowUpPage", "UnsignedNotesPage", "close_all_editors",
           "open_editors", "open_note_by_id", "open_note_editor"]
