"""How a score reads in a table, in the note's session facts and in a PDF: the therapist's
numbers, the instrument's own band names, nothing interpreted beyond them."""

from __future__ import annotations

from datetime import date

from models.common import date_text
from models.measures.change import direction_word
from models.measures.instrument import Instrument
from models.measures.safety import PositiveScreen
from models.measures.scoring import Score


def _blank(score: Score, instrument: Instrument) -> int:
    return sum(1 for k in score.unanswered if instrument.item(k).scored)


def total_phrase(instrument: Instrument, score: Score) -> str:
    """"14 (moderate)", "14 (moderate; prorated, 1 item blank)", "incomplete (3 items blank)"."""
    blank = _blank(score, instrument)
    if score.total is None:
        items = "item" if blank == 1 else "items"
        if instrument.method == "levels":
            found = instrument.band_of(score.partial)
            return f"incomplete ({blank} {items} blank; so far {found.label if found else ''})"
        return f"incomplete ({blank} {items} blank; answered items sum to {score.partial})"
    if instrument.method == "levels":
        return score.band_label
    detail = f"; prorated, {blank} item{'s' if blank != 1 else ''} blank" if score.prorated else ""
    return f"{score.total} ({score.band_label}{detail})"


def session_fact(instrument: Instrument, score: Score, previous: tuple[date, int] | None,
                 screens: list[PositiveScreen]) -> str:
    """One instrument's fact for the note, e.g. "PHQ-9 total 14 (moderate), down from 17 on
    11/04/2026"; a positive risk item is named with the client's own answer."""
    if instrument.method == "levels":
        yes = [s.item for s in screens]
        said = f" (yes to item{'s' if len(yes) > 1 else ''} {', '.join(yes)})" if yes else ""
        return f"{instrument.name}: {total_phrase(instrument, score)}{said}"
    parts = [f"{instrument.name} total {total_phrase(instrument, score)}"]
    parts += [f"item {s.item} answered “{s.answer}”" for s in screens]
    if previous is not None and score.total is not None:
        when, before = previous
        moved = direction_word(before, score.total)
        parts.append(f"{moved} from {before} on {date_text(when)}" if moved != "unchanged"
                     else f"unchanged from {date_text(when)}")
    return ", ".join(parts)
