"""A progress note as PDF: the session's facts, the sections, addenda and the signature block.

Client name and date of birth head every page. An unsigned note is marked DRAFT on every page.
Psychotherapy (process) notes are private and appear only when explicitly asked for.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from reportlab.lib import colors
from reportlab.lib.units import inch
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from app.pdf.document import PageDecor, Styles, para, paragraphs, render_pdf, styles
from app.pdf.measures_pdf import ChartImage, MeasureBlock, session_flowables
from models.appointment import Appointment
from models.client import Client
from models.note import Addendum, Note
from models.signed_record import SealKind


@dataclass
class NotePdfData:
    """Everything printed; the app fills in the effective service code and location."""

    note: Note
    appointment: Appointment
    client: Client
    addenda: Sequence[Addendum] = ()
    service_code: str = ""
    location: str = ""
    practice_name: str = ""
    timezone_name: str = ""
    key_fingerprint: str = ""  # of the key whose signature was checked, as people compare it
    # The session's scores and their courses, when the note's PDF is to carry them.
    measures_facts: str = ""
    measure_blocks: Sequence[MeasureBlock] = ()
    chart_png: ChartImage | None = None


def _zone(name: str) -> tzinfo | None:
    try:
        return ZoneInfo(name) if name else None
    except (ZoneInfoNotFoundError, ValueError):
        return None


def signed_when(moment: datetime | None, zone_name: str = "") -> str:
    """A signing time in the practice's zone (stored in UTC), with the zone's abbreviation."""
    if moment is None:
        return ""
    tz = _zone(zone_name)
    local = moment.astimezone(tz) if tz is not None else moment
    return local.strftime("%Y-%m-%d %H:%M %Z").strip()


def dob_text(client: Client) -> str:
    return client.date_of_birth.isoformat() if client.date_of_birth else "not recorded"


def _local_start(data: NotePdfData) -> datetime:
    """The session start in the practice's zone: the date of service is the local date."""
    tz = _zone(data.timezone_name)
    start = data.appointment.start
    return start.astimezone(tz) if tz is not None else start


def _facts_table(data: NotePdfData, st: Styles) -> Table:
    appt, client = data.appointment, data.client
    start = _local_start(data)
    dx = client.primary_diagnosis
    diagnosis = ", ".join(f"{d.code} {d.description}".strip() for d in client.diagnoses) if dx \
        else "none recorded"
    rows = [
        ("Client", client.legal_name),
        ("Date of birth", dob_text(client)),
        ("Date of service", start.date().isoformat()),
        ("Start and duration", f"{start.strftime('%H:%M %Z').strip()}, {appt.minutes} minutes"),
        ("Modality", str(appt.modality).capitalize()),
        ("Location", data.location or "not recorded"),
        ("Service code", data.service_code or "not recorded"),
        ("Diagnosis", diagnosis),
        ("Format", str(data.note.format).upper()),
    ]
    return facts_table(rows, st)


def facts_table(rows: Sequence[tuple[str, str]], st: Styles) -> Table:
    """Label and value rows under a document's title."""
    # splitInRow: a cell taller than a page (a name of thousands of characters) continues
    # on the next page instead of stopping the whole PDF.
    table = Table([[para(k, st.small), para(v, st.body)] for k, v in rows],
                  colWidths=[1.6 * inch, 5.3 * inch], splitInRow=1)
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.lightgrey),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return table


def signature_block(note: Note, st: Styles, zone_name: str,
                     key_fingerprint: str) -> list[Flowable]:
    if not note.is_signed:
        return [para("Unsigned draft: not a signed clinical record.", st.heading)]
    signer = ", ".join(p for p in (note.signed_by, note.signer_credentials) if p)
    lines = [para("Electronically signed", st.heading),
             para(f"Signed by: {signer}", st.body),
             para(f"Signed at: {signed_when(note.signed_at, zone_name)}", st.body)]
    if key_fingerprint:
        lines.append(para(f"Ed25519 signature by practice key {key_fingerprint}, checked when "
                          "this PDF was made.", st.small))
    if note.signature is not None and note.signature.how is SealKind.UPGRADE:
        lines.append(para("Signed before Stillnote signed notes; this signature was added on "
                          f"{signed_when(note.signature.at, zone_name)[:10]}, when the vault was "
                          "upgraded.", st.small))
    lines.append(para(f"Content hash (SHA-256): {note.content_hash}", st.small))
    return [KeepTogether(lines)]


def addenda_story(addenda: Sequence[Addendum], st: Styles, zone_name: str) -> list[Flowable]:
    """The signed addenda after a note or document, oldest first."""
    if not addenda:
        return []
    story: list[Flowable] = [para("Addenda", st.heading)]
    for add in addenda:
        signer = ", ".join(p for p in (add.signed_by, add.signer_credentials) if p)
        story.append(para(f"Addendum signed by {signer} at "
                          f"{signed_when(add.signed_at, zone_name)}", st.small))
        story += [*paragraphs(add.text, st.body), Spacer(1, 4)]
    return story


def note_story(data: NotePdfData, include_process_notes: bool = False) -> list[Flowable]:
    st = styles()
    note = data.note
    title = "Progress note" if note.is_signed else "Progress note (DRAFT)"
    story: list[Flowable] = [para(title, st.title)]
    if data.practice_name:
        story.append(para(data.practice_name, st.small))
    story += [Spacer(1, 4), _facts_table(data, st), Spacer(1, 8)]
    for section in note.sections:
        story.append(para(section.heading, st.heading))
        story += paragraphs(section.text or "(empty)", st.body)
    if data.measures_facts or data.measure_blocks:
        story += session_flowables(data.measure_blocks, data.measures_facts, data.chart_png)
    story.append(Spacer(1, 10))
    story += signature_block(note, st, data.timezone_name, data.key_fingerprint)
    story += addenda_story(data.addenda, st, data.timezone_name)
    if include_process_notes and note.process_notes.strip():
        story.append(para("Psychotherapy notes (private; included at the clinician's request)",
                          st.heading))
        story += paragraphs(note.process_notes, st.body)
    return story


def render_note_pdf(target: Path, data: NotePdfData, *,
                    include_process_notes: bool = False) -> None:
    """Write the note's PDF atomically to ``target``."""
    client = data.client
    decor = PageDecor(
        header=[f"{client.legal_name} · DOB {dob_text(client)}",
                f"Date of service {_local_start(data).date().isoformat()}"],
        watermark="" if data.note.is_signed else "DRAFT",
        footer="Confidential health information",
        title="Progress note",
    )
    render_pdf(target, note_story(data, include_process_notes), decor)
