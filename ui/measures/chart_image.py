"""The chart component drawn into a PNG (in memory) for the PDFs: the same MeasureChartView the
client page shows, laid out at print size and painted at twice its pixel density."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication

from models.measures.chart import MeasureChart
from ui.measures.chart import MeasureChartView

SCALE = 2  # device pixels per layout pixel: text and lines at a printable size and sharpness


def ensure_application() -> QApplication:
    """The QApplication a chart needs, made here when the command line draws one."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    return QApplication([])


def render_chart(chart: MeasureChart, width: int, height: int) -> QImage:
    """``chart`` as an image of ``width`` x ``height`` pixels."""
    ensure_application()
    view = MeasureChartView()
    view.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    view.resize(max(1, width // SCALE), max(1, height // SCALE))
    view.set_chart(chart)
    view.show()  # lays out the axes and legend (never on screen)
    QApplication.processEvents()
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    # The scene, scaled onto the whole image: vector text and lines, drawn at full resolution.
    view.scene().render(painter, QRectF(0, 0, width, height), QRectF(view.viewport().rect()))
    painter.end()
    view.close()
    view.deleteLater()
    return image


def render_chart_png(chart: MeasureChart, width: int, height: int) -> bytes:
    """The PNG bytes of ``chart`` (an app.pdf.measures_pdf.ChartImage)."""
    data = QByteArray()  # held here: the buffer only points at it
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image = render_chart(chart, width, height)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs want bytes; Qt wants str
    buffer.close()
    return bytes(data.data())
