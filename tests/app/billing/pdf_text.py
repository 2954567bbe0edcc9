"""Billing PDFs read back as a reader would see them, with poppler's pdftotext."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest


def pdf_text(path: Path, *, layout: bool = True) -> str:
    """The text of every page (pages separated by form feeds)."""
    tool = shutil.which("pdftotext")
    if tool is None:
        pytest.fail("pdftotext (poppler-utils) reads the billing PDFs back; "
                    "packaging/setup.sh installs it")
    args = [tool, "-layout", str(path), "-"] if layout else [tool, str(path), "-"]
    done = subprocess.run(args, capture_output=True, text=True, check=True)
    return done.stdout


def pdf_words(path: Path) -> str:
    """The page as laid out (a table row stays one line), every run of white space made one
    space: what a reader sees, in reading order."""
    return " ".join(pdf_text(path).split())


def word_positions(path: Path, word: str) -> list[tuple[int, float, float]]:
    """(page, x, y) in points of each occurrence of ``word`` (pdftotext -bbox)."""
    tool = shutil.which("pdftotext")
    if tool is None:
        pytest.fail("pdftotext (poppler-utils) is needed; packaging/setup.sh installs it")
    html = subprocess.run([tool, "-bbox", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    found: list[tuple[int, float, float]] = []
    page = 0
    for line in html.splitlines():
        if "<page " in line:
            page += 1
        if "<word " in line and f">{word}</word>" in line:
            attrs = dict(part.split("=", 1) for part in line.split("<word ")[1].split(">")[0]
                         .split() if "=" in part)
            found.append((page, float(attrs["xMin"].strip('"')), float(attrs["yMin"].strip('"'))))
    return found
