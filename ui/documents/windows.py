"""Document windows: open one per document (or bring it forward); the note window's registry
of open windows closes them all before a lock (ui/notes/windows.py ``close_all_editors``)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from app.documents.discharge import start_discharge
from app.documents.plans import start_plan
from app.documents.workflow import context_of
from app.workspace import Workspace
from models.errors import StillnoteError
from models.note import Note
from ui.documents.editor import DocumentEditor
from ui.errors import show_error
from ui.notes.events import note_events

_OPEN: dict[int, DocumentEditor] = {}


def open_document_editor(parent: QWidget | None, workspace: Workspace,
                         note: Note) -> DocumentEditor | None:
    """Open (or raise) the window of an intake, plan or discharge summary."""
    if note.id in _OPEN:
        editor = _OPEN[note.id]
        editor.raise_()
        editor.activateWindow()
        return editor
    try:
        context = workspace.do(context_of, note)
    except StillnoteError as exc:
        show_error(parent, exc)
        return None
    editor = DocumentEditor(workspace, context, parent)
    note_id = note.id or 0
    _OPEN[note_id] = editor
    editor.closed.connect(lambda: _OPEN.pop(note_id, None))
    # a window goes with its parent (a client page): a lock must not find it in the registry
    editor.destroyed.connect(lambda *_: _OPEN.pop(note_id, None))
    editor.show()
    editor.activateWindow()
    note_events().changed.emit()  # a new draft joins the unsigned queue
    first = editor.form.first_field()
    if first is not None and not note.is_signed:
        first.setFocus()
    return editor


def _start(parent: QWidget | None, workspace: Workspace,
           begin: Callable[[], Note]) -> DocumentEditor | None:
    try:
        note = begin()
    except StillnoteError as exc:
        show_error(parent, exc)
        return None
    return open_document_editor(parent, workspace, note)


def open_plan(parent: QWidget | None, workspace: Workspace,
              client_id: int) -> DocumentEditor | None:
    """The client's unsigned plan, else a new one (a revision of the plan in force)."""
    return _start(parent, workspace, lambda: workspace.do(start_plan, client_id))


def open_discharge(parent: QWidget | None, workspace: Workspace,
                   client_id: int) -> DocumentEditor | None:
    """The client's discharge summary being written, else a new one."""
    return _start(parent, workspace, lambda: workspace.do(start_discharge, client_id))


def document_editors() -> list[DocumentEditor]:
    return list(_OPEN.values())
