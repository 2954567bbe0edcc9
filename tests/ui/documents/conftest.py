"""Fixtures for the document windows: the note windows' practice, every window closed after."""

from __future__ import annotations

from tests.ui.notes.conftest import _close_note_windows, workspace

__all__ = ["_close_note_windows", "workspace"]
