"""The practice profile: who the clinician is, as billing and signatures need it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time, tzinfo

from models.common import Address, zone_named


@dataclass
class PracticeProfile:
    practice_name: str = ""
    clinician_name: str = ""
    credentials: str = ""  # e.g. "LCSW", "PhD, LP"
    license_number: str = ""
    license_state: str = ""
    npi: str = ""
    taxonomy_code: str = ""
    tax_id: str = ""  # EIN or SSN as the clinician bills
    tax_id_kind: str = "EIN"  # "EIN" or "SSN"
    address: Address = field(default_factory=Address)
    phone: str = ""
    email: str = ""
    timezone: str = "America/New_York"  # IANA name; appointments are shown and exported in it
    # Billing policy (issue: billing). Telehealth place of service: "10" client's home,
    # "02" elsewhere.
    telehealth_pos: str = "10"
    telehealth_modifier: str = "95"
    # The working day (the calendar shades the hours outside it): text, as every field here.
    default_note_format: str = "soap"  # a NoteFormat value: what new notes start in
    working_hours: str = "08:00-18:00"
    working_days: str = "12345"  # ISO weekdays, 1 = Monday

    def work_hours(self) -> tuple[time, time]:
        """The working day's start and end (08:00-18:00 when the text cannot be read)."""
        try:
            first, last = (time.fromisoformat(p.strip()) for p in self.working_hours.split("-"))
        except ValueError:
            return time(8), time(18)
        return (first, last) if first < last else (time(8), time(18))

    def works_on(self, day: date) -> bool:
        return str(day.isoweekday()) in self.working_days

    @property
    def zone(self) -> tzinfo:
        """The practice's time zone (this computer's, if the name is not one it knows)."""
        return zone_named(self.timezone)

    def signer_line(self) -> str:
        return ", ".join(p for p in (self.clinician_name, self.credentials) if p)
