"""The demo practice's measures: a few months of PHQ-9 and GAD-7 for most clients (improving,
flat and worsening courses), PCL-5 for the two clients with PTSD, schedules that say when the
next are due, and one positive PHQ-9 item 9 on a session whose note is not yet signed, so the
safety rule can be seen at work. Reproducible: its own random stream, after the rest."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from app.measures.catalog import instrument
from models.appointment import Appointment, AppointmentStatus
from models.completeness import screen_addressed
from models.measures.records import MeasureResponse, Schedule, ScheduleRule
from models.measures.safety import positive_screens
from models.measures.schedule import ClientDates, due_reason
from models.measures.scoring import score

if TYPE_CHECKING:
    from storage.vault import Vault


@dataclass(frozen=True)
class _Course:
    instrument: str
    start: int
    end: int
    rule: ScheduleRule = ScheduleRule.EVERY_SESSIONS
    interval: int = 2


# Demo client index -> the measures they take and where their course goes.
_COURSES: dict[int, tuple[_Course, ...]] = {
    0: (_Course("phq9", 11, 5), _Course("gad7", 15, 6)),  # improving
    1: (_Course("phq9", 18, 8), _Course("gad7", 10, 6)),  # improving, clinically significant
    2: (_Course("phq9", 12, 12), _Course("gad7", 13, 12), _Course("pcl5", 48, 45, interval=4)),
    3: (_Course("phq9", 13, 6, interval=1), _Course("gad7", 9, 5, interval=1)),
    4: (_Course("phq9", 8, 8), _Course("gad7", 12, 11, ScheduleRule.EVERY_DAYS, 28)),  # flat
    5: (_Course("phq9", 12, 19), _Course("gad7", 9, 14)),  # worsening; the item 9 below
    6: (_Course("phq9", 9, 4, interval=1), _Course("gad7", 16, 7, interval=1)),
    7: (_Course("phq9", 11, 11, interval=1), _Course("gad7", 7, 8, interval=1)),  # flat
    10: (_Course("phq9", 7, 12), _Course("gad7", 11, 15)),  # worsening
    11: (_Course("phq9", 14, 7, interval=1), _Course("pcl5", 52, 28, interval=2)),
}
_ITEM9_CLIENT = 5  # one positive PHQ-9 item 9 ("Several days"), on a late session
_DISCHARGE_CLIENT = 11  # discharged: a PHQ-9 at discharge is on their schedule too


def _answers(key: str, total: int, rng: random.Random, item9: bool = False) -> dict[str, int]:
    """Item answers that sum to ``total`` (item 9 of the PHQ-9 stays 0 unless ``item9``)."""
    measure = instrument(key)
    items = [i for i in measure.scored_items if not (key == "phq9" and i.key == "9")]
    top = max(o.value for o in items[0].options)
    values = {i.key: 0 for i in measure.scored_items}
    if item9:
        values["9"] = 1
        total -= 1
    for _ in range(min(total, top * len(items))):
        choice = rng.choice([i.key for i in items if values[i.key] < top])
        values[choice] += 1
    if any(not i.scored for i in measure.items) and sum(values.values()) > 0:
        values["difficulty"] = min(3, sum(values.values()) // 7)
    return values


def _dates_given(course: _Course, client_id: int, sessions: list[Appointment],
                 zone_of: dict[int, date]) -> list[Appointment]:
    """The sessions at which the schedule made the measure due, oldest first."""
    schedule = Schedule(client_id, course.instrument, course.rule, course.interval)
    days = [zone_of[a.id or 0] for a in sessions]
    given: list[Appointment] = []
    for appt in sessions:
        dates = ClientDates(given=[zone_of[a.id or 0] for a in given], sessions=days,
                            first_session=days[0])
        if due_reason(schedule, zone_of[appt.id or 0], dates) is not None:
            given.append(appt)
    return given


def add_demo_measures(vault: Vault, today: date, seed: int = 7) -> int:
    """Record the demo measures and schedules; returns how many administrations were added."""
    rng = random.Random(seed * 31 + 11)
    zone = vault.practice.get().zone
    clients = sorted(vault.clients.list(), key=lambda c: c.id or 0)  # in the demo's order
    added = 0
    for index, courses in _COURSES.items():
        if index >= len(clients) or clients[index].id is None:
            continue
        client_id = clients[index].id or 0
        sessions = sorted((a for a in vault.appointments.for_client(client_id)
                           if a.status is AppointmentStatus.ATTENDED
                           and a.start.astimezone(zone).date() < today), key=lambda a: a.start)
        if not sessions:
            continue
        zone_of = {a.id or 0: a.start.astimezone(zone).date() for a in sessions}
        for course in courses:
            vault.measures.set_schedule(Schedule(client_id, course.instrument, course.rule,
                                                 course.interval))
            given = _dates_given(course, client_id, sessions, zone_of)
            item9_at = (_item9_session(vault, given) if index == _ITEM9_CLIENT
                        and course.instrument == "phq9" else None)
            for n, appt in enumerate(given):
                share = n / max(1, len(given) - 1)
                total = round(course.start + (course.end - course.start) * share)
                total = max(0, total + rng.choice((-1, 0, 0, 1)))
                answers = _answers(course.instrument, total, rng, item9=appt is item9_at)
                measure = instrument(course.instrument)
                vault.measures.add(MeasureResponse(
                    client_id=client_id, instrument=course.instrument,
                    taken_on=zone_of[appt.id or 0], answers=answers,
                    total=score(measure, answers).total, appointment_id=appt.id))
                added += 1
        if index == _DISCHARGE_CLIENT:
            vault.measures.set_schedule(Schedule(client_id, "phq9", ScheduleRule.DISCHARGE))
    return added


def _item9_session(vault: Vault, given: list[Appointment]) -> Appointment | None:
    """The latest session whose note is unsigned (or already records the risk): a positive
    item 9 there is what the safety rule is for, and no signed note contradicts it."""
    probe = positive_screens(instrument("phq9"), {"9": 1}, date.today())
    for appt in reversed(given):
        note = vault.notes.for_appointment(appt.id or 0)
        if note is None or not note.is_signed or screen_addressed(
                note.prompts.get("risk", ""), probe):
            return appt
    return None
