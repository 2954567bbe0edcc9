"""Text that fits a width without cutting a word in half: names end at a word and "…"."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics

ELLIPSIS = "…"


def elide_words(text: str, metrics: QFontMetrics, width: int) -> str:
    """``text`` if it fits in ``width`` pixels; else as many whole words as fit, then "…".

    A first word too long for the width on its own ("Παπαδοπούλου" in a narrow column) is cut
    with "…" as a last resort, since nothing shorter would say whose session it is.
    """
    text = " ".join(text.split())
    if metrics.horizontalAdvance(text) <= width:
        return text
    words = text.split(" ")
    kept = ""
    for word in words:
        candidate = f"{kept} {word}" if kept else word
        if metrics.horizontalAdvance(candidate + ELLIPSIS) > width:
            break
        kept = candidate
    if kept:
        return kept.rstrip(",;:–-· ") + ELLIPSIS
    return metrics.elidedText(words[0], Qt.TextElideMode.ElideRight, max(width, 0))


def fit_segments(segments: list[str], metrics: QFontMetrics, width: int,
                 separator: str = " · ") -> str:
    """As many whole segments as fit, joined ("Jo Reyes · Individual"); the first one alone is
    elided at a word end if even it does not fit."""
    kept = segments[0] if segments else ""
    for segment in segments[1:]:
        candidate = f"{kept}{separator}{segment}"
        if metrics.horizontalAdvance(candidate) > width:
            break
        kept = candidate
    return elide_words(kept, metrics, width)
