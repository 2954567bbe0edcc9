"""The discharge summary: what the record says about the episode, and the draft to write.

The dates of treatment and the number of sessions are counted from the attended appointments,
the diagnosis at intake is the signed intake's (else the first plan's), each goal of the last
plan gets a line for its outcome, and every measure given more than once shows its first and
last score. These go into the summary's prompts when it is begun and again before each draft
(the record may have moved on); what the therapist typed is never overwritten.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from app.calendar.schedule import today_in_practice
from app.documents.plans import current_plan
from app.measures.entry import ScoredResponse, measures_of_client
from models.appointment import AppointmentStatus
from models.common import date_text
from models.discharge import Episode, GoalOutcome, goal_progress_text, parse_goal_progress
from models.documents import diagnosis_lines
from models.measures.change import direction_word
from models.note import Note, NoteFormat
from models.treatment_plan import parse_problems

if TYPE_CHECKING:
    from storage.vault import Vault

# Prompts counted from the record: refreshed before each draft of an unsigned summary.
RECORD_PROMPTS = ("episode", "intake_diagnosis", "measures")


def episode_of(vault: Vault, client_id: int) -> Episode:
    zone = vault.practice.get().zone
    days = [a.start.astimezone(zone).date() for a in vault.appointments.for_client(client_id)
            if a.status is AppointmentStatus.ATTENDED]
    return Episode(min(days) if days else None, max(days) if days else None, len(days))


def intake_diagnosis(vault: Vault, client_id: int) -> str:
    for fmt in (NoteFormat.INTAKE, NoteFormat.TREATMENT_PLAN):
        signed = [n for n in vault.notes.for_client(client_id, fmt) if n.is_signed]
        if signed and signed[0].prompts.get("diagnosis", "").strip():
            return signed[0].prompts["diagnosis"].strip()
    return ""


def _course(first: ScoredResponse, last: ScoredResponse) -> str:
    """"PHQ-9 total 6 (mild) on 10/20/2026, down from 18 (moderately severe) on 01/06/2026"."""
    name = last.instrument.name
    moved = direction_word(first.score.total or 0, last.score.total or 0)
    now = f"{name} total {last.total_text} on {date_text(last.response.taken_on)}"
    then = f"{first.total_text} on {date_text(first.response.taken_on)}"
    return f"{now}, unchanged from {then}" if moved == "unchanged" else \
        f"{now}, {moved} from {then}"


def measures_course(vault: Vault, client_id: int) -> str:
    """Each scored measure given at least twice: its last score, and its first."""
    by_instrument: dict[str, list[ScoredResponse]] = {}
    for given in reversed(measures_of_client(vault, client_id)):  # oldest first
        if given.instrument.method != "levels" and given.score.total is not None:
            by_instrument.setdefault(given.instrument.key, []).append(given)
    return "; ".join(_course(s[0], s[-1]) for s in by_instrument.values() if len(s) > 1)


def goals_of_last_plan(vault: Vault, client_id: int) -> list[GoalOutcome]:
    """The last signed plan's goals, each without an outcome yet."""
    plan = current_plan(vault, client_id)
    if plan is None:
        return []
    return [GoalOutcome(p.number, p.goal) for p in parse_problems(plan.prompts.get("problems", ""))
            if p.goal.strip()]


def fill_record_prompts(vault: Vault, note: Note) -> Note:
    """Put what the record says into an unsigned summary's prompts (dates and count always;
    the intake diagnosis and measures only where the therapist left them empty)."""
    if note.is_signed:
        return note
    note.prompts["episode"] = episode_of(vault, note.client_id).line()
    for name, value in (("intake_diagnosis", intake_diagnosis(vault, note.client_id)),
                        ("measures", measures_course(vault, note.client_id))):
        if value and not note.prompts.get(name, "").strip():
            note.prompts[name] = value
    return note


def start_discharge(vault: Vault, client_id: int, on: date | None = None) -> Note:
    """The client's unsigned discharge summary if one is begun, else a new one dated the
    discharge (or today), with the record's facts and a line for each goal of the last plan."""
    drafts = [n for n in vault.notes.for_client(client_id, NoteFormat.DISCHARGE)
              if not n.is_signed]
    if drafts:
        return drafts[-1]
    client = vault.clients.get(client_id)
    day = on or client.discharged_on or today_in_practice(vault)
    note = Note(appointment_id=None, client_id=client_id, format=NoteFormat.DISCHARGE,
                written_on=day, prompts={"discharge_diagnosis": diagnosis_lines(client)})
    fill_record_prompts(vault, note)
    goals = goals_of_last_plan(vault, client_id)
    if goals:
        note.prompts["goal_progress"] = "\n".join(g.line() for g in goals)
    saved: Note = vault.notes.save_draft(note)
    return saved


def goal_outcomes(vault: Vault, note: Note) -> list[GoalOutcome]:
    """The summary's goals as the form edits them: each goal of the last plan with what the
    therapist recorded for it so far."""
    recorded = {g.number: g for g in parse_goal_progress(note.prompts.get("goal_progress", ""))}
    goals = goals_of_last_plan(vault, note.client_id)
    if not goals:
        return list(recorded.values())
    out = []
    for goal in goals:
        said = recorded.get(goal.number)
        out.append(GoalOutcome(goal.number, goal.goal, said.outcome if said else "",
                               said.detail if said else ""))
    return out


def set_goal_outcomes(note: Note, outcomes: list[GoalOutcome]) -> Note:
    note.prompts["goal_progress"] = goal_progress_text(outcomes)
    return note
