"""Progress-note use cases: write, draft, check, sign, amend, and the work queues.

(A note as PDF is a document: app.documents.)"""

from app.notes.drafting import (
    DraftOutcome,
    DraftProgress,
    ai_drafting_allowed,
    apply_draft,
    draft_note,
    facts_for_note,
    pipeline_for,
    run_draft,
    style_examples,
)
from app.notes.queues import (
    ClientNote,
    RiskItem,
    UnsignedItem,
    notes_of_client,
    risk_follow_up,
    unsigned_queue,
)
from app.notes.signature import signature_problem, signature_status
from app.notes.workflow import (
    NoteContext,
    NotReadyToSign,
    acknowledge_all_flags,
    acknowledge_flag,
    add_addendum,
    addenda_of,
    autosave,
    completeness_of,
    load_context,
    note_status_of,
    preferred_approach,
    remember_approach,
    sign_blockers,
    sign_note,
    start_or_resume_note,
    update_session_details,
)

__all__ = [
    "ClientNote", "DraftOutcome", "DraftProgress", "NotReadyToSign", "NoteContext", "RiskItem",
    "UnsignedItem", "acknowledge_all_flags", "acknowledge_flag", "add_addendum", "addenda_of",
    "ai_drafting_allowed", "apply_draft", "autosave", "completeness_of", "draft_note",
    "facts_for_note", "load_context", "note_status_of", "notes_of_client", "pipeline_for",
    "preferred_approach",
    "remember_approach", "risk_follow_up", "run_draft", "sign_blockers", "sign_note",
    "style_examples",
    "signature_problem", "signature_status", "start_or_resume_note", "unsigned_queue",
    "update_session_details",
]
