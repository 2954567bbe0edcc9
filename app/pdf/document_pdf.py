"""An intake assessment, a treatment plan or a discharge summary as PDF.

Laid out as a progress note is (app/pdf/note_pdf.py): the client's name and date of birth and
the document's date head every page, "Page X of Y", a facts table under the title, the
sections, the signature block, the addenda; an unsigned document carries DRAFT on every page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.platypus import Flowable, Spacer

from app.pdf.document import PageDecor, para, paragraphs, render_pdf, styles
from app.pdf.note_pdf import addenda_story, dob_text, facts_table, signature_block
from models.client import Client
from models.common import date_text
from models.note import KIND_TITLES, Addendum, Note, NoteKind


@dataclass
class DocumentPdfData:
    """Everything printed; the app works out the dates, the session and the version."""

    note: Note
    client: Client
    day: date  # the document's date: its session's (an intake) or its own
    addenda: Sequence[Addendum] = ()
    practice_name: str = ""
    timezone_name: str = ""
    key_fingerprint: str = ""
    session: str = ""  # an intake's session: "11/17/2026 09:00, 60 minutes, office"
    service_code: str = ""
    location: str = ""
    version: int = 0  # a treatment plan's version
    revises_version: int = 0


def _rows(data: DocumentPdfData) -> list[tuple[str, str]]:
    note, client = data.note, data.client
    rows = [("Client", client.legal_name), ("Date of birth", dob_text(client))]
    if note.kind is NoteKind.INTAKE:
        rows += [("Date of service", date_text(data.day)),
                 ("Session", data.session or "not recorded"),
                 ("Location", data.location or "not recorded"),
                 ("Service code", data.service_code or "not recorded")]
    elif note.kind is NoteKind.TREATMENT_PLAN:
        version = f"{data.version}" + (f" (revises version {data.revises_version})"
                                       if data.revises_version else "")
        rows += [("Plan date", date_text(data.day)), ("Version", version),
                 ("Review date", date_text(note.review_on))]
    else:
        rows += [("Date of discharge summary", date_text(data.day)),
                 ("Discharged", date_text(client.discharged_on))]
    return rows


def document_story(data: DocumentPdfData) -> list[Flowable]:
    st = styles()
    note = data.note
    title = KIND_TITLES[note.kind] + ("" if note.is_signed else " (DRAFT)")
    story: list[Flowable] = [para(title, st.title)]
    if data.practice_name:
        story.append(para(data.practice_name, st.small))
    story += [Spacer(1, 4), facts_table(_rows(data), st), Spacer(1, 8)]
    for section in note.sections:
        story.append(para(section.heading, st.heading))
        story += paragraphs(section.text or "(empty)", st.body)
    story.append(Spacer(1, 10))
    story += signature_block(note, st, data.timezone_name, data.key_fingerprint)
    story += addenda_story(data.addenda, st, data.timezone_name)
    return story


def render_document_pdf(target: Path, data: DocumentPdfData) -> None:
    """Write the document's PDF atomically to ``target``."""
    client = data.client
    title = KIND_TITLES[data.note.kind]
    decor = PageDecor(
        header=[f"{client.legal_name} · DOB {dob_text(client)}",
                f"{title} {date_text(data.day)}"],
        watermark="" if data.note.is_signed else "DRAFT",
        footer="Confidential health information",
        title=title,
    )
    render_pdf(target, document_story(data), decor)
