"""One date format everywhere: the app's choice, by default the order of the user's locale."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from models.common import (
    date_hint,
    date_style,
    date_text,
    parse_date_text,
    set_date_style,
    style_for_locale,
)


@pytest.fixture(autouse=True)
def _restore() -> Iterator[None]:
    before = date_style()
    yield
    set_date_style(before)


@pytest.mark.parametrize(("name", "style"), [
    ("en_US.UTF-8", "mdy"), ("C", "mdy"), ("C.UTF-8", "mdy"), ("", "mdy"), ("en", "mdy"),
    ("en_GB.UTF-8", "dmy"), ("de_DE.UTF-8", "dmy"), ("el_GR", "dmy"), ("es_MX", "dmy"),
    ("fr_CA.UTF-8", "ymd"), ("sv_SE", "ymd"), ("ja_JP.UTF-8", "ymd"), ("zh_CN", "ymd"),
])
def test_locale_order(name: str, style: str) -> None:
    assert style_for_locale(name) == style


def test_the_chosen_format_is_used_for_text_hints_and_parsing(
        monkeypatch: pytest.MonkeyPatch) -> None:
    day = date(2026, 3, 4)
    assert set_date_style("dmy") == "dmy"
    assert (date_text(day), date_hint()) == ("04/03/2026", "DD/MM/YYYY")
    assert parse_date_text("04/03/2026") == day and parse_date_text("2026-03-04") == day
    set_date_style("ymd")
    assert date_text(day) == "2026-03-04"
    monkeypatch.setenv("LC_ALL", "en_GB.UTF-8")
    assert set_date_style("") == "dmy"  # "" follows the locale
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    assert set_date_style("nonsense") == "mdy"
    assert date_text(day) == "03/04/2026" and date_text(None) == "—"
    with pytest.raises(ValueError):
        parse_date_text("31/31/2026")
