"""The measures Stillnote offers: every instrument file in resources/measures, read once.

A new public-domain measure is one more JSON file there (the shape is in docs/measures.md);
the engine (models.measures) scores it without new code.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from models.errors import InvalidInput
from models.measures.instrument import Instrument, InstrumentFileError, instrument_from_dict

MEASURES_DIR = Path(__file__).resolve().parents[2] / "resources" / "measures"
# The order the therapist sees them in: the common ones first.
PREFERRED_ORDER = ("phq9", "gad7", "phq2", "gad2", "pcl5", "cssrs")


@cache
def _catalog() -> dict[str, Instrument]:
    found: dict[str, Instrument] = {}
    for path in sorted(MEASURES_DIR.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise InstrumentFileError(f"{path.name}: {type(exc).__name__}") from None
        instrument = instrument_from_dict(data, path.name)
        if instrument.key in found:
            raise InstrumentFileError(f"{path.name}: a second instrument {instrument.key!r}")
        found[instrument.key] = instrument
    rank = {key: i for i, key in enumerate(PREFERRED_ORDER)}
    return dict(sorted(found.items(), key=lambda kv: (rank.get(kv[0], len(rank)), kv[0])))


def instruments() -> list[Instrument]:
    """Every instrument, the common ones first."""
    return list(_catalog().values())


def instrument(key: str) -> Instrument:
    """The instrument called ``key`` (e.g. "phq9"); InvalidInput if Stillnote has none."""
    found = _catalog().get(key)
    if found is None:
        raise InvalidInput(f"Stillnote has no measure called {key!r}.")
    return found


def known(key: str) -> bool:
    return key in _catalog()
