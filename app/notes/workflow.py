"""Writing a progress note: start or resume it, save it as it is typed, check it, sign it, amend it.

Every function takes the open storage Vault; none holds state between calls, so the window can
call them from the UI thread in any order. Signed notes are immutable here and in the database.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from app.measures.safety import session_screens
from app.sign_check import confirm_signer
from models.appointment import Appointment, AppointmentStatus, Modality
from models.billing import CPT_DESCRIPTIONS, coded_service
from models.client import Client, Goal, GoalStatus
from models.completeness import Completeness, check_note, open_flags, signing_blockers
from models.documents import diagnosis_lines, is_intake_session
from models.errors import InvalidInput, NoteLocked
from models.flags import Flag
from models.measures.safety import PositiveScreen
from models.note import (
    PROGRESS_FORMATS,
    Addendum,
    Note,
    NoteFormat,
    NoteStatus,
    document_facts,
)
from models.practice import PracticeProfile

if TYPE_CHECKING:
    from storage.vault import Vault

log = logging.getLogger(__name__)


class NotReadyToSign(InvalidInput):
    """The note still lacks something; ``reasons`` lists every gap, ``str`` the first one."""

    def __init__(self, reasons: list[str]) -> None:
        self.reasons = list(reasons)
        more = len(self.reasons) - 1
        tail = f" ({more} more item{'s' if more != 1 else ''} to complete.)" if more > 0 else ""
        super().__init__(self.reasons[0] + tail)


@dataclass
class NoteContext:
    """A note with everything the form and the PDF show around it."""

    note: Note
    appointment: Appointment
    client: Client
    practice: PracticeProfile
    goals: list[Goal] = field(default_factory=list)
    # The session's positive risk screens (PHQ-9 item 9, C-SSRS): its risk must address them.
    screens: tuple[PositiveScreen, ...] = ()

    @property
    def service_code(self) -> str:
        return effective_service_code(self.appointment)

    @property
    def location(self) -> str:
        return effective_location(self.appointment, self.practice)


def default_format(client: Client, practice: PracticeProfile | None = None) -> NoteFormat:
    """The format a new progress note starts in: the one chosen for this client, else the
    client's last note format (a therapist who writes DAP for them keeps DAP), else the
    practice's default (a document's own format is never a progress note's)."""
    for choice in (client.note_format, client.last_note_format,
                   practice.default_note_format if practice else ""):
        try:
            fmt = NoteFormat(choice)
        except ValueError:
            continue
        if fmt in PROGRESS_FORMATS:
            return fmt
    return NoteFormat.SOAP


def effective_service_code(appointment: Appointment) -> str:
    """The therapist's CPT code for the session, else the suggested one ("" if none fits)."""
    return coded_service(appointment).primary


def service_label(code: str) -> str:
    return f"{code} {CPT_DESCRIPTIONS.get(code, '')}".strip() if code else ""


def effective_location(appointment: Appointment, practice: PracticeProfile) -> str:
    """Where the session happened: as recorded, else the office address or the client's home."""
    if appointment.location.strip():
        return appointment.location.strip()
    if appointment.modality is Modality.OFFICE:
        return practice.address.one_line()
    if practice.telehealth_pos == "10":
        return "Client's home (telehealth)"
    return ""


def start_or_resume_note(vault: Vault, appointment_id: int) -> Note:
    """The note of an attended appointment: the one already begun, else a new empty draft (an
    intake assessment for a diagnostic evaluation, which starts from the client's diagnoses)."""
    existing: Note | None = vault.notes.for_appointment(appointment_id)
    if existing is not None:
        return existing
    appointment: Appointment = vault.appointments.get(appointment_id)
    if appointment.status is not AppointmentStatus.ATTENDED:
        raise InvalidInput("Notes are written for attended sessions: mark the appointment "
                           "as attended first.")
    client: Client = vault.clients.get(appointment.client_id)
    # A diagnostic evaluation (90791) is documented as the intake assessment.
    intake = is_intake_session(appointment)
    fmt = NoteFormat.INTAKE if intake else default_format(client, vault.practice.get())
    note = Note(appointment_id=appointment_id, client_id=client.id or appointment.client_id,
                format=fmt,
                prompts={"diagnosis": diagnosis_lines(client)} if intake and client.diagnoses
                else {})
    saved: Note = vault.notes.save_draft(note)
    return saved


def note_status_of(vault: Vault, appointment_id: int) -> NoteStatus | None:
    """The status of the appointment's note (None: no note begun), for "Open note" buttons."""
    return vault.notes.statuses([appointment_id]).get(appointment_id)


def load_context(vault: Vault, note: Note) -> NoteContext:
    if note.appointment_id is None:
        raise InvalidInput("This document was written between sessions; open it from the "
                           "client's page.")
    appointment: Appointment = vault.appointments.get(note.appointment_id)
    client: Client = vault.clients.get(note.client_id)
    goals = [g for g in vault.goals.for_client(note.client_id) if g.status is GoalStatus.ACTIVE]
    return NoteContext(note, appointment, client, vault.practice.get(), goals,
                       session_screens(vault, appointment))


def _fingerprint(note: Note) -> str:
    payload = [str(note.format), note.prompts, [[s.heading, s.text] for s in note.sections],
               [f.to_dict() for f in note.flags], note.process_notes, note.risk_not_assessed,
               document_facts(note)]
    blob = json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


# (vault dir, note id) -> fingerprint of what was last written; lets autosave skip no-op writes.
_last_saved: dict[tuple[str, int], str] = {}


def autosave(vault: Vault, note: Note) -> Note:
    """Write the draft if it changed since the last save. Cheap enough to call every few seconds.

    A signed note is returned untouched (its text cannot change). The write is one transaction:
    after it returns, a crash or power cut keeps what was typed so far.
    """
    if note.is_signed:
        return note
    fingerprint = _fingerprint(note)
    key = (str(vault.path), note.id) if note.id is not None else None
    if key is not None and _last_saved.get(key) == fingerprint:
        return note
    saved: Note = vault.notes.save_draft(note)
    if saved.id is not None:
        _last_saved[(str(vault.path), saved.id)] = fingerprint
        note.id = saved.id
    note.updated_at = saved.updated_at
    note.created_at = note.created_at or saved.created_at
    return note


def completeness_of(context: NoteContext) -> Completeness:
    return check_note(context.note, context.appointment, context.client,
                      service_code=context.service_code, location=context.location,
                      screens=context.screens)


def sign_blockers(context: NoteContext) -> list[str]:
    """Every reason the note cannot be signed yet, the risk rule first; empty means signable."""
    return signing_blockers(context.note, context.appointment, context.client,
                            service_code=context.service_code, location=context.location,
                            screens=context.screens)


def acknowledge_flag(note: Note, index: int, acknowledged: bool = True) -> Note:
    """Mark one verifier flag as seen and accepted by the therapist (saved by the next autosave)."""
    if note.is_signed:
        raise NoteLocked()
    note.flags[index] = replace(note.flags[index], acknowledged=acknowledged)
    return note


def acknowledge_all_flags(note: Note) -> Note:
    for i, _flag in enumerate(note.flags):
        acknowledge_flag(note, i)
    return note


def pending_flags(note: Note) -> list[Flag]:
    return open_flags(note)


def update_session_details(vault: Vault, appointment_id: int, *, location: str | None = None,
                           cpt_code: str | None = None) -> Appointment:
    """Record where the session happened or its service code from the note form."""
    appointment: Appointment = vault.appointments.get(appointment_id)
    if location is not None:
        appointment.location = location.strip()
    if cpt_code is not None:
        appointment.cpt_code = cpt_code.strip()
    updated: Appointment = vault.appointments.update(appointment)
    return updated


_APPROACH_KEY = "notes.approach.{client_id}"


def preferred_approach(vault: Vault, client_id: int) -> str:
    """The therapeutic approach last picked for this client (for quick picks), or ""."""
    value = vault.settings.get(_APPROACH_KEY.format(client_id=client_id), "")
    return value if isinstance(value, str) else ""


def remember_approach(vault: Vault, client_id: int, approach: str) -> None:
    if approach != preferred_approach(vault, client_id):
        vault.settings.set(_APPROACH_KEY.format(client_id=client_id), approach)


def signer_of(practice: PracticeProfile, signer_name: str | None = None,
              credentials: str | None = None) -> tuple[str, str]:
    name = (signer_name if signer_name is not None else practice.clinician_name).strip()
    creds = (credentials if credentials is not None else practice.credentials).strip()
    if not name:
        raise InvalidInput("Add your name to the practice profile before signing notes.")
    return name, creds


def sign_note(vault: Vault, note: Note, *, signer_name: str | None = None,
              credentials: str | None = None, at: datetime | None = None,
              confirmation: str | None = None) -> Note:
    """Save the note as shown, then sign and lock it: time, signer, credentials, content hash.

    Refused with NotReadyToSign (one plain reason first) while anything is incomplete, a flag
    is neither fixed nor acknowledged, or a prompt mentions risk that was not assessed; and
    with WrongPassphrase when the practice asks for the passphrase or a PIN to sign
    (``confirmation``) and it does not match.
    """
    if note.is_signed:
        raise NoteLocked()
    if note.id is None:
        raise InvalidInput("Save the note before signing it.")
    context = load_context(vault, note)
    signed = sign_as_shown(
        vault, note, sign_blockers(context), context.practice, signer_name=signer_name,
        credentials=credentials, at=at, confirmation=confirmation,
        also=lambda: vault.clients.set_last_note_format(note.client_id, str(note.format)))
    log.info("note %s signed", note.id)
    return signed


def sign_as_shown(vault: Vault, note: Note, blockers: Sequence[str], practice: PracticeProfile,
                  *, signer_name: str | None = None, credentials: str | None = None,
                  at: datetime | None = None, confirmation: str | None = None,
                  also: Callable[[], None] | None = None) -> Note:
    """Save a saved note of any kind as shown and sign it, in one transaction (with ``also``):
    refused with NotReadyToSign while ``blockers`` holds a reason, and with WrongPassphrase
    when the practice asks for a confirmation to sign and ``confirmation`` does not match."""
    if blockers:
        raise NotReadyToSign(list(blockers))
    name, creds = signer_of(practice, signer_name, credentials)
    confirm_signer(vault, confirmation)
    when = at or datetime.now(UTC)
    if when.tzinfo is None:
        raise InvalidInput("The signing time must carry a time zone.")
    with vault.transaction():
        vault.notes.save_draft(note)
        signed: Note = vault.notes.sign(note.id or 0, name, creds, when)
        if also is not None:
            also()
    _last_saved.pop((str(vault.path), note.id or 0), None)
    return signed


def add_addendum(vault: Vault, note_id: int, text: str, *, signer_name: str | None = None,
                 credentials: str | None = None, at: datetime | None = None) -> Addendum:
    """A dated, signed addendum appended to a signed note; the original stays as it was."""
    if not text.strip():
        raise InvalidInput("An addendum needs some text.")
    note: Note = vault.notes.get(note_id)
    if not note.is_signed:
        raise InvalidInput("Only a signed note takes addenda; edit the draft instead.")
    name, creds = signer_of(vault.practice.get(), signer_name, credentials)
    addendum: Addendum = vault.notes.add_addendum(note_id, text.strip(), name, creds,
                                                  at or datetime.now(UTC))
    return addendum


def addenda_of(vault: Vault, note_id: int) -> list[Addendum]:
    """A signed note's addenda, oldest first."""
    return vault.notes.addenda(note_id)
