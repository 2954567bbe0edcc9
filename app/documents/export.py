"""Notes of every kind as files that leave the vault: a progress note, an intake assessment, a
treatment plan or a discharge summary as PDF.

Each export is an explicit user action, recorded in the audit log by id only. The layout lives
in app/pdf (one place renders PDFs); this module gathers what a document shows. A signed note
is checked against its signature first; one that no longer matches is refused (RecordAltered),
so an altered record never leaves the vault looking signed.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from app.documents.workflow import context_of
from app.measures.export import session_blocks
from app.measures.note_facts import session_measures_text
from app.notes.signature import key_label, signature_problem
from app.notes.workflow import effective_location, effective_service_code, service_label
from app.pdf.document_pdf import DocumentPdfData, render_document_pdf
from app.pdf.measures_pdf import ChartImage
from app.pdf.note_pdf import NotePdfData, render_note_pdf
from models.errors import RecordAltered
from models.note import Addendum, Note, NoteKind

if TYPE_CHECKING:
    from storage.vault import Vault


def export_note_pdf(vault: Vault, note_id: int, out: Path, *,
                    include_process_notes: bool = False,
                    measures_chart: ChartImage | None = None) -> Path:
    """Write note ``note_id`` (with its addenda) to ``out``; unsigned notes come out as DRAFT.

    With ``measures_chart`` the PDF also carries the session's scores and their charts.
    """
    note = vault.notes.get(note_id)
    addenda = vault.notes.addenda(note_id)
    problem = signature_problem(vault, note, addenda)
    if problem:
        raise RecordAltered(f"{problem} It is not exported; run `stillnote audit verify` and "
                            "restore a backup from before the change.")
    if note.kind is not NoteKind.PROGRESS or note.appointment_id is None:
        _document_pdf(vault, note, addenda, Path(out))
        vault.audit.record("export", "note", note_id, "pdf")
        return Path(out)
    appointment = vault.appointments.get(note.appointment_id)
    client = vault.clients.get(note.client_id)
    practice = vault.practice.get()
    data = NotePdfData(
        note=note, appointment=appointment, client=client, addenda=addenda,
        service_code=service_label(effective_service_code(appointment)),
        location=effective_location(appointment, practice),
        practice_name=practice.practice_name, timezone_name=practice.timezone,
        key_fingerprint=key_label(note),
    )
    if measures_chart is not None:
        data.measures_facts = session_measures_text(vault, appointment)
        data.measure_blocks = session_blocks(vault, appointment)
        data.chart_png = measures_chart
    render_note_pdf(Path(out), data, include_process_notes=include_process_notes)
    detail = "pdf with process notes" if include_process_notes else "pdf"
    vault.audit.record("export", "note", note_id, detail)
    return Path(out)


def _document_pdf(vault: Vault, note: Note, addenda: list[Addendum], out: Path) -> None:
    """An intake assessment, a treatment plan or a discharge summary."""
    context = context_of(vault, note)
    practice = context.practice
    appointment = context.appointment
    data = DocumentPdfData(note=note, client=context.client, day=note.written_on
                           or (appointment.start.astimezone(practice.zone).date()
                               if appointment else date.today()),
                           addenda=addenda, practice_name=practice.practice_name,
                           timezone_name=practice.timezone, key_fingerprint=key_label(note),
                           version=context.version, revises_version=context.revises_version)
    if appointment is not None:
        start = appointment.start.astimezone(practice.zone)
        data.session = f"{start:%H:%M %Z}".strip() + f", {appointment.minutes} minutes, " \
            f"{appointment.modality}"
        data.service_code = service_label(effective_service_code(appointment))
        data.location = effective_location(appointment, practice)
    render_document_pdf(out, data)
