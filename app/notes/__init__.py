"""Progress-note use cases: write, draft, check, sign, amend, export, and the work queues."""

from app.notes.drafting import (
    DraftOutcome,
    ai_drafting_allowed,
    apply_draft,
    facts_for_note,
    run_draft,
)
from app.notes.export import export_note_pdf
from app.notes.queues import RiskItem, UnsignedItem, risk_follow_up, unsigned_queue
from app.notes.workflow import (
    NoteContext,
    NotReadyToSign,
    acknowledge_all_flags,
    acknowledge_flag,
    add_addendum,
    autosave,
    completeness_of,
    load_context,
    preferred_approach,
    remember_approach,
    sign_blockers,
    sign_note,
    start_or_resume_note,
    update_session_details,
)

__all__ = [
    "DraftOutcome", "NotReadyToSign", "NoteContext", "RiskItem", "UnsignedItem",
    "acknowledge_all_flags", "acknowledge_flag", "add_addendum", "ai_drafting_allowed",
    "apply_draft", "autosave", "completeness_of", "export_note_pdf", "facts_for_note",
    "load_context", "preferred_approach", "remember_approach", "risk_follow_up", "run_draft",
    "sign_blockers", "sign_note", "start_or_resume_note", "unsigned_queue",
    "update_session_details",
]
