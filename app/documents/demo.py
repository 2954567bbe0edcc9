"""The demo practice's documents: for most clients a signed intake assessment (the note of their
90791) and a signed treatment plan a week later; one plan revised since (the first version
kept as it was signed), plans whose review falls due around today, two clients without a plan
yet (the progress note says so), and the discharged client's discharge summary.

The sections are drafted from the prompts by the deterministic pipeline (no model: the demo
builds in seconds), as a therapist's reviewed draft would read. Everything is invented.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from app.documents.discharge import fill_record_prompts, goals_of_last_plan
from app.measures.safety import session_screens
from app.notes.drafting import apply_draft, facts_for_note
from drafting.pipeline import deterministic_draft
from models.appointment import Appointment, AppointmentStatus, Service
from models.client import Client
from models.common import date_text
from models.discharge import GoalOutcome, goal_progress_text
from models.documents import diagnosis_lines
from models.note import Note, NoteFormat
from models.practice import PracticeProfile
from models.treatment_plan import Objective, Problem, default_review_date, problems_text

if TYPE_CHECKING:
    from storage.vault import Vault


@dataclass(frozen=True)
class _Problem:
    title: str
    evidence: str
    objective: str
    baseline: str
    target: str
    history: str  # the intake's history of the present problem


# The first diagnosis of each demo client -> the problem their plan treats.
_PROBLEMS: dict[str, _Problem] = {
    "F41.1": _Problem("Excessive worry", "worry most days about work and family; trouble "
                      "falling asleep", "GAD-7", "15", "below 10", "worry most days for about "
                      "a year, worse since a reorganization at work; lies awake 1-2 hours most "
                      "nights; tension headaches"),
    "F32.1": _Problem("Depressed mood", "low mood and loss of interest most days; withdrawn "
                      "from friends", "PHQ-9", "18", "below 10", "low mood and loss of "
                      "interest since the spring; stopped seeing friends; sleeps 10 hours "
                      "and wakes tired"),
    "F33.1": _Problem("Recurrent depression", "low mood most days; no daily routine since "
                      "losing a job", "PHQ-9", "12", "below 8", "third depressive episode; "
                      "days without structure since a layoff in March; low motivation"),
    "F43.10": _Problem("Trauma symptoms", "nightmares and intrusive memories; avoids "
                       "reminders", "PCL-5", "48", "below 33", "nightmares 3-4 nights a week "
                       "and intrusive memories since an assault two years ago; avoids the "
                       "neighborhood where it happened"),
    "F43.23": _Problem("Adjustment to job loss", "on leave from work; anxious and low since a "
                       "layoff", "return to work", "0 days a week", "5 days a week",
                       "on leave since a restructuring in the spring; worry about money; "
                       "low mood in the mornings"),
    "F40.10": _Problem("Social anxiety", "avoids speaking in class; skips group projects",
                       "speak up in seminar", "0 times a week", "once in each seminar",
                       "fear of being judged when speaking in class since high school; has "
                       "missed two seminars this term"),
    "F41.0": _Problem("Panic attacks", "2-3 panic attacks a week; avoids crowded stores",
                      "reduce panic attacks", "2-3 a week", "fewer than 1 a month",
                      "panic attacks began last winter; 2-3 a week; avoids crowded stores "
                      "and the subway"),
    "F34.1": _Problem("Persistent low mood", "low mood for years; few social contacts",
                      "PHQ-9", "14", "below 10", "low mood for most of the last five years; "
                      "few friends since a move; drinks coffee alone most evenings"),
    "F90.0": _Problem("Disorganization with schoolwork", "misses assignments; loses track of "
                      "deadlines", "use a planner", "about half of assignments",
                      "every assignment", "missed six assignments this semester; loses "
                      "track of deadlines; diagnosed with ADHD in middle school"),
    "F42.2": _Problem("Checking rituals", "checks the stove and locks 20-30 minutes each "
                      "morning; late for work", "delay checking", "0 minutes", "10 minutes",
                      "checking the stove and locks 20-30 minutes before leaving home; "
                      "late for work twice a week"),
}
_NO_PLAN = (3, 9)  # demo clients whose plan is not written yet
_REVISED = 0  # the demo client whose plan was revised (version 1 kept)


def _sign(vault: Vault, note: Note, practice: PracticeProfile, when: datetime) -> Note:
    saved = vault.notes.save_draft(note)
    assert saved.id is not None
    return vault.notes.sign(saved.id, practice.clinician_name, practice.credentials, when)


def _drafted(note: Note, client: Client, appointment: Appointment | None) -> Note:
    """The note's sections as the pipeline drafts them (a therapist's reviewed draft)."""
    draft = deterministic_draft(facts_for_note(note, appointment, client))
    apply_draft(note, draft)
    note.flags = []  # reviewed before signing, as a therapist would
    return note


def _age(born: date | None, on: date) -> str:
    """"34-year-old; ": the referral's first fact (the draft says "Client is 34 years old" as
    "Client is a 34-year-old" would read oddly without a noun)."""
    if born is None:
        return ""
    years = on.year - born.year - ((on.month, on.day) < (born.month, born.day))
    return f"{years} years old; "


def _intake_prompts(client: Client, problem: _Problem, on: date) -> dict[str, str]:
    couple = " and " in client.legal_name
    return {
        "referral": f"{_age(client.date_of_birth, on)}referred by PCP for "
                    f"{problem.title.lower()}" if not couple else
                    f"couple self-referred for {problem.title.lower()}",
        "history_present": problem.history,
        "psychiatric_history": "no prior therapy; no psychiatric hospitalizations",
        "medical_history": "no chronic medical conditions",
        "medications": "none",
        "substance_use": "alcohol 1-2 drinks on weekends; denies drug use",
        "family_social": "lives with partner; works full time" if not couple else
        "married 18 years; two teenage children",
        "mental_status": "alert and oriented x3, cooperative, mood anxious, affect congruent, "
                         "thought process linear, insight fair, judgment good",
        "risk": "denies SI/HI; no history of self-harm; no access to firearms",
        "strengths": "motivated for treatment, supportive family",
        "impression": f"symptoms consistent with {client.diagnoses[0].description.lower()}",
        "diagnosis": diagnosis_lines(client),
        "recommendations": "weekly individual therapy; treatment plan at the next session",
    }


def _plan_prompts(client: Client, problem: _Problem, goals: list[str], on: date,
                  revised: bool = False) -> dict[str, str]:
    when = default_review_date(on)
    target = problem.target if not revised else f"{problem.target} and holding"
    problems = [Problem(problem.title, problem.evidence, goals[0] if goals else problem.title,
                        (Objective(problem.objective, problem.baseline, target, when),))]
    for extra in goals[1:2]:
        problems.append(Problem("Sleep" if "sleep" in extra.lower() else "Coping skills",
                                goal=extra, objectives=(Objective(
                                    extra[0].lower() + extra[1:], "", "", when),)))
    return {
        "diagnosis": diagnosis_lines(client),
        "problems": problems_text(problems),
        "interventions": "weekly 50-minute individual CBT; psychoeducation; skills practice "
                         "between sessions" + ("; relapse prevention" if revised else ""),
        "participation": "client participated in developing this plan and agrees with its "
                         "goals" + ("; revised together after the review" if revised else ""),
        "review": date_text(when),
    }


def add_demo_documents(vault: Vault, today: date) -> int:
    """Intakes, plans (one revised) and the discharge summary; returns how many were signed."""
    practice = vault.practice.get()
    zone = practice.zone
    signed = 0
    clients = sorted(vault.clients.list(), key=lambda c: c.id or 0)  # as the demo added them
    for index, client in enumerate(clients):
        assert client.id is not None
        appts = vault.appointments.for_client(client.id)
        intake = next((a for a in appts if a.service is Service.INTAKE
                       and a.status is AppointmentStatus.ATTENDED), None)
        code = client.diagnoses[0].code if client.diagnoses else ""
        problem = _PROBLEMS.get(code)
        if intake is None or problem is None or vault.notes.for_appointment(intake.id or 0):
            continue  # the new client's intake is next week
        day = intake.start.astimezone(zone).date()
        note = Note(intake.id, client.id, format=NoteFormat.INTAKE,
                    prompts=_intake_prompts(client, problem, day))
        if session_screens(vault, intake):  # a positive risk screen the intake has not yet
            note.prompts["risk"] = "denied suicidal and homicidal ideation"  # followed up:
            vault.notes.save_draft(_drafted(note, client, intake))  # it waits, unsigned
        else:
            _sign(vault, _drafted(note, client, intake), practice,
                  intake.end + timedelta(hours=3))
            signed += 1
        if index in _NO_PLAN:
            continue
        goals = [g.text for g in vault.goals.for_client(client.id)]
        # a week after the intake, some later: their reviews fall due on different days
        written = day + timedelta(days=7 + 21 * (index % 3))
        first = Note(None, client.id, format=NoteFormat.TREATMENT_PLAN, written_on=written,
                     review_on=default_review_date(written),
                     prompts=_plan_prompts(client, problem, goals, written))
        at = datetime.combine(written, time(18, 0), tzinfo=zone)
        plan = _sign(vault, _drafted(first, client, None), practice, at)
        signed += 1
        if index == _REVISED:
            later = today - timedelta(days=20)
            revision = Note(None, client.id, format=NoteFormat.TREATMENT_PLAN,
                            written_on=later, review_on=default_review_date(later),
                            revises=plan.id,
                            prompts=_plan_prompts(client, problem, goals, later, True))
            _sign(vault, _drafted(revision, client, None), practice,
                  datetime.combine(later, time(18, 0), tzinfo=zone))
            signed += 1
        if not client.is_active and client.discharged_on is not None:
            signed += _discharge(vault, client, practice)
    return signed


def _discharge(vault: Vault, client: Client, practice: PracticeProfile) -> int:
    assert client.id is not None and client.discharged_on is not None
    note = Note(None, client.id, format=NoteFormat.DISCHARGE, written_on=client.discharged_on,
                prompts={"discharge_diagnosis": diagnosis_lines(client) + ", improved",
                         "course": "weekly trauma-focused CBT; grounding skills; imaginal "
                                   "exposure in the last 6 sessions",
                         "reason": "treatment goals met; mutual agreement",
                         "risk": "denies SI/HI; no self-harm during treatment; low risk at "
                                 "discharge",
                         "aftercare": "continue follow-up with PCP; may return to therapy as "
                                      "needed; 988 crisis line reviewed"})
    fill_record_prompts(vault, note)
    outcomes = [GoalOutcome(g.number, g.goal, "met" if g.number == 1 else "partially met",
                            "sleeping through the night 4-5 nights a week" if g.number == 1
                            else "uses grounding skills most days")
                for g in goals_of_last_plan(vault, client.id)]
    note.prompts["goal_progress"] = goal_progress_text(outcomes)
    when = datetime.combine(client.discharged_on, time(17, 0), tzinfo=practice.zone)
    _sign(vault, _drafted(note, client, None), practice, when)
    return 1
