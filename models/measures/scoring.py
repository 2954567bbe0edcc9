"""Scoring one administration of a measure by the instrument's own published rules.

Which items were asked (skip rules), which were left blank, the total (a sum, prorated only as
far as the instrument allows, or the highest risk level that applies), its severity band, the
subscale (cluster) scores and, where defined, the DSM-5 cluster rule. Pure; no I/O.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from math import floor

from models.errors import InvalidInput
from models.measures.instrument import Band, Instrument, Item

Answers = Mapping[str, int]

MET, NOT_MET, UNDETERMINED = "met", "not met", "undetermined"


@dataclass(frozen=True)
class SubscaleScore:
    key: str
    label: str
    score: int | None  # None until every item of the subscale is answered
    endorsed: int  # items at or above the instrument's symptom threshold
    needed: int  # endorsed items the cluster rule needs (0: no rule)


@dataclass(frozen=True)
class Score:
    total: int | None  # None when too many items are blank to score
    partial: int  # the answered items' sum (or level): a lower bound when incomplete
    band: Band | None
    asked: tuple[str, ...]  # items the skip rules asked, in form order
    unanswered: tuple[str, ...]  # asked but left blank (scored or not)
    prorated: bool = False
    subscales: tuple[SubscaleScore, ...] = ()
    cluster_rule: str | None = None  # MET, NOT_MET or UNDETERMINED where the measure has one

    @property
    def complete(self) -> bool:
        return not self.unanswered

    @property
    def band_label(self) -> str:
        return self.band.label if self.band is not None else ""


def is_asked(instrument: Instrument, item: Item, answers: Answers) -> bool:
    """Whether the skip rules ask ``item`` given the answers so far."""
    rule = item.ask_if
    if rule is None:
        return True
    if rule.any_scored_above is not None:
        limit = rule.any_scored_above
        return any(answers.get(i.key, -1) > limit for i in instrument.scored_items)
    return answers.get(rule.item) == rule.equals


def asked_items(instrument: Instrument, answers: Answers) -> list[Item]:
    return [i for i in instrument.items if is_asked(instrument, i, answers)]


def check_answers(instrument: Instrument, answers: Answers) -> dict[str, int]:
    """The answers as item -> value; InvalidInput for an unknown item or a value not offered."""
    known = {i.key: i for i in instrument.items}
    clean: dict[str, int] = {}
    for key, value in answers.items():
        item = known.get(str(key))
        if item is None:
            raise InvalidInput(f"{instrument.name} has no item {key}.")
        if isinstance(value, bool) or not isinstance(value, int) or item.option(value) is None:
            offered = ", ".join(str(o.value) for o in item.options)
            raise InvalidInput(f"{instrument.name} item {key} takes one of {offered}, "
                               f"not {value!r}.")
        clean[item.key] = value
    return clean


def score(instrument: Instrument, answers: Answers) -> Score:
    """Score ``answers`` (item key -> option value; a blank item is simply absent)."""
    answers = check_answers(instrument, answers)
    asked = asked_items(instrument, answers)
    # An answer to a question the skip rules did not ask is kept in the record, never scored.
    answers = {i.key: answers[i.key] for i in asked if i.key in answers}
    unanswered = tuple(i.key for i in asked if i.key not in answers)
    scored = [i for i in asked if i.scored]
    given = [answers[i.key] for i in scored if i.key in answers]
    blank = len(scored) - len(given)
    total: int | None
    if instrument.method == "levels":
        partial = _level(instrument, answers)
        total = partial if not unanswered else None
        prorated = False
    else:
        partial = sum(given)
        prorated = 0 < blank <= instrument.prorate_up_to_missing and bool(given)
        if blank == 0:
            total = partial
        elif prorated:
            total = _round_half_up(Fraction(partial * len(scored), len(given)))
        else:
            total = None
    subscales = tuple(_subscale(instrument, s.key, answers) for s in instrument.subscales)
    return Score(total=total, partial=partial, band=instrument.band_of(total),
                 asked=tuple(i.key for i in asked), unanswered=unanswered, prorated=prorated,
                 subscales=subscales, cluster_rule=_cluster_rule(instrument, answers))


def is_prorated(instrument: Instrument, answers: Answers) -> bool:
    """Whether a stored total was prorated: a summed measure with an always-asked item blank.
    Cheap (no checking or skip rules), for drawing long courses."""
    return instrument.method == "sum" and any(
        i.key not in answers for i in instrument.scored_items if i.ask_if is None)


def _round_half_up(value: Fraction) -> int:
    return floor(value + Fraction(1, 2))


def _level(instrument: Instrument, answers: Answers) -> int:
    """The highest level whose rule holds (an item answered yes = 1), else 0."""
    level = 0
    for rule in instrument.levels:
        yes = [answers.get(k) == 1 for k in rule.items]
        if all(yes) if rule.needs_all else any(yes):
            level = max(level, rule.level)
    return level


def _endorsed(instrument: Instrument, value: int | None) -> bool:
    threshold = instrument.endorsed_at_least
    return threshold is not None and value is not None and value >= threshold


def _subscale(instrument: Instrument, key: str, answers: Answers) -> SubscaleScore:
    sub = next(s for s in instrument.subscales if s.key == key)
    values = [answers.get(k) for k in sub.items]
    complete = all(v is not None for v in values)
    return SubscaleScore(key=sub.key, label=sub.label,
                         score=sum(v for v in values if v is not None) if complete else None,
                         endorsed=sum(1 for v in values if _endorsed(instrument, v)),
                         needed=sub.endorsed_needed)


def _cluster_rule(instrument: Instrument, answers: Answers) -> str | None:
    """The DSM-5 cluster rule (PCL-5): met once every cluster has its endorsed items, not met
    once some cluster cannot reach them even if every blank were endorsed, else undetermined."""
    rules = [s for s in instrument.subscales if s.endorsed_needed]
    if not rules or instrument.endorsed_at_least is None:
        return None
    met = True
    for sub in rules:
        endorsed = sum(1 for k in sub.items if _endorsed(instrument, answers.get(k)))
        blank = sum(1 for k in sub.items if k not in answers)
        if endorsed + blank < sub.endorsed_needed:
            return NOT_MET
        met = met and endorsed >= sub.endorsed_needed
    return MET if met else UNDETERMINED
