"""A standard measure as data: items, response options, scoring rule, bands, change criteria.

Each instrument is a JSON file in resources/measures/ (read by app.measures.catalog); this
module turns one such document into frozen values and refuses a malformed one, so a new
public-domain measure is a data file, not code. Nothing here reads files.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


class InstrumentFileError(ValueError):
    """A measure's data file does not describe a usable instrument (our bug, not the user's)."""


@dataclass(frozen=True)
class Option:
    value: int
    label: str


@dataclass(frozen=True)
class AskIf:
    """When an item is asked: after another item's answer, or once any scored item is above 0."""

    item: str = ""
    equals: int | None = None
    any_scored_above: int | None = None


@dataclass(frozen=True)
class Item:
    key: str
    text: str
    options: tuple[Option, ...]
    scored: bool = True
    heading: str = ""
    ask_if: AskIf | None = None

    def option(self, value: int) -> Option | None:
        return next((o for o in self.options if o.value == value), None)

    def label_of(self, value: int) -> str:
        option = self.option(value)
        return option.label if option is not None else str(value)


@dataclass(frozen=True)
class Band:
    low: int
    high: int
    label: str

    def holds(self, total: int) -> bool:
        return self.low <= total <= self.high


@dataclass(frozen=True)
class Subscale:
    key: str
    label: str
    items: tuple[str, ...]
    endorsed_needed: int = 0  # for a cluster rule (PCL-5's DSM-5 criteria), else 0


@dataclass(frozen=True)
class LevelRule:
    """``level`` when any (or all) of ``items`` were answered yes (1)."""

    level: int
    items: tuple[str, ...]
    needs_all: bool = False


@dataclass(frozen=True)
class ChangeCriteria:
    """What makes a change reliable and clinically significant (None where undefined)."""

    reliable_change: int | None = None
    clinical_cutoff: int | None = None  # a reliable improvement ending below it is significant
    clinically_significant_points: int | None = None  # or a change of at least this many points
    source: str = ""


@dataclass(frozen=True)
class RiskRule:
    """Items whose answer at or above ``positive_at_least`` must reach the therapist at once."""

    items: tuple[str, ...]
    positive_at_least: int
    keywords: tuple[str, ...]  # words that show the note's risk assessment refers to the screen
    summary: str


@dataclass(frozen=True)
class Instrument:
    key: str
    name: str  # short, as a clinician writes it: "PHQ-9"
    title: str
    instructions: str
    items: tuple[Item, ...]
    bands: tuple[Band, ...]
    method: str  # "sum" or "levels"
    attribution: str
    terms: str
    construct: str = ""
    prorate_up_to_missing: int = 0
    missing_rule: str = ""
    endorsed_at_least: int | None = None  # an item at or above this counts as a symptom
    subscales: tuple[Subscale, ...] = ()
    levels: tuple[LevelRule, ...] = ()
    change: ChangeCriteria = field(default_factory=ChangeCriteria)
    risk: RiskRule | None = None
    self_report: bool = True  # may be handed to the client; False: the therapist asks
    sources: tuple[str, ...] = ()

    @property
    def scored_items(self) -> tuple[Item, ...]:
        return tuple(i for i in self.items if i.scored)

    def item(self, key: str) -> Item:
        for item in self.items:
            if item.key == key:
                return item
        raise KeyError(key)

    @property
    def max_total(self) -> int:
        if self.method == "levels":
            return max((r.level for r in self.levels), default=0)
        return sum(max(o.value for o in i.options) for i in self.scored_items)

    def band_of(self, total: int | None) -> Band | None:
        if total is None:
            return None
        return next((b for b in self.bands if b.holds(total)), None)


# --- reading a data file ---------------------------------------------------------------------
def instrument_from_dict(data: Mapping[str, Any], source: str = "measure file") -> Instrument:
    """The instrument a data file describes; InstrumentFileError naming ``source`` if broken."""
    try:
        instrument = _instrument(data)
    except (KeyError, TypeError, ValueError) as exc:
        detail = f"field {exc.args[0]!r}" if isinstance(exc, KeyError) else str(exc)
        raise InstrumentFileError(f"{source}: {detail}") from None
    _check(instrument)
    return instrument


def _options(raw: Any) -> tuple[Option, ...]:
    options = tuple(Option(int(o["value"]), str(o["label"])) for o in raw)
    if not options:
        raise ValueError("an item has no response options")
    return options


def _ask_if(raw: Any) -> AskIf | None:
    if raw is None:
        return None
    above = raw.get("any_scored_above")
    equals = raw.get("equals")
    return AskIf(item=str(raw.get("item", "")), equals=None if equals is None else int(equals),
                 any_scored_above=None if above is None else int(above))


def _instrument(d: Mapping[str, Any]) -> Instrument:
    default_options = _options(d["options"]) if "options" in d else ()
    items = tuple(
        Item(key=str(i["key"]), text=str(i["text"]),
             options=_options(i["options"]) if "options" in i else default_options,
             scored=bool(i.get("scored", True)), heading=str(i.get("heading", "")),
             ask_if=_ask_if(i.get("ask_if")))
        for i in d["items"])
    scoring = d["scoring"]
    change = d.get("change") or {}
    risk = d.get("risk")
    return Instrument(
        key=str(d["key"]), name=str(d["name"]), title=str(d["title"]),
        instructions=str(d["instructions"]), items=items,
        bands=tuple(Band(int(b["min"]), int(b["max"]), str(b["label"])) for b in d["bands"]),
        method=str(scoring["method"]), attribution=str(d["attribution"]), terms=str(d["terms"]),
        construct=str(d.get("construct", "")),
        prorate_up_to_missing=int(scoring.get("prorate_up_to_missing", 0)),
        missing_rule=str(scoring.get("missing_rule", "")),
        endorsed_at_least=(int(scoring["endorsed_at_least"])
                           if "endorsed_at_least" in scoring else None),
        subscales=tuple(Subscale(str(s["key"]), str(s["label"]),
                                 tuple(str(k) for k in s["items"]),
                                 int(s.get("endorsed_needed", 0)))
                        for s in d.get("subscales", ())),
        levels=tuple(LevelRule(int(r["level"]),
                               tuple(str(k) for k in r.get("all_yes") or r["any_yes"]),
                               needs_all="all_yes" in r)
                     for r in scoring.get("levels", ())),
        change=ChangeCriteria(
            reliable_change=_optional_int(change.get("reliable_change")),
            clinical_cutoff=_optional_int(change.get("clinical_cutoff")),
            clinically_significant_points=_optional_int(
                change.get("clinically_significant_points")),
            source=str(change.get("source", ""))),
        risk=None if risk is None else RiskRule(
            items=tuple(str(k) for k in risk["items"]),
            positive_at_least=int(risk["positive_at_least"]),
            keywords=tuple(str(k) for k in risk.get("keywords", ())),
            summary=str(risk.get("summary", ""))),
        self_report=bool(d.get("self_report", True)),
        sources=tuple(str(s) for s in d.get("sources", ())),
    )


def _optional_int(value: Any) -> int | None:
    return None if value is None else int(value)


def _check(ins: Instrument) -> None:
    """The rules every instrument keeps, so the engine never meets a contradiction."""
    keys = [i.key for i in ins.items]
    if len(set(keys)) != len(keys):
        raise InstrumentFileError(f"{ins.key}: two items share a key")
    if ins.method not in ("sum", "levels"):
        raise InstrumentFileError(f"{ins.key}: unknown scoring method {ins.method!r}")
    if ins.method == "levels" and not ins.levels:
        raise InstrumentFileError(f"{ins.key}: a 'levels' instrument needs level rules")
    named = set(keys)
    referenced = [k for s in ins.subscales for k in s.items]
    referenced += [k for r in ins.levels for k in r.items]
    referenced += [i.ask_if.item for i in ins.items if i.ask_if and i.ask_if.item]
    referenced += list(ins.risk.items) if ins.risk else []
    unknown = sorted(set(referenced) - named)
    if unknown:
        raise InstrumentFileError(f"{ins.key}: rules name unknown items {unknown}")
    ordered = sorted(ins.bands, key=lambda b: b.low)
    for before, band in zip([None, *ordered], ordered, strict=False):
        if band.low > band.high or (before is not None and band.low != before.high + 1):
            raise InstrumentFileError(f"{ins.key}: severity bands overlap or leave a gap")
    if not ordered or ordered[0].low != 0 or ordered[-1].high != ins.max_total:
        raise InstrumentFileError(f"{ins.key}: severity bands must cover 0..{ins.max_total}")
