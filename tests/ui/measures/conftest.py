"""The measures widgets run in the notes tests' small practice (same fixtures)."""

from tests.ui.notes.conftest import _close_note_windows, workspace

__all__ = ["_close_note_windows", "workspace"]
