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
    return frozenset(font.face.charToGlyph)  # type: ignore[attr-defined]


def markup(text: str) -> str:
    """Paragraph markup for user text: escaped (&, <, > render as written), line breaks kept,
    and runs of characters the main font lacks set in the fallback font."""
    covered = _main_font_chars()
    out: list[str] = []
    run: list[str] = []
    run_is_fallback = False

    def flush() -> None:
        if not run:
            return
        chunk = escape("".join(run))
        out.append(f'<font name="{FALLBACK}">{chunk}</font>' if run_is_fallback else chunk)
        run.clear()

    for ch in text:
        if ch == "\n":
            flush()
            out.append("<br/>")
            continue
        needs_fallback = ord(ch) not in covered and not ch.isspace()
        if needs_fallback != run_is_fallback:
            flush()
            run_is_fallback = needs_fallback
        run.append(ch)
    flush()
    return "".join(out)
