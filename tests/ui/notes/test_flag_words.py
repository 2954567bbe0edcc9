"""Every kind of flag has plain words; the field an empty-field flag is about is named."""

from __future__ import annotations

from models.flags import Flag, FlagKind, needs_attention
from ui.notes.flag_words import ADVICE, advice


def test_every_flag_kind_says_in_plain_words_what_to_do() -> None:
    assert set(ADVICE) == set(FlagKind)  # a new kind needs its words here
    for words in ADVICE.values():
        assert words[0].isupper() and not words.endswith(".") and len(words) < 70


def test_the_words_name_the_field_and_the_impression() -> None:
    assert advice(Flag(FlagKind.EMPTY_FIELD, "Plan", "x", "Plan")).startswith("Fill in Plan")
    assert advice(Flag(FlagKind.NO_IMPRESSION, "Assessment", "x")) == (
        "Add your clinical impression")


def test_only_informational_kinds_need_no_attention() -> None:
    assert {k for k in FlagKind if not needs_attention(k)} == {FlagKind.NO_MODEL,
                                                               FlagKind.CANCELLED}
