"""Note windows: open one per note (or bring it forward), and close them all before a lock.

A session's note that is a document (the intake assessment of a 90791) opens in the document
window (ui/documents), as does any other document opened by id."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.documents.workflow import note_by_id
from app.notes import load_context, start_or_resume_note
from app.workspace import Workspace
from models.errors import StillnoteError
from models.note import NoteKind
from ui.documents.editor import DocumentEditor
from ui.documents.windows import document_editors, open_document_editor
from ui.errors import show_error
from ui.notes.editor import NoteEditor
from ui.notes.events import note_events

# Open editors by note id: "Write note" on a note already open brings its window forward.
_OPEN: dict[int, NoteEditor] = {}


def open_note_editor(parent: QWidget | None, workspace: Workspace,
                     appointment_id: int) -> NoteEditor | DocumentEditor | None:
    """Open (or raise) the note window of an attended appointment; None if it cannot be opened.
    A diagnostic evaluation's note is its intake assessment, in the document window."""
    try:
        note = workspace.do(start_or_resume_note, appointment_id)
        if note.kind is not NoteKind.PROGRESS:
            return open_document_editor(parent, workspace, note)
        if note.id in _OPEN:
            editor = _OPEN[note.id]
            editor.raise_()
            editor.activateWindow()
            return editor
        context = workspace.do(load_context, note)
    except StillnoteError as exc:
        show_error(parent, exc)
        return None
    editor = NoteEditor(workspace, context, parent)
    note_id = note.id or 0
    _OPEN[note_id] = editor
    editor.closed.connect(lambda: _OPEN.pop(note_id, None))
    editor.show()
    editor.activateWindow()  # typing goes to the new window at once, no click needed
    note_events().changed.emit()  # a new draft joins the unsigned queue
    editor.form.fields["presenting_concerns"].setFocus()
    return editor


def open_note_by_id(parent: QWidget | None, workspace: Workspace,
                    note_id: int) -> NoteEditor | DocumentEditor | None:
    """Any note by id: a progress note in the note window, a document in its own."""
    try:
        note = workspace.do(note_by_id, note_id)
    except StillnoteError as exc:
        show_error(parent, exc)
        return None
    if note.kind is NoteKind.PROGRESS and note.appointment_id is not None:
        return open_note_editor(parent, workspace, note.appointment_id)
    return open_document_editor(parent, workspace, note)


def open_editors() -> list[NoteEditor | DocumentEditor]:
    """Every open note and document window."""
    return [*_OPEN.values(), *document_editors()]


def close_all_editors() -> None:
    """Save and close every note and document window (call before locking: no note stays on
    screen)."""
    for editor in open_editors():
        editor.close()
