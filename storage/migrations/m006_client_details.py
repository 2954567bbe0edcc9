"""Schema v6: client details therapists expect (emergency contact, preferred contact method,
referral source) and the note format chosen for a client."""

from __future__ import annotations

VERSION = 6

STATEMENTS: tuple[str, ...] = (
    "ALTER TABLE clients ADD COLUMN emergency_contact TEXT NOT NULL DEFAULT '{}'",
    "ALTER TABLE clients ADD COLUMN contact_method TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE clients ADD COLUMN referral_source TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE clients ADD COLUMN note_format TEXT NOT NULL DEFAULT ''",
)
