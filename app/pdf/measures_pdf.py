"""Measures as PDF: per measure its chart, a table of every administration and the
instrument's attribution; the same blocks go into a note's PDF when asked for.

The chart image comes from the window's chart component (ui/measures/chart_image.py) through
a ``ChartImage`` function, so the PDF shows exactly what the client page shows; it is kept in
memory (PNG bytes), never written to a temp file.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import inch
from reportlab.platypus import Flowable, Image, KeepTogether, Spacer, Table, TableStyle

from app.pdf.document import PageDecor, Styles, para, render_pdf, styles
from models.measures.chart import MeasureChart

# (chart, width px, height px) -> PNG bytes
ChartImage = Callable[[MeasureChart, int, int], bytes]
CHART_WIDTH_IN = 6.9
CHART_HEIGHT_IN = 2.6
CHART_DPI = 200  # sharp on paper, a few hundred KB per chart

_GRID = TableStyle([
    ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
    ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.92, 0.92, 0.92)),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("LEFTPADDING", (0, 0), (-1, -1), 3),
    ("RIGHTPADDING", (0, 0), (-1, -1), 3),
])


@dataclass
class MeasureBlock:
    """One measure as printed: its chart data, table rows and attribution."""

    title: str  # "PHQ-9 — Patient Health Questionnaire (PHQ-9)"
    chart: MeasureChart | None
    header: tuple[str, ...]
    rows: list[tuple[str, ...]]
    attribution: str
    notes: list[str] = field(default_factory=list)  # e.g. the missing-items rule


@dataclass
class MeasuresPdfData:
    client_name: str
    date_of_birth: str
    practice_name: str
    blocks: list[MeasureBlock]
    printed_on: str


def chart_flowable(chart: MeasureChart, chart_png: ChartImage) -> Image:
    width, height = int(CHART_WIDTH_IN * CHART_DPI), int(CHART_HEIGHT_IN * CHART_DPI)
    png = chart_png(chart, width, height)
    return Image(BytesIO(png), width=CHART_WIDTH_IN * inch, height=CHART_HEIGHT_IN * inch)


def block_flowables(block: MeasureBlock, st: Styles,
                    chart_png: ChartImage | None) -> list[Flowable]:
    story: list[Flowable] = [para(block.title, st.heading)]
    if block.chart is not None and block.chart.points:
        story.append(para(block.chart.summary(), st.body))
        if chart_png is not None:
            story.append(chart_flowable(block.chart, chart_png))
    if block.rows:
        cells = [[para(h, st.small) for h in block.header]]
        cells += [[para(c, st.small) for c in row] for row in block.rows]
        table = Table(cells, repeatRows=1, hAlign="LEFT")
        table.setStyle(_GRID)
        story.append(table)
    for note in block.notes:
        story.append(para(note, st.small))
    story.append(para(block.attribution, st.small))
    story.append(Spacer(1, 10))
    return story


def measures_story(data: MeasuresPdfData, chart_png: ChartImage | None) -> list[Flowable]:
    st = styles()
    story: list[Flowable] = [para("Measures", st.title)]
    if data.practice_name:
        story.append(para(data.practice_name, st.small))
    story.append(para(f"{data.client_name} · date of birth {data.date_of_birth} · printed "
                      f"{data.printed_on}", st.body))
    story.append(Spacer(1, 6))
    if not data.blocks:
        story.append(para("No measures have been recorded for this client.", st.body))
    for block in data.blocks:
        flowables = block_flowables(block, st, chart_png)
        story += [KeepTogether(flowables[:3]), *flowables[3:]]
    return story


def render_measures_pdf(target: Path, data: MeasuresPdfData,
                        chart_png: ChartImage | None) -> None:
    decor = PageDecor(header=[f"{data.client_name} · DOB {data.date_of_birth}"],
                      footer="Confidential health information", title="Measures")
    render_pdf(target, measures_story(data, chart_png), decor)


def session_flowables(blocks: Sequence[MeasureBlock], facts: str,
                      chart_png: ChartImage | None) -> list[Flowable]:
    """A note PDF's measures section: the session's facts and each measure's course."""
    st = styles()
    story: list[Flowable] = [para("Measures", st.heading), para(facts, st.body)]
    for block in blocks:
        if block.chart is not None and block.chart.points and chart_png is not None:
            story.append(KeepTogether([para(block.chart.summary(), st.small),
                                       chart_flowable(block.chart, chart_png)]))
        story.append(para(block.attribution, st.small))
    return story
