"""Settings that live inside the vault (they may mention clients, so they stay encrypted)."""

from __future__ import annotations

from typing import Any

from storage.codec import from_json, to_json
from storage.repositories.base import Repository


class SettingsRepository(Repository):
    entity = "setting"

    def get(self, key: str, default: Any = None) -> Any:
        row = self._db.query_one("SELECT value FROM settings WHERE key = ?", (key,))
        return default if row is None else from_json(row[0])

    def set(self, key: str, value: Any) -> None:
        with self._db.transaction() as conn:
            conn.execute("INSERT INTO settings (key, value) VALUES (?, ?) "
                         "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                         (key, to_json(value)))
            self._audit("update", None, f"key {key}")  # the key names the setting; no value

    def all(self) -> dict[str, Any]:
        return {k: from_json(v) for k, v in self._db.query("SELECT key, value FROM settings")}
