"""Tables every billing PDF shares: a ruled grid of records, label/value pairs, money cells.

Layout only, on app/pdf/document.py's styles; the documents (superbill, statement, receipt,
Good Faith Estimate) put their own rows in. Every table may split a row across pages
(splitInRow), so a value of thousands of characters continues on the next page.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from reportlab.lib import colors
from reportlab.lib.units import inch
from reportlab.platypus import Flowable, Table, TableStyle

from app.pdf.document import Styles, para
from app.pdf.fonts import SANS

GRID = TableStyle([
    # Plain-text cells (see cell) use the same font as the paragraphs around them.
    ("FONTNAME", (0, 0), (-1, -1), SANS),
    ("FONTSIZE", (0, 0), (-1, -1), 8),
    ("LEADING", (0, 0), (-1, -1), 10),
    ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
    ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.92, 0.92, 0.92)),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("LEFTPADDING", (0, 0), (-1, -1), 3),
    ("RIGHTPADDING", (0, 0), (-1, -1), 3),
])
PLAIN = TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("FONTNAME", (0, 0), (-1, -1), SANS),
                    ("FONTSIZE", (0, 0), (-1, -1), 8),
                    ("LEADING", (0, 0), (-1, -1), 10),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0)])


def usd(amount: Decimal) -> str:
    return f"${amount:,.2f}"


def cell(text: str, s: Styles) -> str | Flowable:
    """Short ASCII text we generate (dates, codes, amounts) as a plain cell; anything else as a
    paragraph. Paragraphs wrap and switch fonts per script but cost most of the render time,
    which matters for a month of superbills."""
    if text.isascii() and len(text) <= 16:
        return text
    return para(text, s.small)


def pairs(rows: Sequence[tuple[str, str]], s: Styles, label_width: float = 1.05,
          value_width: float = 2.4) -> Table:
    """Label and value, one per row (widths in inches)."""
    data = [[cell(label, s), para(value or "—", s.body)] for label, value in rows]
    table = Table(data, colWidths=[label_width * inch, value_width * inch], hAlign="LEFT",
                  splitInRow=1)
    table.setStyle(PLAIN)
    return table


def grid(head: Sequence[str], rows: Sequence[Sequence[object]], widths: Sequence[float],
         s: Styles, right_columns: int = 0) -> Table:
    """A ruled table with a shaded, repeated header row; the last ``right_columns`` columns
    (amounts) are right-aligned. Widths in inches."""
    data: list[list[object]] = [[para(h, s.small) for h in head], *[list(r) for r in rows]]
    table = Table(data, colWidths=[w * inch for w in widths], repeatRows=1, hAlign="LEFT",
                  splitInRow=1)
    table.setStyle(GRID)
    if right_columns:
        table.setStyle(TableStyle([("ALIGN", (-right_columns, 1), (-1, -1), "RIGHT")]))
    return table


def side_by_side(left: list[Flowable], right: list[Flowable]) -> Table:
    """Two columns of flowables (provider and client, as on a claim form)."""
    table = Table([[left, right]], colWidths=[3.5 * inch, 3.5 * inch], hAlign="LEFT",
                  splitInRow=1)
    table.setStyle(PLAIN)
    return table


def totals(rows: Sequence[tuple[str, str]], s: Styles) -> Table:
    """Totals at the right, a rule above the last (the amount due)."""
    data = [[para(label, s.body), para(value, s.body)] for label, value in rows]
    table = Table(data, colWidths=[1.9 * inch, 1.3 * inch], hAlign="RIGHT")
    table.setStyle(TableStyle([("LINEABOVE", (0, len(rows) - 1), (-1, len(rows) - 1), 0.6,
                                colors.black)]))
    return table
