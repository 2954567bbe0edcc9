"""One process-wide signal that a measure was recorded, so an open note window re-checks its
session's risk screens and the Today panel and risk list stay current."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class _MeasureEvents(QObject):
    recorded = Signal(int)  # the client's id


_events: _MeasureEvents | None = None


def measure_events() -> _MeasureEvents:
    global _events
    if _events is None:
        _events = _MeasureEvents()
    return _events
