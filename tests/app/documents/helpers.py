"""A client's episode of care to write documents in: shared by the app and window tests."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from models.appointment import Appointment, AppointmentStatus, Service
from models.client import Client
from models.treatment_plan import Objective, Problem
from tests.app.notes.helpers import TZ, add_client, add_session

INTAKE_PROMPTS = {
    "referral": "referred by PCP Dr. Amir for panic attacks",
    "history_present": "panic attacks began in March after a minor car accident; 3-4 per week; "
                       "avoids highway driving",
    "psychiatric_history": "no prior therapy; no psychiatric hospitalizations",
    "medications": "levothyroxine 75 mcg daily",
    "substance_use": "alcohol 1-2 glasses of wine on weekends; denies drug use",
    "family_social": "lives with husband and 2 children; works as a pharmacist",
    "mental_status": "alert and oriented x4, mood anxious, affect congruent, thought process "
                     "linear",
    "risk": "denies SI/HI; no history of self-harm; no firearms in the home",
    "strengths": "motivated for treatment, supportive husband",
    "impression": "symptoms consistent with panic disorder",
    "recommendations": "weekly individual CBT for panic disorder; next session in 1 week",
}

PLAN_PROBLEM = Problem("Panic attacks", "3-4 panic attacks per week since March",
                       "manage panic symptoms and return to highway driving",
                       (Objective("reduce panic attacks", "3-4 per week", "1 or fewer per week",
                                  date(2027, 2, 15)),))
PLAN_PROMPTS = {
    "interventions": "weekly 53-minute individual CBT; interoceptive exposure",
    "participation": "client participated in developing this plan and agrees with its goals",
}


def intake_session(vault: Any, client: Client, start: datetime | None = None) -> Appointment:
    start = start or datetime(2026, 11, 10, 9, 0, tzinfo=TZ)
    appt: Appointment = vault.appointments.add(Appointment(
        client_id=client.id, start=start, minutes=60, status=AppointmentStatus.ATTENDED,
        service=Service.INTAKE, cpt_code="90791"))
    return appt


def weekly_sessions(vault: Any, client: Client, count: int,
                    first: datetime | None = None) -> list[Appointment]:
    first = first or datetime(2026, 11, 17, 9, 0, tzinfo=TZ)
    return [add_session(vault, client, start=first + timedelta(weeks=n)) for n in range(count)]


__all__ = ["INTAKE_PROMPTS", "PLAN_PROBLEM", "PLAN_PROMPTS", "add_client", "add_session",
           "intake_session", "weekly_sessions"]
