"""A note window on a new session of a new client, active (so keystrokes reach it)."""

from __future__ import annotations

from typing import Any

from tests.app.notes.helpers import add_client, add_session
from ui.notes import NoteEditor, open_note_editor


def open_new_note(qtbot: Any, workspace: Any) -> NoteEditor:
    vault = workspace.vault
    editor = open_note_editor(None, workspace, add_session(vault, add_client(vault)).id)
    assert editor is not None
    qtbot.waitUntil(editor.isActiveWindow)
    return editor
