"""One process-wide signal that notes changed, so the unsigned queue and its badge stay current."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class _NoteEvents(QObject):
    changed = Signal()  # a note was created, signed or amended


_events: _NoteEvents | None = None


def note_events() -> _NoteEvents:
    global _events
    if _events is None:
        _events = _NoteEvents()
    return _events
