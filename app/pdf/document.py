"""Page layout shared by every PDF: a header on every page, "Page X of Y", an optional
watermark (DRAFT), and an atomic write of the finished file."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer

from app.pdf.fonts import SANS, SANS_BOLD, font_runs, markup, register_fonts
from storage.files import write_bytes_atomic

MARGIN = 0.75 * inch
# Characters per paragraph at most. reportlab wraps a paragraph again each time it splits it
# across a page, so one paragraph of a whole long note takes time quadratic in its length
# (8,000 lines: 19 s); paragraphs of one line or of this many characters keep it linear.
MAX_PARAGRAPH_CHARS = 2000


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    small: ParagraphStyle
    heading: ParagraphStyle
    title: ParagraphStyle


def styles() -> Styles:
    register_fonts()
    body = ParagraphStyle("body", fontName=SANS, fontSize=10, leading=14)
    return Styles(
        body=body,
        small=ParagraphStyle("small", parent=body, fontSize=8, leading=10),
        heading=ParagraphStyle("heading", parent=body, fontName=SANS_BOLD, fontSize=11,
                               leading=15, spaceBefore=8, spaceAfter=2),
        title=ParagraphStyle("title", parent=body, fontName=SANS_BOLD, fontSize=15, leading=19,
                             spaceAfter=6),
    )


def para(text: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of user text, rendered exactly as written in any script."""
    return Paragraph(markup(text), style)


def paragraphs(text: str, style: ParagraphStyle) -> list[Flowable]:
    """User text of any length as flowables: one paragraph per line, long lines in pieces cut
    at a space, blank lines kept as space. Laid out in time linear in the text's length."""
    story: list[Flowable] = []
    for line in text.split("\n"):
        if not line.strip():
            story.append(Spacer(1, style.leading))
            continue
        while len(line) > MAX_PARAGRAPH_CHARS:
            cut = line.rfind(" ", MAX_PARAGRAPH_CHARS // 2, MAX_PARAGRAPH_CHARS)
            cut = cut if cut > 0 else MAX_PARAGRAPH_CHARS
            story.append(para(line[:cut], style))
            line = line[cut:].lstrip(" ")
        if line:
            story.append(para(line, style))
    return story


def fit_line(text: str, width: float, size: float) -> str:
    """``text`` cut (with an ellipsis) to one line of ``width`` points: page headers."""
    if stringWidth(text, SANS, size) <= width:
        return text
    low, high = 0, len(text)
    while low < high:  # the longest prefix that fits with the ellipsis
        mid = (low + high + 1) // 2
        if stringWidth(text[:mid] + "…", SANS, size) <= width:
            low = mid
        else:
            high = mid - 1
    return text[:low] + "…"


@dataclass
class PageDecor:
    """What every page carries besides the story."""

    header: Sequence[str] = ()  # short lines at the top of every page (e.g. client name, DOB)
    watermark: str = ""  # e.g. "DRAFT", drawn large and light on every page
    footer: str = ""  # left footer text; "Page X of Y" is always on the right
    title: str = ""  # PDF metadata title; keep PHI out of it
    extra: dict[str, Any] = field(default_factory=dict)


def _numbered_canvas(decor: PageDecor) -> type[Canvas]:
    class NumberedCanvas(Canvas):  # type: ignore[misc]
        """Defers each page so the total page count is known when footers are drawn."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._saved: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 (reportlab's name)
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._saved)
            for state in self._saved:
                self.__dict__.update(state)
                self._decorate(total)
                super().showPage()
            super().save()

        def _decorate(self, total: int) -> None:
            width, height = self._pagesize
            self.saveState()
            if decor.watermark:
                self.setFillColor(colors.Color(0.8, 0.1, 0.1, alpha=0.18))
                self.setFont(SANS_BOLD, 96)
                self.translate(width / 2, height / 2)
                self.rotate(40)
                self.drawCentredString(0, -30, decor.watermark)
                self.restoreState()
                self.saveState()
                self.setFillColor(colors.Color(0.8, 0.1, 0.1))
                self.setFont(SANS_BOLD, 10)
                self.drawRightString(width - MARGIN, height - MARGIN / 2, decor.watermark)
            self.setFillColor(colors.black)
            y = height - MARGIN / 2
            room = width - 2 * MARGIN - (60 if decor.watermark else 0)
            for line in decor.header:
                _draw_mixed(self, MARGIN, y, fit_line(line, room, 8), 8)
                y -= 10
            self.setFont(SANS, 8)
            if decor.footer:
                _draw_mixed(self, MARGIN, MARGIN / 2, decor.footer, 8)
            self.drawRightString(width - MARGIN, MARGIN / 2, f"Page {self._pageNumber} of {total}")
            self.restoreState()

    return NumberedCanvas


def _draw_mixed(canvas: Canvas, x: float, y: float, text: str, size: float) -> None:
    """drawString in runs, switching to the fallback font where the main font lacks a glyph."""
    for font, run in font_runs(text):
        canvas.setFont(font, size)
        canvas.drawString(x, y, run)
        x += canvas.stringWidth(run, font, size)


def render_pdf(target: Path, story: list[Flowable], decor: PageDecor) -> None:
    """Lay out ``story`` with ``decor`` on every page and write the file atomically."""
    register_fonts()
    buffer = BytesIO()
    top = MARGIN + 10 * len(decor.header)
    doc = SimpleDocTemplate(buffer, pagesize=LETTER, leftMargin=MARGIN, rightMargin=MARGIN,
                            topMargin=top, bottomMargin=MARGIN, title=decor.title,
                            author="Stillnote", creator="Stillnote")
    doc.build(story, canvasmaker=_numbered_canvas(decor))
    write_bytes_atomic(Path(target), buffer.getvalue())


def render_canvas(target: Path, draw: Callable[[Canvas], None], title: str) -> None:
    """A PDF drawn at fixed positions (a claim form) rather than laid out as a story: ``draw``
    paints every page (calling ``showPage`` after each); written atomically, no PHI in the
    metadata."""
    register_fonts()
    buffer = BytesIO()
    canvas = Canvas(buffer, pagesize=LETTER, pageCompression=1)
    canvas.setTitle(title)
    canvas.setAuthor("Stillnote")
    canvas.setCreator("Stillnote")
    draw(canvas)
    canvas.save()
    write_bytes_atomic(Path(target), buffer.getvalue())
