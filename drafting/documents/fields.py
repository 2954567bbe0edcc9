"""Which writer plans each field of each document (the realizer's one entry point).

A field not named here is planned as a progress note plans it: a document's mental status,
risk, measures and clinical impression read as they do in a progress note. Progress formats
have no entry, so a progress note never reaches a document writer.
"""

from __future__ import annotations

from collections.abc import Callable

from drafting.clause_types import Clause, Setting
from drafting.documents import discharge, lists, plan, planned, risk
from drafting.documents.base import Section
from drafting.documents.history import history_field
from drafting.documents.opening import intake_line
from drafting.formats import SESSION
from models.note import NoteFormat
from models.session_facts import SessionFacts

Writer = Callable[[str, str, Setting, Section], list[Clause]]


def _diagnosis(label: str = "") -> Writer:
    def write(field: str, text: str, setting: Setting, section: Section) -> list[Clause]:
        return lists.diagnosis_field(field, text, section, label)
    return write


_HISTORIES = ("referral", "history_present", "psychiatric_history", "medical_history",
              "substance_use", "family_social", "developmental", "trauma", "legal")

WRITERS: dict[NoteFormat, dict[str, Writer]] = {
    NoteFormat.INTAKE: {
        **{name: history_field for name in _HISTORIES},
        "medications": lists.medications_field,
        "strengths": lists.strengths_field,
        "diagnosis": _diagnosis(),
        "recommendations": planned.recommendations_field,
        "risk": risk.risk_field,
    },
    NoteFormat.TREATMENT_PLAN: {
        "diagnosis": _diagnosis(),
        "problems": plan.problems_field,
        "interventions": planned.plan_interventions_field,
        "participation": plan.participation_field,
        "review": plan.review_field,
    },
    NoteFormat.DISCHARGE: {
        "episode": discharge.episode_field,
        "course": discharge.course_field,
        "reason": discharge.reason_field,
        "intake_diagnosis": _diagnosis("Diagnosis at intake"),
        "discharge_diagnosis": _diagnosis("Diagnosis at discharge"),
        "goal_progress": discharge.goal_progress_field,
        "risk": risk.risk_field,
        "aftercare": planned.aftercare_field,
    },
}


def writer_for(fmt: NoteFormat, field: str) -> Writer | None:
    return WRITERS.get(fmt, {}).get(field)


def document_field(facts: SessionFacts, name: str, setting: Setting,
                   section: Section) -> list[Clause] | None:
    """Plan field ``name`` of a document into ``section`` and return the clauses it says, or
    None when the field is planned as a progress note plans it."""
    if facts.format is NoteFormat.INTAKE and name == SESSION:
        line = intake_line(facts.session, section.voice, section.style.date_style)
        section.add(line, subject="client")
        return list(line.clauses)
    writer = writer_for(facts.format, name)
    if writer is None:
        return None
    text = facts.prompt(name)
    # an empty answer is planned as a progress note's is (an empty risk says it was not
    # documented)
    return writer(name, text, setting, section) if text else None
