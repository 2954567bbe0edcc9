"""Client lists in the order people expect: by name as the user's language sorts it (QCollator:
"Ávila" beside "Avila", "Zoë" after "Zoe", digits by value), or by last seen or newest."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from PySide6.QtCore import QCollator, QLocale, Qt

from models.client import Client

EARLIEST = datetime.min.replace(tzinfo=UTC)


def _collator() -> QCollator:
    collator = QCollator(QLocale())
    collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    collator.setNumericMode(True)
    return collator


def last_name(client: Client) -> str:
    words = client.legal_name.split()
    return words[-1] if words else ""


def sort_clients(clients: Sequence[Client], order: str,
                 seen: dict[int, datetime] | None = None) -> list[Client]:
    """``order``: "first" (the name shown), "last" (legal last name), "recent" (latest
    attended session first, using ``seen``), "newest" (added last first)."""
    collator = _collator()
    by_name = sorted(clients, key=lambda c: collator.sortKey(c.display_name))
    if order == "last":
        return sorted(by_name, key=lambda c: collator.sortKey(f"{last_name(c)} {c.display_name}"))
    if order == "recent":
        seen = seen or {}
        return sorted(by_name, key=lambda c: seen.get(c.id or 0, EARLIEST), reverse=True)
    if order == "newest":
        return sorted(by_name, key=lambda c: (c.created_at or EARLIEST, c.id or 0), reverse=True)
    return by_name
