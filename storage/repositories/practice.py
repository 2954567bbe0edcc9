"""The practice profile: one row, stored as JSON of PracticeProfile's fields."""

from __future__ import annotations

from dataclasses import asdict, fields
from typing import Any

from models.common import Address
from models.practice import PracticeProfile
from storage.codec import from_json, to_json
from storage.repositories.base import Repository


def profile_from_dict(data: dict[str, Any]) -> PracticeProfile:
    known = {f.name for f in fields(PracticeProfile)}
    values = {k: v for k, v in data.items() if k in known and k != "address"}
    address = data.get("address") or {}
    addr_known = {f.name for f in fields(Address)}
    return PracticeProfile(**values,
                           address=Address(**{k: v for k, v in address.items() if k in addr_known}))


class PracticeRepository(Repository):
    entity = "practice"

    def get(self) -> PracticeProfile:
        row = self._db.query_one("SELECT profile FROM practice WHERE id = 1")
        if row is None:
            return PracticeProfile()
        return profile_from_dict(from_json(row[0], {}))

    def save(self, profile: PracticeProfile) -> None:
        with self._db.transaction() as conn:
            conn.execute("INSERT INTO practice (id, profile) VALUES (1, ?) "
                         "ON CONFLICT(id) DO UPDATE SET profile = excluded.profile",
                         (to_json(asdict(profile)),))
            self._audit("update", 1)
