"""Measures benchmark: the chart of ten years of weekly PHQ-9s (520 scores, 520 sessions).

Run (prints the figures):
    STILLNOTE_BENCH=1 .venv/bin/python -m pytest tests/benchmarks/bench_measures.py -s -q
Aim: the chart opens (read from the vault, drawn and painted) in under 100 ms, both in the
Measures tab's own chart view (what switching clients does) and in a new one.
"""

from __future__ import annotations

import os
import random
import statistics
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from models.appointment import Appointment, AppointmentStatus
from models.client import Client
from models.measures import MeasureResponse
from models.measures.scoring import score
from tests.app.notes.helpers import TZ, new_vault

pytestmark = [
    pytest.mark.benchmark,
    pytest.mark.skipif(os.environ.get("STILLNOTE_BENCH") != "1",
                       reason="benchmark: set STILLNOTE_BENCH=1"),
]

WEEKS = 520
RUNS = 9


def ten_years(vault: Any) -> int:
    """A client with a session and a PHQ-9 every week for ten years, slowly improving."""
    from app.measures.catalog import instrument

    phq9 = instrument("phq9")
    rng = random.Random(3)
    client = vault.clients.add(Client(legal_name="Ten Years Weekly"))
    first = datetime(2016, 1, 4, 10, 0, tzinfo=TZ)
    with vault.transaction():
        for week in range(WEEKS):
            start = first + timedelta(weeks=week)
            appt = vault.appointments.add(Appointment(client_id=client.id, start=start,
                                                      status=AppointmentStatus.ATTENDED))
            target = max(0, min(24, round(20 - week / 30 + rng.gauss(0, 2))))
            answers = {str(i): 0 for i in range(1, 10)}
            for _ in range(target):
                answers[rng.choice([str(i) for i in range(1, 9) if answers[str(i)] < 3])] += 1
            vault.measures.add(MeasureResponse(client.id, "phq9", start.date(), answers,
                                               total=score(phq9, answers).total,
                                               appointment_id=appt.id))
    return int(client.id)


def timed(open_chart: Callable[[], Any]) -> list[float]:
    """Milliseconds per opening; the first two warm Qt's caches and are not counted."""
    results = []
    for run in range(RUNS + 2):
        t0 = time.perf_counter()
        open_chart()
        if run >= 2:
            results.append((time.perf_counter() - t0) * 1000)
    return results


def figures(ms: list[float]) -> str:
    return (f"{statistics.median(ms):.0f} ms median (best {min(ms):.0f}, worst "
            f"{max(ms):.0f}, {len(ms)} runs)")


def test_ten_years_of_weekly_phq9_chart_opens_fast(qapp: Any, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from app.measures.charts import chart_for
    from app.measures.export import export_measures_pdf
    from ui.measures.chart import MeasureChartView
    from ui.measures.chart_image import render_chart_png

    vault = new_vault(tmp_path)
    with vault:
        client_id = ten_years(vault)
        tab_view = MeasureChartView()  # the Measures tab keeps one view and redraws it
        tab_view.resize(900, 360)
        tab_view.show()

        def in_the_tab() -> None:
            tab_view.set_chart(chart_for(vault, client_id, "phq9"))
            QApplication.processEvents()  # laid out and painted
            assert len(tab_view.plotted()) == WEEKS

        def in_a_new_view() -> None:
            view = MeasureChartView()
            view.resize(900, 360)
            view.set_chart(chart_for(vault, client_id, "phq9"))
            view.show()
            QApplication.processEvents()
            assert len(view.plotted()) == WEEKS
            view.close()
            view.deleteLater()

        reading = timed(lambda: chart_for(vault, client_id, "phq9"))
        tab = timed(in_the_tab)
        fresh = timed(in_a_new_view)
        chart = chart_for(vault, client_id, "phq9")
        t0 = time.perf_counter()
        png = render_chart_png(chart, 1380, 520)
        t1 = time.perf_counter()
        export_measures_pdf(vault, client_id, tmp_path / "measures.pdf", render_chart_png)
        t2 = time.perf_counter()
    assert len(chart.sessions) == WEEKS and len(chart.markers) <= 4
    print(f"\nBENCH measures chart, {WEEKS} weekly PHQ-9s and sessions (aim < 100 ms):"
          f"\n  opens in the Measures tab's view: {figures(tab)}"
          f"\n  opens in a new view:              {figures(fresh)}"
          f"\n  of which reading it from the vault: {figures(reading)}")
    print(f"BENCH the chart as the PDF's image (1380x520 px, {len(png) // 1024} KB): "
          f"{(t1 - t0) * 1000:.0f} ms; the measures PDF of 520 rows: {t2 - t1:.2f} s")
