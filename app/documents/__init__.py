"""Clinical documents: the episode's intake assessment, treatment plans and discharge summary,
and every note as a PDF.

One module per document (``intake``, ``plans``, ``discharge``), the path all three share from
prompt to signature (``workflow``), and ``export`` (any note, of any kind, as PDF). Drafting
is the notes' own (app.notes.drafting): a document is drafted by the same pipeline.
"""

from app.documents.export import export_note_pdf

__all__ = ["export_note_pdf"]
