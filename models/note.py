"""Clinical notes: progress notes and the episode's documents (intake assessment, treatment
plan, discharge summary), their formats and structured prompts, signed notes and addenda.

Every document is a note: it is drafted, reviewed, signed, locked and amended the same way. A
progress note's format (SOAP, DAP, BIRP, GIRP, PIE) is the therapist's choice; each other kind
has one format of its own, so the format says the kind (``kind_of``).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from models.flags import Flag

if TYPE_CHECKING:
    from models.seal import Seal


class NoteFormat(StrEnum):
    SOAP = "soap"
    DAP = "dap"
    BIRP = "birp"
    GIRP = "girp"
    PIE = "pie"
    # The episode's documents, one format each.
    INTAKE = "intake"
    TREATMENT_PLAN = "treatment_plan"
    DISCHARGE = "discharge"


class NoteKind(StrEnum):
    """What a note is, as the practice JSON and the command line name it."""

    PROGRESS = "progress"
    INTAKE = "intake"  # the diagnostic assessment of the first session (90791)
    TREATMENT_PLAN = "treatment_plan"
    DISCHARGE = "discharge"


PROGRESS_FORMATS: tuple[NoteFormat, ...] = (NoteFormat.SOAP, NoteFormat.DAP, NoteFormat.BIRP,
                                            NoteFormat.GIRP, NoteFormat.PIE)
DOCUMENT_FORMATS: dict[NoteKind, NoteFormat] = {
    NoteKind.INTAKE: NoteFormat.INTAKE,
    NoteKind.TREATMENT_PLAN: NoteFormat.TREATMENT_PLAN,
    NoteKind.DISCHARGE: NoteFormat.DISCHARGE,
}
KIND_TITLES: dict[NoteKind, str] = {
    NoteKind.PROGRESS: "Progress note",
    NoteKind.INTAKE: "Intake assessment",
    NoteKind.TREATMENT_PLAN: "Treatment plan",
    NoteKind.DISCHARGE: "Discharge summary",
}


def kind_of(fmt: NoteFormat) -> NoteKind:
    """The kind of note a format writes: a progress format is a progress note."""
    for kind, document_format in DOCUMENT_FORMATS.items():
        if fmt is document_format:
            return kind
    return NoteKind.PROGRESS


FORMAT_HEADINGS: dict[NoteFormat, tuple[str, ...]] = {
    NoteFormat.SOAP: ("Subjective", "Objective", "Assessment", "Plan"),
    NoteFormat.DAP: ("Data", "Assessment", "Plan"),
    NoteFormat.BIRP: ("Behavior", "Intervention", "Response", "Plan"),
    NoteFormat.GIRP: ("Goals", "Intervention", "Response", "Plan"),
    NoteFormat.PIE: ("Problem", "Intervention", "Evaluation"),
    NoteFormat.INTAKE: ("Reason for Referral", "History of Present Problem",
                        "Psychiatric and Treatment History", "Medical History and Medications",
                        "Substance Use", "Family and Social History",
                        "Developmental, Trauma and Legal History", "Mental Status Examination",
                        "Risk Assessment", "Strengths", "Diagnostic Impression",
                        "Recommendations"),
    NoteFormat.TREATMENT_PLAN: ("Diagnosis", "Problems, Goals and Objectives", "Interventions",
                                "Client Participation", "Review"),
    NoteFormat.DISCHARGE: ("Course of Treatment", "Reason for Discharge", "Diagnoses",
                           "Progress Toward Goals", "Risk at Discharge",
                           "Referrals and Aftercare"),
}

# The structured prompt the therapist answers after a session, in form order.
PROMPT_FIELDS: tuple[str, ...] = (
    "presenting_concerns",
    "mental_status",
    "measures",
    "goals",
    "interventions",
    "client_response",
    "progress",
    "impression",
    "risk",
    "plan",
)

PROMPT_LABELS: dict[str, str] = {
    "presenting_concerns": "Presenting concerns",
    "mental_status": "Mental status",
    "measures": "Measures (scores)",
    "goals": "Goals",
    "interventions": "Interventions",
    "client_response": "Client response",
    "progress": "Progress",
    "impression": "Clinical impression",
    "risk": "Risk",
    "plan": "Plan",
}

# Each document's structured prompt, in form order. ``diagnosis`` is filled from the client's
# coded diagnoses (ICD-10-CM picker); ``problems`` is the treatment plan's problems, goals and
# objectives as models.treatment_plan writes them; ``episode``, ``intake_diagnosis`` and
# ``measures`` of a discharge summary are counted from the record, not typed.
DOCUMENT_FIELDS: dict[NoteFormat, tuple[str, ...]] = {
    NoteFormat.INTAKE: ("referral", "history_present", "psychiatric_history", "medical_history",
                        "medications", "substance_use", "family_social", "developmental",
                        "trauma", "legal", "mental_status", "measures", "risk", "strengths",
                        "impression", "diagnosis", "recommendations"),
    NoteFormat.TREATMENT_PLAN: ("diagnosis", "problems", "interventions", "participation",
                                "review"),
    NoteFormat.DISCHARGE: ("episode", "course", "reason", "intake_diagnosis",
                           "discharge_diagnosis", "goal_progress", "measures", "risk",
                           "aftercare"),
}

DOCUMENT_LABELS: dict[str, str] = {
    "referral": "Reason for referral and presenting problem",
    "history_present": "History of the present problem",
    "psychiatric_history": "Psychiatric and treatment history",
    "medical_history": "Medical history",
    "medications": "Current medications",
    "substance_use": "Substance use",
    "family_social": "Family and social history",
    "developmental": "Developmental history",
    "trauma": "Trauma history",
    "legal": "Legal history",
    "strengths": "Strengths",
    "diagnosis": "Diagnosis (ICD-10-CM)",
    "recommendations": "Recommendations",
    "problems": "Problems, goals and objectives",
    "participation": "Client participation and agreement",
    "review": "Review date",
    "episode": "Dates and sessions (from the record)",
    "course": "Course of treatment",
    "reason": "Reason for discharge",
    "intake_diagnosis": "Diagnosis at intake",
    "discharge_diagnosis": "Diagnosis at discharge",
    "goal_progress": "Progress per goal",
    "aftercare": "Referrals and aftercare",
}
# Labels of every prompt field of every kind (a document's mental status, risk, impression,
# interventions and measures are asked as a progress note asks them).
FIELD_LABELS: dict[str, str] = {**PROMPT_LABELS, **DOCUMENT_LABELS,
                                "impression": "Clinical impression and formulation"}


def prompt_fields(fmt: NoteFormat) -> tuple[str, ...]:
    """The prompt fields a note of this format is drafted from, in form order."""
    return DOCUMENT_FIELDS.get(fmt, PROMPT_FIELDS)


def field_label(name: str, fmt: NoteFormat | None = None) -> str:
    if fmt is not None and fmt in PROGRESS_FORMATS:
        return PROMPT_LABELS.get(name, name)
    return FIELD_LABELS.get(name, name)


class NoteStatus(StrEnum):
    DRAFT = "draft"
    SIGNED = "signed"


@dataclass
class NoteSection:
    heading: str
    text: str


@dataclass
class Note:
    # The session a progress note or intake is about; None for a treatment plan or a
    # discharge summary, which are written between sessions (``written_on`` dates them).
    appointment_id: int | None
    client_id: int
    format: NoteFormat = NoteFormat.SOAP
    prompts: dict[str, str] = field(default_factory=dict)  # PROMPT_FIELDS -> therapist's words
    sections: list[NoteSection] = field(default_factory=list)
    # What the verifier asks the therapist to look at (fixed, or acknowledged) before signing.
    flags: list[Flag] = field(default_factory=list)
    status: NoteStatus = NoteStatus.DRAFT
    # Psychotherapy (process) notes: private, never exported unless explicitly asked.
    process_notes: str = ""
    risk_not_assessed: bool = False  # the therapist explicitly marked risk as not assessed
    signed_at: datetime | None = None
    signed_by: str = ""
    signer_credentials: str = ""
    content_hash: str = ""
    created_at: datetime | None = None
    updated_at: datetime | None = None
    id: int | None = None
    signature: Seal | None = None  # the Ed25519 signature of a signed note (models/seal.py)
    written_on: date | None = None  # a document's date when no session dates it
    review_on: date | None = None  # a treatment plan's review date
    revises: int | None = None  # a treatment plan revision: the id of the version it follows

    @property
    def is_signed(self) -> bool:
        return self.status is NoteStatus.SIGNED

    @property
    def kind(self) -> NoteKind:
        return kind_of(self.format)

    def body_text(self) -> str:
        return "\n\n".join(f"{s.heading}\n{s.text}" for s in self.sections)


@dataclass
class Addendum:
    note_id: int
    text: str
    signed_at: datetime
    signed_by: str
    signer_credentials: str = ""
    content_hash: str = ""
    id: int | None = None
    signature: Seal | None = None


def content_hash(note: Note) -> str:
    """SHA-256 of the format, sections and signing facts: a checksum printed on the PDF.

    Anyone can recompute it, so it proves nothing by itself; the Ed25519 signature
    (models/signed_record.py) is what shows a note is as it was signed.
    """
    payload: dict[str, object] = {
        "appointment_id": note.appointment_id,
        "client_id": note.client_id,
        "format": str(note.format),
        "sections": [[s.heading, s.text] for s in note.sections],
        "signed_at": note.signed_at.isoformat() if note.signed_at else None,
        "signed_by": note.signed_by,
        "signer_credentials": note.signer_credentials,
    }
    payload.update(document_facts(note))
    blob = json.dumps(payload, sort_keys=True, ensure_ascii=False).encode("utf-8")
    return hashlib.sha256(blob).hexdigest()


def addendum_hash(addendum: Addendum) -> str:
    payload = [addendum.note_id, addendum.text, addendum.signed_at.isoformat(),
               addendum.signed_by, addendum.signer_credentials]
    return hashlib.sha256(json.dumps(payload, ensure_ascii=False).encode("utf-8")).hexdigest()


def document_facts(note: Note) -> dict[str, object]:
    """A document's own dates and version link, as hashed and signed with it. Empty for a note
    that has none (every progress note), so the bytes of notes signed before documents existed
    stay exactly as they were."""
    facts: dict[str, object] = {}
    if note.written_on is not None:
        facts["written_on"] = note.written_on.isoformat()
    if note.review_on is not None:
        facts["review_on"] = note.review_on.isoformat()
    if note.revises is not None:
        facts["revises"] = note.revises
    return facts
