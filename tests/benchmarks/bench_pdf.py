"""Benchmark: note PDFs of 1,000 to 100,000 lines, to show layout time grows linearly.

Before, a section's lines went into one paragraph, which reportlab wraps again at every page
break: 8,000 lines took 19 s and 100,000 never finished. One paragraph per line keeps it linear.

Run (prints the table; skipped unless STILLNOTE_BENCH=1):
    STILLNOTE_BENCH=1 .venv/bin/python -m pytest tests/benchmarks/bench_pdf.py -s -q
"""

from __future__ import annotations

import os
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.pdf.note_pdf import NotePdfData, render_note_pdf
from models.appointment import Appointment
from models.client import Client
from models.note import Note, NoteSection, NoteStatus

pytestmark = [pytest.mark.benchmark, pytest.mark.slow, pytest.mark.skipif(
    os.environ.get("STILLNOTE_BENCH") != "1", reason="set STILLNOTE_BENCH=1 to run the benchmark")]

LINES = (1_000, 10_000, 100_000)


def _render(lines: int, out: Path) -> float:
    text = "\n".join(f"Line {i} of the session, with enough words to wrap once or twice on a "
                     "page of the note as the clinician wrote it." for i in range(lines))
    note = Note(1, 1, sections=[NoteSection("Data", text)], status=NoteStatus.SIGNED,
                signed_at=datetime(2026, 3, 2, 18, tzinfo=UTC), signed_by="J A", id=1)
    data = NotePdfData(note, Appointment(1, datetime(2026, 3, 2, 15, tzinfo=UTC), id=1),
                       Client("Maya Thornton", id=1))
    start = time.perf_counter()
    render_note_pdf(out, data)
    return time.perf_counter() - start


def test_note_pdf_time_is_linear_in_its_length(tmp_path: Path) -> None:
    print(f"\n{'lines':>8} {'pages':>6} {'seconds':>8} {'ms per 1,000 lines':>19}")
    for lines in LINES:
        out = tmp_path / f"note-{lines}.pdf"
        seconds = _render(lines, out)
        pages = len(PdfReader(out).pages)
        print(f"{lines:>8,} {pages:>6} {seconds:>8.1f} {seconds / lines * 1e6:>19.0f}")
        assert pages > lines // 60  # every line was laid out (figures are printed, not judged)
