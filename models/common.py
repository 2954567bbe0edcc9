"""Small value types shared by practice, clients and billing."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Address:
    street: str = ""
    city: str = ""
    state: str = ""
    postal_code: str = ""

    def one_line(self) -> str:
        city_line = " ".join(p for p in (self.state, self.postal_code) if p)
        parts = [self.street, ", ".join(p for p in (self.city, city_line) if p)]
        return ", ".join(p for p in parts if p)

    def is_empty(self) -> bool:
        return not any((self.street, self.city, self.state, self.postal_code))
