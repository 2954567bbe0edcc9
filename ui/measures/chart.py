"""A measure's course as a chart: totals over time on the severity bands, the session dates as
ticks along the bottom, and markers where change from baseline becomes reliable or clinically
significant. One look tells whether the client is improving.

Drawn with pyqtgraph (a pure-Python charting library on Qt's graphics view, ~2 MB): it renders
offscreen and into the PDFs through chart_image.py. QtCharts would need the 175 MB
PySide6-Addons wheel, is deprecated since Qt 6.10, and crashed offscreen when Python released an
area series' boundary lines; pyqtgraph drew ten years of weekly scores in ~50 ms here.
"""

from __future__ import annotations

from datetime import date

import pyqtgraph as pg
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QGraphicsRectItem, QWidget

from models.measures.change import ChangeKind
from models.measures.chart import MeasureChart

SERIES_COLOUR = "#1f4e79"
SESSION_COLOUR = "#8a8f94"
# Bands from the calmest to the most severe, light enough that the line stays the figure.
BAND_RAMP = ("#d9eedd", "#edf3d3", "#fbf0c9", "#fcdfc4", "#f6cfcb")
MARKERS: dict[ChangeKind, tuple[str, str, str]] = {  # symbol, colour, legend text
    ChangeKind.IMPROVED: ("t", "#2e7d32", "reliable improvement"),
    ChangeKind.SIGNIFICANT: ("star", "#1b5e20", "clinically significant improvement"),
    ChangeKind.DETERIORATED: ("t1", "#b3261e", "reliable deterioration"),
    ChangeKind.NONE: ("o", "#6d6d6d", "improvement lost (within measurement error)"),
}
BAND_REACH = 4e9  # seconds either side of 1970: the bands span any date the axis shows
SYMBOLS_UP_TO = 120  # beyond this many scores the line alone reads better (and draws faster)
DAY = 86400.0


_EPOCH = date(1970, 1, 1).toordinal()


def x_of(day: date) -> float:
    """A date as the x axis counts it: seconds of its UTC midnight (DateAxisItem's unit)."""
    return (day.toordinal() - _EPOCH) * DAY


def band_colour(index: int, count: int) -> QColor:
    """The ramp sampled evenly: two bands are green and red, five use every step."""
    step = round(index * (len(BAND_RAMP) - 1) / max(1, count - 1))
    return QColor(BAND_RAMP[step])


class MeasureChartView(pg.PlotWidget):  # type: ignore[misc]  # pyqtgraph is untyped
    """``set_chart`` draws one MeasureChart; ``plotted()`` says what was drawn, for tests."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, background="w",
                         axisItems={"bottom": pg.DateAxisItem(utcOffset=0)})
        self.setObjectName("measureChart")
        self.setMenuEnabled(False)
        self.setMinimumHeight(220)
        item = self.getPlotItem()
        item.hideButtons()
        item.showGrid(x=False, y=False)
        for side in ("left", "bottom"):
            item.getAxis(side).setTextPen(pg.mkPen("#444444"))
            item.getAxis(side).setPen(pg.mkPen("#999999"))
        self.chart: MeasureChart | None = None
        self.curve: pg.PlotDataItem | None = None
        self.marker_items: list[pg.ScatterPlotItem] = []

    def set_chart(self, chart: MeasureChart) -> None:
        item = self.getPlotItem()
        item.clear()
        if item.legend is not None:
            item.legend.scene().removeItem(item.legend)
            item.legend = None
        self.chart, self.curve, self.marker_items = chart, None, []
        item.setTitle(chart.name, color="#222222", size="10pt", justify="left")
        self._bands(chart)
        if not chart.points:
            item.setXRange(x_of(date.today()) - 30 * DAY, x_of(date.today()))
            return
        # The legend sits in the title row, right-aligned: never over the latest scores.
        legend = pg.LegendItem(colCount=5, labelTextSize="8pt", labelTextColor="#333333")
        legend.setParentItem(item)
        legend.anchor(itemPos=(1, 0), parentPos=(1, 0), offset=(-4, 0))
        item.legend = legend
        self._sessions(chart)
        self._series(chart)
        self._markers(chart)
        first, last = x_of(chart.points[0].day), x_of(chart.points[-1].day)
        pad = max(3 * DAY, (last - first) * 0.03)
        item.setXRange(first - pad, last + pad, padding=0)
        legend.setVisible(True)

    def _bands(self, chart: MeasureChart) -> None:
        item = self.getPlotItem()
        count = len(chart.bands)
        for index, band in enumerate(chart.bands):
            # A plain rectangle far wider than any course: cheaper than a region item (no
            # handles), and it never moves the axes (ignoreBounds).
            low = band.low - 0.5 if band.low else 0.0
            high = band.high + 0.5 if band.high < chart.y_max else float(chart.y_max)
            rect = QGraphicsRectItem(-BAND_REACH, low, 2 * BAND_REACH, high - low)
            rect.setBrush(pg.mkBrush(band_colour(index, count)))
            rect.setPen(pg.mkPen(None))
            rect.setZValue(-20)
            item.addItem(rect, ignoreBounds=True)
            label = pg.TextItem(band.label, color="#5a5a5a", anchor=(0, 0.5))
            label.setFont(QFont(label.textItem.font().family(), 7))
            label.setZValue(-10)
            item.addItem(label, ignoreBounds=True)
            label.setPos(0, (band.low + band.high) / 2)
            label.setProperty("band_label", True)
        item.setYRange(0, chart.y_max, padding=0.02)
        item.getViewBox().sigXRangeChanged.connect(self._place_band_labels)

    def _place_band_labels(self) -> None:
        left = self.getPlotItem().getViewBox().viewRange()[0][0]
        for child in self.getPlotItem().items:
            if isinstance(child, pg.TextItem) and child.property("band_label"):
                child.setPos(left, child.pos().y())

    def _sessions(self, chart: MeasureChart) -> None:
        if not chart.sessions:
            return
        tick = chart.y_max * 0.035
        xs, ys = [], []
        for day in chart.sessions:
            xs += [x_of(day), x_of(day)]
            ys += [0.0, tick]
        self.getPlotItem().plot(xs, ys, connect="pairs", name="session",
                                pen=pg.mkPen(SESSION_COLOUR, width=1))

    def _series(self, chart: MeasureChart) -> None:
        xs = [x_of(p.day) for p in chart.points]
        ys = [float(p.total) for p in chart.points]
        symbols = len(chart.points) <= SYMBOLS_UP_TO
        brushes = ([pg.mkBrush("w" if p.prorated else SERIES_COLOUR) for p in chart.points]
                   if symbols else None)
        self.curve = self.getPlotItem().plot(
            xs, ys, name=f"{chart.name} total", pen=pg.mkPen(SERIES_COLOUR, width=2),
            symbol="o" if symbols else None, symbolSize=7,
            symbolPen=pg.mkPen(SERIES_COLOUR, width=1.5),
            symbolBrush=brushes)

    def _markers(self, chart: MeasureChart) -> None:
        for kind, (symbol, colour, text) in MARKERS.items():
            spots = [m for m in chart.markers if m.kind is kind]
            if not spots:
                continue
            scatter = pg.ScatterPlotItem(
                [x_of(m.day) for m in spots], [m.total + chart.y_max * 0.06 for m in spots],
                symbol=symbol, size=13, brush=pg.mkBrush(colour), pen=pg.mkPen("w"),
                name=text)
            scatter.setZValue(10)
            self.getPlotItem().addItem(scatter)
            self.marker_items.append(scatter)

    # --- what was drawn (tests and accessibility) ---------------------------------------------
    def plotted(self) -> list[tuple[float, float]]:
        if self.curve is None:
            return []
        xs, ys = self.curve.getData()
        return [(float(x), float(y)) for x, y in zip(xs, ys, strict=True)]

    def pixel_of(self, day: date, total: float) -> QPointF:
        """Where a score sits in the widget's own coordinates."""
        box = self.getPlotItem().getViewBox()
        scene = box.mapViewToScene(QPointF(x_of(day), total))
        return QPointF(self.mapFromScene(scene))

    def band_names(self) -> list[str]:
        return [c.toPlainText() for c in self.getPlotItem().items
                if isinstance(c, pg.TextItem) and c.property("band_label")]

    def marker_kinds(self) -> list[str]:
        return [s.name() for s in self.marker_items]

