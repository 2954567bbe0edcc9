"""Calendar blocks: text that never runs past its column."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetrics

from ui.pages.appointment_block import fit_lines


def test_calendar_block_text_fits_its_column() -> None:
    metrics = QFontMetrics(QFont("DejaVu Sans", 10))
    width = metrics.horizontalAdvance("Individual  ")
    text = "10:00–10:50\nEleni Παπαδοπούλου\nGrace Liu and Martin Liu\nAttended"
    lines = fit_lines(text, metrics, width).split("\n")
    assert lines[0] == "10:00"  # the start time, when the range does not fit
    assert lines[1].endswith("…") and lines[1].startswith("Eleni")
    assert lines[2] == "Grace Liu and Martin Liu"  # wraps at spaces, so it is left whole
    assert all(metrics.horizontalAdvance(word) <= width
               for line in lines for word in line.split())
