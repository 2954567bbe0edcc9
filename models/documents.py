"""Pure rules of the episode's documents: which session is an intake, what each document still
lacks before it can be signed, and what a progress note should know about the client's plan.

The app decides what the record holds (the current plan, the goals of the last plan, the
session's risk screens) and passes it in, as it does for a progress note's completeness.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from models.appointment import Appointment
from models.billing import coded_service
from models.client import Client
from models.common import date_text
from models.completeness import Completeness, Gap, _screen_gap, open_flags, risk_mentions
from models.discharge import parse_goal_progress
from models.errors import NOTE_LOCKED
from models.measures.safety import PositiveScreen
from models.note import Note, NoteFormat, NoteKind
from models.treatment_plan import parse_problems

INTAKE_CODES = frozenset({"90791", "90792"})  # diagnostic evaluation (without, with medical)


def is_intake_session(appointment: Appointment) -> bool:
    """A diagnostic evaluation: its note is the intake assessment, not a progress note."""
    return coded_service(appointment).primary in INTAKE_CODES


def diagnosis_lines(client: Client) -> str:
    """The client's coded diagnoses, one a line, the primary first: what a document's
    diagnosis prompt starts from (the therapist may edit it)."""
    ordered = sorted(client.diagnoses, key=lambda d: not d.is_primary)
    return "\n".join(f"{d.code} {d.description}".strip() for d in ordered)


def _filled(note: Note, name: str) -> bool:
    return bool((note.prompts.get(name) or "").strip())


_INTAKE_REQUIRED = (
    ("referral", "The reason for referral and presenting problem are missing."),
    ("history_present", "The history of the present problem is missing."),
    ("mental_status", "The mental status exam is missing."),
    ("diagnosis", "The diagnostic impression has no diagnosis: pick one (ICD-10-CM)."),
    ("recommendations", "The recommendations are missing."),
)
_DISCHARGE_REQUIRED = (
    ("reason", "The reason for discharge is missing."),
    ("discharge_diagnosis", "The diagnosis at discharge is missing."),
    ("aftercare", "Referrals and aftercare are missing (write \"none\" if there are none)."),
)


def _risk_gaps(note: Note, screens: Sequence[PositiveScreen], moment: str) -> tuple[
        list[Gap], bool, tuple[str, ...]]:
    """An intake or a discharge summary always records risk; a prompt naming suicide,
    self-harm, harm to others or abuse says so, and a positive screen must be followed up."""
    gaps: list[Gap] = []
    terms = tuple(risk_mentions(note.prompts))
    screen_gap = _screen_gap(note, screens)
    if screen_gap is not None:
        gaps.append(screen_gap)
    required = bool(terms) and not _filled(note, "risk")
    if required:
        gaps.append(Gap("risk", f"A prompt mentions {', '.join(terms)}: record the risk "
                                "assessment before signing."))
    elif not _filled(note, "risk") and screen_gap is None:
        gaps.append(Gap("risk", f"Record the risk assessment {moment}."))
    return gaps, required, terms


def check_intake(note: Note, screens: Sequence[PositiveScreen] = ()) -> Completeness:
    gaps = [Gap(name, message) for name, message in _INTAKE_REQUIRED[:3]
            if not _filled(note, name)]
    risk, required, terms = _risk_gaps(note, screens, "(suicide, self-harm, violence, abuse)")
    gaps += risk
    gaps += [Gap(name, message) for name, message in _INTAKE_REQUIRED[3:]
             if not _filled(note, name)]
    return Completeness(tuple(gaps), required, terms)


def check_plan(note: Note) -> Completeness:
    gaps: list[Gap] = []
    if not _filled(note, "diagnosis"):
        gaps.append(Gap("diagnosis", "The plan names no diagnosis it treats."))
    problems = parse_problems(note.prompts.get("problems", ""))
    if not problems:
        gaps.append(Gap("problems", "Add at least one problem with its goal and objectives."))
    for problem in problems:
        if not problem.goal.strip():
            gaps.append(Gap("problems", f"Problem {problem.number} has no long-term goal."))
        if not any(o.measurable for o in problem.objectives):
            gaps.append(Gap("problems", f"Problem {problem.number} needs a measurable "
                                        "objective: a target and a target date."))
    if not _filled(note, "interventions"):
        gaps.append(Gap("interventions", "The interventions and their frequency are missing."))
    if not _filled(note, "participation"):
        gaps.append(Gap("participation", "Record the client's participation in the plan and "
                                         "agreement with it."))
    if note.review_on is None:
        gaps.append(Gap("review", "The plan needs a review date."))
    elif note.written_on is not None and note.review_on <= note.written_on:
        gaps.append(Gap("review", "The review date must come after the plan's date."))
    return Completeness(tuple(gaps))


def check_discharge(note: Note, goals: int = 0,
                    screens: Sequence[PositiveScreen] = ()) -> Completeness:
    """``goals``: how many goals the last plan had; each needs its outcome."""
    gaps = [Gap(name, message) for name, message in _DISCHARGE_REQUIRED[:2]
            if not _filled(note, name)]
    recorded = {g.number for g in parse_goal_progress(note.prompts.get("goal_progress", ""))
                if g.outcome.strip() or g.detail.strip()}
    missing = [n for n in range(1, goals + 1) if n not in recorded]
    if missing:
        goal = "goals" if len(missing) > 1 else "goal"
        gaps.append(Gap("goal_progress", f"Record the progress on {goal} "
                                         f"{', '.join(map(str, missing))} of the last "
                                         "treatment plan."))
    risk, required, terms = _risk_gaps(note, screens, "at discharge")
    gaps += risk
    gaps += [Gap(name, message) for name, message in _DISCHARGE_REQUIRED[2:]
             if not _filled(note, name)]
    return Completeness(tuple(gaps), required, terms)


def check_document(note: Note, *, goals: int = 0,
                   screens: Sequence[PositiveScreen] = ()) -> Completeness:
    if note.format is NoteFormat.INTAKE:
        return check_intake(note, screens)
    if note.format is NoteFormat.TREATMENT_PLAN:
        return check_plan(note)
    if note.format is NoteFormat.DISCHARGE:
        return check_discharge(note, goals, screens)
    raise ValueError("a progress note is checked by models.completeness.check_note")


def document_blockers(note: Note, *, goals: int = 0,
                      screens: Sequence[PositiveScreen] = ()) -> list[str]:
    """Plain sentences, one per reason the document cannot be signed yet; empty: signable."""
    if note.is_signed:
        return [NOTE_LOCKED]
    reasons: list[str] = []
    if not note.sections or not any(s.text.strip() for s in note.sections):
        reasons.append("The document has no text yet: draft or write it first.")
    result = check_document(note, goals=goals, screens=screens)
    reasons += [g.message for g in result.gaps if g.key == "risk"]
    reasons += [g.message for g in result.gaps if g.key != "risk"]
    pending = open_flags(note)
    if pending:
        reasons.append(f"{len(pending)} flagged item(s) need to be fixed or acknowledged "
                       "before signing.")
    return reasons


@dataclass(frozen=True)
class PlanStanding:
    """Where a client's treatment plan stands, as a progress note's review panel says it."""

    plan_id: int | None
    review_on: date | None
    overdue: bool

    def notice(self) -> str:
        """"" when the plan is current; else one sentence (a reminder, not a reason to wait)."""
        if self.plan_id is None:
            return "This client has no signed treatment plan: write one from the client's page."
        if self.overdue:
            return (f"The treatment plan's review date ({date_text(self.review_on)}) has "
                    "passed: review and revise the plan.")
        return ""


def plan_standing(current: Note | None, today: date) -> PlanStanding:
    """``current``: the client's signed plan in force (None: none)."""
    if current is None or current.kind is not NoteKind.TREATMENT_PLAN:
        return PlanStanding(None, None, False)
    review = current.review_on
    return PlanStanding(current.id, review, review is not None and review < today)
