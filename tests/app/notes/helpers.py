"""A small practice to write notes in: shared by the app and UI note tests."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from models.appointment import Appointment, AppointmentStatus, Modality
from models.client import Client, Diagnosis, Goal
from models.common import Address
from models.practice import PracticeProfile

PASSPHRASE = "correct horse battery staple"
TZ = ZoneInfo("America/Chicago")

FULL_PROMPTS = {
    "presenting_concerns": "Work stress & poor sleep <4 h> since the reorganization.",
    "mental_status": "Alert, oriented x3, mood anxious, affect congruent.",
    "goals": "Reduce anxiety to manageable levels.",
    "interventions": "Cognitive restructuring, thought record.",
    "client_response": "Engaged; identified two catastrophic thoughts.",
    "progress": "Sleep improved from 4 to 6 hours.",
    "risk": "Denies SI/HI, plan or intent.",
    "plan": "Weekly sessions; thought log before next session.",
}


def new_vault(root: Path) -> Any:
    from storage.vault import Vault

    vault, _recovery = Vault.create(root / "vault", PASSPHRASE)
    vault.practice.save(PracticeProfile(
        practice_name="Quiet Harbor Counseling", clinician_name="Dana Reyes",
        credentials="LCSW", address=Address("1 Main St", "Springfield", "IL", "62701"),
        timezone="America/Chicago"))
    return vault


def add_client(vault: Any, name: str = "Ana Lima", *, consent: bool = True,
               dob: date = date(1990, 4, 2), dx: bool = True) -> Client:
    client = vault.clients.add(Client(
        legal_name=name, date_of_birth=dob, ai_consent=consent,
        ai_consent_date=date(2026, 1, 5) if consent else None,
        diagnoses=[Diagnosis("F41.1", "Generalized anxiety disorder", True)] if dx else []))
    vault.goals.add(Goal(client_id=client.id, text="Reduce anxiety to manageable levels"))
    return client


def add_session(vault: Any, client: Client, *, start: datetime | None = None,
                minutes: int = 53, status: AppointmentStatus = AppointmentStatus.ATTENDED,
                modality: Modality = Modality.OFFICE) -> Appointment:
    start = start or datetime(2026, 11, 20, 10, 0, tzinfo=TZ)
    appt: Appointment = vault.appointments.add(Appointment(
        client_id=client.id, start=start, minutes=minutes, status=status, modality=modality))
    return appt


def hours_ago(hours: float) -> datetime:
    return datetime.now(TZ) - timedelta(hours=hours)
