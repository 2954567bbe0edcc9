"""Progress notes: formats, the structured prompt, drafts, signed notes and addenda."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime
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


FORMAT_HEADINGS: dict[NoteFormat, tuple[str, ...]] = {
    NoteFormat.SOAP: ("Subjective", "Objective", "Assessment", "Plan"),
    NoteFormat.DAP: ("Data", "Assessment", "Plan"),
    NoteFormat.BIRP: ("Behavior", "Intervention", "Response", "Plan"),
    NoteFormat.GIRP: ("Goals", "Intervention", "Response", "Plan"),
    NoteFormat.PIE: ("Problem", "Intervention", "Evaluation"),
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


class NoteStatus(StrEnum):
    DRAFT = "draft"
    SIGNED = "signed"


@dataclass
class NoteSection:
    heading: str
    text: str


@dataclass
class Note:
    appointment_id: int
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

    @property
    def is_signed(self) -> bool:
        return self.status is NoteStatus.SIGNED

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
    payload = {
        "appointment_id": note.appointment_id,
        "client_id": note.client_id,
        "format": str(note.format),
        "sections": [[s.heading, s.text] for s in note.sections],
        "signed_at": note.signed_at.isoformat() if note.signed_at else None,
        "signed_by": note.signed_by,
        "signer_credentials": note.signer_credentials,
    }
    blob = json.dumps(payload, sort_keys=True, ensure_ascii=False).encode("utf-8")
    return hashlib.sha256(blob).hexdigest()


def addendum_hash(addendum: Addendum) -> str:
    payload = [addendum.note_id, addendum.text, addendum.signed_at.isoformat(),
               addendum.signed_by, addendum.signer_credentials]
    return hashlib.sha256(json.dumps(payload, ensure_ascii=False).encode("utf-8")).hexdigest()
