"""Each note format is a mapping from the same prompt fields to its sections.

Headings come from models.note.FORMAT_HEADINGS (one source of truth); this module only says
which of the therapist's answers goes under which heading, in what order. The episode's
documents (intake assessment, treatment plan, discharge summary) are formats too, each with
its own prompt fields (models.note.DOCUMENT_FIELDS).
"""

from __future__ import annotations

from models.note import FORMAT_HEADINGS, NoteFormat, prompt_fields

# "session" is the one line about the appointment itself (service, modality, approach).
SESSION = "session"

SECTION_FIELDS: dict[NoteFormat, dict[str, tuple[str, ...]]] = {
    NoteFormat.SOAP: {
        # the session line opens the note, as it does in every other format
        "Subjective": (SESSION, "presenting_concerns"),
        "Objective": ("mental_status", "measures", "interventions"),
        "Assessment": ("goals", "client_response", "progress", "impression", "risk"),
        "Plan": ("plan",),
    },
    NoteFormat.DAP: {
        "Data": (SESSION, "presenting_concerns", "mental_status", "measures", "interventions"),
        "Assessment": ("goals", "client_response", "progress", "impression", "risk"),
        "Plan": ("plan",),
    },
    NoteFormat.BIRP: {
        "Behavior": (SESSION, "presenting_concerns", "mental_status", "measures"),
        "Intervention": ("goals", "interventions"),
        "Response": ("client_response", "progress", "impression", "risk"),
        "Plan": ("plan",),
    },
    NoteFormat.GIRP: {
        "Goals": (SESSION, "goals", "presenting_concerns"),
        "Intervention": ("interventions",),
        "Response": ("mental_status", "measures", "client_response", "progress", "impression",
                     "risk"),
        "Plan": ("plan",),
    },
    NoteFormat.PIE: {
        "Problem": (SESSION, "presenting_concerns", "mental_status", "goals"),
        "Intervention": ("interventions",),
        "Evaluation": ("measures", "client_response", "progress", "impression", "risk", "plan"),
    },
    NoteFormat.INTAKE: {
        "Reason for Referral": (SESSION, "referral"),
        "History of Present Problem": ("history_present",),
        "Psychiatric and Treatment History": ("psychiatric_history",),
        "Medical History and Medications": ("medical_history", "medications"),
        "Substance Use": ("substance_use",),
        "Family and Social History": ("family_social",),
        "Developmental, Trauma and Legal History": ("developmental", "trauma", "legal"),
        "Mental Status Examination": ("mental_status",),
        "Risk Assessment": ("risk",),
        "Strengths": ("strengths",),
        "Diagnostic Impression": ("measures", "impression", "diagnosis"),
        "Recommendations": ("recommendations",),
    },
    NoteFormat.TREATMENT_PLAN: {
        "Diagnosis": ("diagnosis",),
        "Problems, Goals and Objectives": ("problems",),
        "Interventions": ("interventions",),
        "Client Participation": ("participation",),
        "Review": ("review",),
    },
    NoteFormat.DISCHARGE: {
        "Course of Treatment": ("episode", "course"),
        "Reason for Discharge": ("reason",),
        "Diagnoses": ("intake_diagnosis", "discharge_diagnosis"),
        "Progress Toward Goals": ("goal_progress", "measures"),
        "Risk at Discharge": ("risk",),
        "Referrals and Aftercare": ("aftercare",),
    },
}

# Fields whose absence is normal and not worth a flag (GIRP is built around goals, so there
# a missing goal is flagged).
OPTIONAL_FIELDS: frozenset[str] = frozenset({"progress", "goals", "mental_status",
                                            "impression", "measures"})
# A document's histories are asked "where relevant": an empty one is not worth a flag.
DOCUMENT_OPTIONAL: dict[NoteFormat, frozenset[str]] = {
    NoteFormat.INTAKE: frozenset({"medical_history", "medications", "substance_use",
                                  "family_social", "developmental", "trauma", "legal",
                                  "measures", "strengths", "psychiatric_history"}),
    NoteFormat.TREATMENT_PLAN: frozenset(),
    NoteFormat.DISCHARGE: frozenset({"course", "intake_diagnosis", "goal_progress",
                                     "measures", "episode"}),
}


def headings(fmt: NoteFormat) -> tuple[str, ...]:
    return FORMAT_HEADINGS[fmt]


def section_fields(fmt: NoteFormat) -> dict[str, tuple[str, ...]]:
    return SECTION_FIELDS[fmt]


def section_of(fmt: NoteFormat, field_name: str) -> str:
    for heading, fields in SECTION_FIELDS[fmt].items():
        if field_name in fields:
            return heading
    raise KeyError(field_name)


def is_optional(fmt: NoteFormat, field_name: str) -> bool:
    if fmt is NoteFormat.GIRP and field_name == "goals":
        return False
    if fmt in DOCUMENT_OPTIONAL:
        return field_name in DOCUMENT_OPTIONAL[fmt]
    return field_name in OPTIONAL_FIELDS


def _check() -> None:
    # Every format lists its headings in order and places every prompt field exactly once.
    assert set(SECTION_FIELDS) == set(NoteFormat)
    for fmt, mapping in SECTION_FIELDS.items():
        assert tuple(mapping) == FORMAT_HEADINGS[fmt], fmt
        placed = [f for fields in mapping.values() for f in fields if f != SESSION]
        assert sorted(placed) == sorted(prompt_fields(fmt)), fmt


_check()
