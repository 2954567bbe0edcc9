"""How values are written into columns: ISO text for dates and times, text for money, JSON for
small nested structures. One place, so every repository reads back exactly what it wrote."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, tzinfo
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


def now_utc() -> datetime:
    return datetime.now(UTC)


def date_text(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def date_value(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def datetime_text(value: datetime | None) -> str | None:
    if value is None:
        return None
    if value.tzinfo is None:
        raise ValueError("datetimes stored in the vault must be timezone-aware")
    return value.isoformat()


def datetime_value(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def utc_text(value: datetime) -> str:
    """Sortable UTC text for range queries (fixed width, so text order is time order)."""
    if value.tzinfo is None:
        raise ValueError("datetimes stored in the vault must be timezone-aware")
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def tz_key(value: datetime) -> str:
    tz = value.tzinfo
    return tz.key if isinstance(tz, ZoneInfo) else ""


def local_value(local_text: str, key: str) -> datetime:
    value = datetime.fromisoformat(local_text)
    if key:
        try:
            zone: tzinfo = ZoneInfo(key)
        except (ZoneInfoNotFoundError, ValueError):
            return value
        return value.astimezone(zone)
    return value


def money_text(value: Decimal) -> str:
    return str(Decimal(value))


def money_value(text: str) -> Decimal:
    return Decimal(text)


def to_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=_default)


def from_json(text: str | None, default: Any = None) -> Any:
    if not text:
        return default
    return json.loads(text)


def _default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON-able")
