"""The safety rule's facts: which answers are a positive risk screen, and which risk items were
left blank. A positive answer must reach the therapist at once and be addressed in the note."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from models.common import date_text
from models.measures.instrument import Instrument
from models.measures.scoring import Answers, is_asked


@dataclass(frozen=True)
class PositiveScreen:
    """One risk item answered at or above its threshold."""

    instrument: str  # "PHQ-9"
    item: str  # "9"
    question: str
    answer: str  # the option's label, as the client saw it
    taken_on: date
    keywords: tuple[str, ...] = ()  # words showing a risk assessment refers to this screen

    def sentence(self) -> str:
        return (f"{self.instrument} item {self.item} was answered “{self.answer}” "
                f"on {date_text(self.taken_on)}")


def positive_screens(instrument: Instrument, answers: Answers,
                     taken_on: date) -> list[PositiveScreen]:
    """The risk items of ``answers`` at or above the instrument's threshold, in form order."""
    rule = instrument.risk
    if rule is None:
        return []
    found = []
    for key in rule.items:
        value = answers.get(key)
        if value is not None and value >= rule.positive_at_least:
            item = instrument.item(key)
            found.append(PositiveScreen(instrument.name, key, item.text, item.label_of(value),
                                        taken_on, rule.keywords))
    return found


def blank_risk_items(instrument: Instrument, answers: Answers) -> list[str]:
    """Risk items the form asked but the answers leave blank: never a silent gap."""
    rule = instrument.risk
    if rule is None:
        return []
    return [k for k in rule.items
            if k not in answers and is_asked(instrument, instrument.item(k), answers)]
