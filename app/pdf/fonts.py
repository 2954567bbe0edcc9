"""Embedded Unicode fonts, and markup that keeps any script (Greek, Chinese...) legible.

reportlab has no glyph fallback, so text is split into runs: characters the main font lacks are
wrapped in the CJK fallback font. Both fonts are TrueType files shipped in resources/fonts.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONTS_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"
SANS = "StillnoteSans"
SANS_BOLD = "StillnoteSans-Bold"
FALLBACK = "StillnoteFallback"


@cache
def register_fonts() -> None:
    pdfmetrics.registerFont(TTFont(SANS, str(FONTS_DIR / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(SANS_BOLD, str(FONTS_DIR / "DejaVuSans-Bold.ttf")))
    pdfmetrics.registerFont(TTFont(FALLBACK, str(FONTS_DIR / "DroidSansFallbackFull.ttf")))
    pdfmetrics.registerFontFamily(SANS, normal=SANS, bold=SANS_BOLD, italic=SANS,
                                  boldItalic=SANS_BOLD)


@cache
def _main_font_chars() -> frozenset[int]:
    register_fonts()
    font = pdfmetrics.getFont(SANS)
    chars: frozenset[int] = frozenset(font.face.charToGlyph)
    return chars


def font_runs(text: str) -> list[tuple[str, str]]:
    """Split ``text`` into (font name, run) pairs: the main font where it has the glyph, the
    fallback font elsewhere. White space stays in the run it interrupts."""
    covered = _main_font_chars()
    runs: list[tuple[str, str]] = []
    for ch in text:
        font = SANS if ord(ch) in covered or ch.isspace() else FALLBACK
        if runs and (runs[-1][0] == font or ch.isspace()):
            runs[-1] = (runs[-1][0], runs[-1][1] + ch)
        else:
            runs.append((font, ch))
    return runs


def markup(text: str) -> str:
    """Paragraph markup for user text: escaped (&, <, > render as written), line breaks kept,
    and runs of characters the main font lacks set in the fallback font."""
    parts: list[str] = []
    for line_no, line in enumerate(text.split("\n")):
        if line_no:
            parts.append("<br/>")
        for font, run in font_runs(line):
            chunk = escape(run)
            parts.append(f'<font name="{FALLBACK}">{chunk}</font>' if font == FALLBACK else chunk)
    return "".join(parts)
