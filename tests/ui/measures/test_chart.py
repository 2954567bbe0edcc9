"""The chart component renders offscreen: the drawn points sit where the scores are, in the
series colour, over the severity bands, with the change markers; the PDF image is the same."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtGui import QColor, QImage

from app.measures.catalog import instrument
from models.measures.chart import chart_of
from ui.measures.chart import SERIES_COLOUR, MeasureChartView, x_of
from ui.measures.chart_image import render_chart, render_chart_png

START = date(2026, 3, 2)
TOTALS = [18, 16, 13, 11, 9, 7]  # PHQ-9, improving: reliable at 11, significant at 9


def phq9_chart() -> Any:
    scores = [(START + timedelta(weeks=2 * i), t, False) for i, t in enumerate(TOTALS)]
    sessions = [START + timedelta(weeks=i) for i in range(11)]
    return chart_of(instrument("phq9"), scores, sessions)


def near(colour: QColor, expected: str, slack: int = 40) -> bool:
    want = QColor(expected)
    return all(abs(a - b) <= slack for a, b in zip(colour.getRgb()[:3], want.getRgb()[:3],
                                                    strict=True))


def test_the_drawn_points_are_the_scores_in_the_series_colour(qtbot: Any) -> None:
    view = MeasureChartView()
    qtbot.addWidget(view)
    view.resize(800, 360)
    chart = phq9_chart()
    view.set_chart(chart)
    view.show()
    qtbot.waitExposed(view)
    assert view.plotted() == [(x_of(p.day), float(p.total)) for p in chart.points]
    image = view.grab().toImage()
    for point in chart.points:
        spot = view.pixel_of(point.day, point.total).toPoint()
        assert view.rect().contains(spot)
        assert near(image.pixelColor(spot), SERIES_COLOUR), (point, image.pixelColor(spot))
    # Just above the first score is band colour, not the line: the points are where they are.
    first = view.pixel_of(chart.points[0].day, chart.points[0].total + 2.5).toPoint()
    assert not near(image.pixelColor(first), SERIES_COLOUR)
    assert view.band_names() == ["minimal", "mild", "moderate", "moderately severe", "severe"]
    assert view.marker_kinds() == ["reliable improvement", "clinically significant improvement"]


def test_a_new_chart_replaces_the_old_one(qtbot: Any) -> None:
    view = MeasureChartView()
    qtbot.addWidget(view)
    view.set_chart(phq9_chart())
    gad = chart_of(instrument("gad7"), [(START, 12, False), (START + timedelta(days=7), 13, False)])
    view.set_chart(gad)
    assert [y for _x, y in view.plotted()] == [12.0, 13.0]
    assert view.band_names() == ["minimal", "mild", "moderate", "severe"]
    assert view.marker_kinds() == []
    empty = chart_of(instrument("gad7"), [])
    view.set_chart(empty)
    assert view.plotted() == []


def test_ten_years_of_weekly_scores_draw_as_a_line(qtbot: Any) -> None:
    scores = [(START + timedelta(weeks=i), (i * 7) % 28, False) for i in range(520)]
    view = MeasureChartView()
    qtbot.addWidget(view)
    view.set_chart(chart_of(instrument("phq9"), scores))
    assert len(view.plotted()) == 520


def test_the_pdf_image_is_the_same_chart_at_print_size(qtbot: Any) -> None:
    chart = phq9_chart()
    image = render_chart(chart, 1380, 520)
    assert (image.width(), image.height()) == (1380, 520)
    series = sum(1 for x in range(0, 1380, 3) for y in range(0, 520, 3)
                 if near(image.pixelColor(x, y), SERIES_COLOUR, 25))
    assert series > 50  # the line and its points are drawn
    png = render_chart_png(chart, 690, 260)
    assert png.startswith(b"\x89PNG")
    decoded = QImage.fromData(png)
    assert (decoded.width(), decoded.height()) == (690, 260)
