"""The ranges a practice file's values must keep: what the vault and every export can handle.

Each check raises KeyError(field) for a value out of range, which practice_json reports as "a
missing or invalid value in <record> (field '<field>')" without echoing the value.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from models.json_checks import MAX_INT

FIRST_YEAR, LAST_YEAR = 1900, 2199  # dates of birth to far-future plans; exports add days
MAX_MINUTES = 24 * 60
MAX_MONEY = Decimal("1000000")
CENTS = Decimal("0.01")
MAX_SEQUENCE = 10**6
MAX_SESSIONS = 10_000


def record_id(value: Any, field: str = "id") -> int:
    if type(value) is not int or not 1 <= value <= MAX_INT:
        raise KeyError(field)
    return value


def whole(value: Any, field: str, low: int, high: int) -> int:
    if type(value) is not int or not low <= value <= high:
        raise KeyError(field)
    return value


def zone(name: Any, field: str = "timezone") -> str:
    """An IANA time zone this machine knows ("" only where the caller allows it)."""
    if not isinstance(name, str) or not name or len(name) > 64:
        raise KeyError(field)
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise KeyError(field) from None
    return name


def day(value: date | None, field: str) -> date | None:
    if value is not None and not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise KeyError(field)
    return value


def moment(value: datetime | None, field: str) -> datetime | None:
    if value is not None:
        try:
            utc_year = value.astimezone(ZoneInfo("UTC")).year
        except OverflowError:
            raise KeyError(field) from None
        if not FIRST_YEAR <= utc_year <= LAST_YEAR:
            raise KeyError(field)
    return value


def money(value: Decimal, field: str) -> Decimal:
    """A finite amount from 0 to a million, in whole cents."""
    try:
        if not value.is_finite() or not 0 <= value <= MAX_MONEY or value != value.quantize(CENTS):
            raise KeyError(field)
    except InvalidOperation:
        raise KeyError(field) from None
    return value


def flat_record(raw: Any, field: str) -> dict[str, Any]:
    """A flag as stored with a note: an object of text, numbers, booleans or null, no nesting."""
    if not isinstance(raw, dict) or not all(
            isinstance(v, str | bool | int) or v is None for v in raw.values()):
        raise KeyError(field)
    return dict(raw)


def texts(raw: Any, field: str) -> dict[str, str]:
    """An object of text values (the prompts)."""
    if not isinstance(raw, dict) or not all(isinstance(v, str) for v in raw.values()):
        raise KeyError(field)
    return dict(raw)
