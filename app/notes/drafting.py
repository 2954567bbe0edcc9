"""From the note's prompt to a draft: session facts, AI consent, and applying the draft.

The pipeline itself (drafting.pipeline) is the one way to draft; this module only decides what
it receives, whether the model may be used for this client, and how the result lands in the note.
It also keeps the process-wide pipeline per model settings, so the model loads once a session.
"""

from __future__ import annotations

import atexit
import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from app.settings import DeviceSettings
from drafting.pipeline import DraftPipeline, deterministic_draft
from drafting.types import Draft, DraftProgress
from models.appointment import Appointment
from models.client import Client
from models.errors import NoteLocked
from models.flags import FlagKind
from models.note import PROGRESS_FORMATS, Note, NoteFormat, prompt_fields
from models.session_facts import SessionFacts, SessionInfo

if TYPE_CHECKING:
    from storage.vault import Vault

log = logging.getLogger(__name__)

__all__ = ["DraftOutcome", "DraftPipeline", "DraftProgress", "ai_drafting_allowed", "apply_draft",
           "draft_note", "facts_for_note", "pipeline_for", "run_draft"]

NO_CONSENT_REASON = ("This client has no recorded consent to AI-assisted documentation, so the "
                     "draft was built from your own words without the language model.")


@dataclass
class DraftOutcome:
    note: Note
    draft: Draft
    used_model: bool
    reason: str = ""  # why the model was not used, in one sentence ("" when it was)
    cancelled: bool = False


def ai_drafting_allowed(client: Client) -> tuple[bool, str]:
    """Whether the language model may see this client's session, and if not, why."""
    if client.ai_consent:
        return True, ""
    return False, NO_CONSENT_REASON


def facts_for_note(note: Note, appointment: Appointment | None, client: Client,
                   approach: str = "") -> SessionFacts:
    """What the pipeline drafts from: the session's details and the therapist's prompts (of
    the note's own format: a treatment plan's problems, an intake's histories).

    Process notes are private and never part of the draft. A document written between
    sessions (a treatment plan, a discharge summary) has its own date and no session.
    """
    prompts = {k: note.prompts.get(k, "") for k in prompt_fields(note.format)
               if note.prompts.get(k, "").strip()}
    if not prompts.get("risk") and note.risk_not_assessed:
        prompts["risk"] = "Not assessed."
    if appointment is not None:
        start = appointment.start
        session = SessionInfo(date=start.date().isoformat(), start=start.strftime("%H:%M"),
                              minutes=appointment.minutes, modality=str(appointment.modality),
                              service=str(appointment.service), approach=approach)
    else:
        session = SessionInfo(date=note.written_on.isoformat() if note.written_on else "")
    return SessionFacts(
        format=note.format,
        session=session,
        client_name=client.preferred_name or client.legal_name,
        client_pronouns=client.pronouns,
        prompts=prompts,
    )


STYLE_NOTES = 3  # how many of the therapist's latest signed notes teach the draft their style


def style_examples(vault: Vault, limit: int = STYLE_NOTES) -> list[str]:
    """The therapist's own most recent signed progress notes, as text: how they name the
    client and themselves, date things, and build sentences. They shape the draft's wording
    and the model's ranking; no word of them can reach a draft (docs/drafting.md). Read on
    the UI thread, kept in memory only."""
    return [n.body_text() for n in vault.notes.recent_signed(limit, PROGRESS_FORMATS)
            if n.sections]


def run_draft(note: Note, appointment: Appointment | None, client: Client,
              pipeline: DraftPipeline, *,
              approach: str = "", on_progress: Callable[[DraftProgress], None] | None = None,
              cancel: threading.Event | None = None,
              style: Sequence[str] = ()) -> DraftOutcome:
    """Draft the note (model if the client consented, else deterministic) and apply it.
    ``style``: the therapist's own signed notes (see ``style_examples``).

    Runs on the worker thread; touches no vault, so the UI thread saves the result.
    """
    if note.is_signed:
        raise NoteLocked()
    facts = facts_for_note(note, appointment, client, approach)
    allowed, reason = ai_drafting_allowed(client)
    if allowed:
        draft = pipeline.draft(facts, style_examples=style, on_progress=on_progress,
                               cancel=cancel)
        used_model = not any(f.kind is FlagKind.NO_MODEL for f in draft.flags)
    else:
        draft = deterministic_draft(facts, style_examples=style)
        used_model = False
    apply_draft(note, draft)
    log.info("note %s drafted (model used: %s)", note.id, used_model)
    return DraftOutcome(note=note, draft=draft, used_model=used_model, reason=reason,
                        cancelled=draft.cancelled)


def apply_draft(note: Note, draft: Draft) -> Note:
    """Put the draft's sections and flags into the note; earlier acknowledgements are dropped
    because the text they were about has been replaced."""
    note.format = NoteFormat(draft.format)
    note.sections = list(draft.sections)
    note.flags = [replace(f, acknowledged=False) for f in draft.flags]
    return note


# One pipeline per (model file, threads, context size) for the life of the process: its model
# loads on the first draft and stays loaded. One draft runs at a time (the window's draft
# worker), so a pipeline's single model is never used by two threads at once.
_PIPELINES: dict[tuple[str, int, int], DraftPipeline] = {}
_PIPELINES_LOCK = threading.Lock()


@atexit.register
def _close_pipelines() -> None:
    """Free the models before the interpreter tears llama.cpp's bindings down (otherwise its
    finalizers run against a half-unloaded library and print a TypeError at exit)."""
    with _PIPELINES_LOCK:
        for pipeline in _PIPELINES.values():
            pipeline.close()
        _PIPELINES.clear()


def pipeline_for(settings: DeviceSettings) -> DraftPipeline:
    """The shared DraftPipeline for this device's model settings (created lazily, loads lazily)."""
    key = (settings.model_path or "", settings.n_threads or 0, settings.n_ctx or 2048)
    with _PIPELINES_LOCK:
        if key not in _PIPELINES:
            model = key[0]
            _PIPELINES[key] = DraftPipeline(model_path=Path(model) if model else None,
                                            n_threads=key[1], n_ctx=key[2])
        return _PIPELINES[key]


def draft_note(note: Note, appointment: Appointment | None, client: Client,
               settings: DeviceSettings,
               *, approach: str = "", on_progress: Callable[[DraftProgress], None] | None = None,
               cancel: threading.Event | None = None,
               style: Sequence[str] = ()) -> DraftOutcome:
    """Draft the note with this device's model (see run_draft); runs on the draft worker."""
    return run_draft(note, appointment, client, pipeline_for(settings), approach=approach,
                     on_progress=on_progress, cancel=cancel, style=style)
