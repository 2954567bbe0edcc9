"""Treatment plans: write one, revise it (a new version; the signed one stays as it was), find
the one in force, and list the plans due for review.

A plan is a note of format ``treatment_plan`` dated by ``written_on``, with a ``review_on``
date (90 days on unless the therapist sets another) and, for a revision, ``revises``: the id of
the version it follows. The plan in force is the client's latest signed plan.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from app.calendar.schedule import today_in_practice
from models.client import GoalStatus
from models.documents import PlanStanding, diagnosis_lines, plan_standing
from models.errors import InvalidInput
from models.note import Note, NoteFormat
from models.treatment_plan import default_review_date, goal_labels, objectives_of, parse_problems

if TYPE_CHECKING:
    from storage.vault import Vault

DUE_SOON_DAYS = 14  # Today lists a plan this many days before its review date


def plans_of(vault: Vault, client_id: int) -> list[Note]:
    """Every version of the client's treatment plan, oldest first (drafts included)."""
    return vault.notes.for_client(client_id, NoteFormat.TREATMENT_PLAN)


def current_plan(vault: Vault, client_id: int) -> Note | None:
    """The plan in force: the client's latest signed plan."""
    signed = [p for p in plans_of(vault, client_id) if p.is_signed]
    return signed[-1] if signed else None


def version_of(vault: Vault, plan: Note) -> int:
    """1 for the client's first plan, 2 for the next, ...: as the plan's PDF numbers it."""
    ids = [p.id for p in plans_of(vault, plan.client_id)]
    return ids.index(plan.id) + 1 if plan.id in ids else len(ids) + 1


def start_plan(vault: Vault, client_id: int, on: date | None = None) -> Note:
    """The client's unsigned plan if one is begun, else a new one: the first plan from the
    client's diagnoses, or a revision of the plan in force (its problems, goals, objectives and
    interventions to start from; participation is asked afresh)."""
    client = vault.clients.get(client_id)
    drafts = [p for p in plans_of(vault, client_id) if not p.is_signed]
    if drafts:
        return drafts[-1]
    day = on or today_in_practice(vault)
    previous = current_plan(vault, client_id)
    prompts = {"diagnosis": diagnosis_lines(client)}
    if previous is not None:
        prompts.update({k: v for k, v in previous.prompts.items()
                        if k in ("problems", "interventions") and v.strip()})
    note = Note(appointment_id=None, client_id=client_id, format=NoteFormat.TREATMENT_PLAN,
                prompts=prompts, written_on=day, review_on=default_review_date(day),
                revises=previous.id if previous is not None else None)
    saved: Note = vault.notes.save_draft(note)
    return saved


def set_review_date(vault: Vault, plan: Note, review_on: date) -> Note:
    """Move an unsigned plan's review date (the plan's date stays)."""
    if plan.is_signed:
        raise InvalidInput("A signed plan keeps its review date; revise the plan instead.")
    plan.review_on = review_on
    saved: Note = vault.notes.save_draft(plan)
    return saved


def standing_of(vault: Vault, client_id: int, today: date | None = None) -> PlanStanding:
    """Whether the client has a plan in force and whether its review date has passed."""
    day = today or today_in_practice(vault)
    return plan_standing(current_plan(vault, client_id), day)


def goal_picks(vault: Vault, client_id: int) -> list[str]:
    """What a progress note offers for its goals: the plan in force's goals ("Goal 1: ..."),
    else the client's active goals as the goals list holds them."""
    plan = current_plan(vault, client_id)
    if plan is not None:
        labels = goal_labels(parse_problems(plan.prompts.get("problems", "")))
        if labels:
            return labels
    return [g.text for g in vault.goals.for_client(client_id) if g.status is GoalStatus.ACTIVE]


def objective_picks(vault: Vault, client_id: int) -> list[str]:
    """"Objective 1a (reduce panic attacks): " for each objective of the plan in force: the
    progress note records progress per objective after it."""
    plan = current_plan(vault, client_id)
    if plan is None:
        return []
    return [f"Objective {o.key} ({o.text}): "
            for o in objectives_of(parse_problems(plan.prompts.get("problems", "")))]


@dataclass(frozen=True)
class PlanDue:
    client_id: int
    client_name: str
    plan_id: int
    review_on: date
    overdue: bool  # the review date has passed (else it comes within DUE_SOON_DAYS)


def plans_due(vault: Vault, today: date | None = None) -> list[PlanDue]:
    """Active clients whose plan in force is due for review within DUE_SOON_DAYS, or overdue;
    the most overdue first. A client already revising (an unsigned plan begun) still shows."""
    day = today or today_in_practice(vault)
    latest: dict[int, Note] = {}
    for plan in vault.notes.of_format(NoteFormat.TREATMENT_PLAN):
        if plan.is_signed:
            latest[plan.client_id] = plan  # oldest first: the last one stays
    due: list[PlanDue] = []
    for client_id, plan in latest.items():
        review = plan.review_on
        if review is None or (review - day).days > DUE_SOON_DAYS:
            continue
        client = vault.clients.get(client_id)
        if not client.is_active:
            continue
        due.append(PlanDue(client_id, client.display_name, plan.id or 0, review, review < day))
    due.sort(key=lambda d: d.review_on)
    return due


@dataclass(frozen=True)
class ProgressPicks:
    """What a progress note's window takes from the plan: its goals and objectives to pick,
    and the reminder its review panel shows ("" when the plan is current)."""

    goals: tuple[str, ...]
    objectives: tuple[str, ...]
    notice: str


def progress_picks(vault: Vault, client_id: int) -> ProgressPicks:
    return ProgressPicks(tuple(goal_picks(vault, client_id)),
                         tuple(objective_picks(vault, client_id)),
                         standing_of(vault, client_id).notice())
