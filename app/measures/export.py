"""The measures PDF of a client (table and chart per measure, for a letter to a psychiatrist or
a payer), and the same blocks for a note's PDF. An explicit export, audited by id only."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from app.calendar.schedule import today_in_practice
from app.measures.catalog import instruments
from app.measures.charts import chart_for, session_days
from app.measures.entry import ScoredResponse, measures_of_client, session_responses
from app.pdf.measures_pdf import ChartImage, MeasureBlock, MeasuresPdfData, render_measures_pdf
from models.appointment import Appointment
from models.common import date_text
from models.measures.change import direction_word
from models.measures.instrument import Instrument
from models.measures.scoring import Score

if TYPE_CHECKING:
    from storage.vault import Vault


def _answers(given: ScoredResponse) -> str:
    answers = given.response.answers
    return " ".join(f"{k}:{answers[k]}" if k in answers else f"{k}:—"
                    for k in given.score.asked)


def _clusters(score: Score) -> str:
    parts = [f"{s.key} {s.score if s.score is not None else '—'}" for s in score.subscales]
    rule = f"; DSM-5 rule {score.cluster_rule}" if score.cluster_rule else ""
    return " · ".join(parts) + rule


def _rows(measure: Instrument,
          history: list[ScoredResponse]) -> tuple[tuple[str, ...], list[tuple[str, ...]]]:
    """The table of one measure, oldest first."""
    if measure.method == "levels":
        header = ("Date", "Result", "Yes to", "Answers", "Entered by")
        return header, [(date_text(g.response.taken_on), g.total_text,
                         ", ".join(s.item for s in g.screens) or "—", _answers(g),
                         g.response.source.value) for g in history]
    clusters = bool(measure.subscales)
    rows: list[tuple[str, ...]] = []
    previous: int | None = None
    for g in history:
        total = g.score.total
        change = "—"
        if total is not None and previous is not None:
            moved = direction_word(previous, total)
            change = moved if moved == "unchanged" else f"{moved} {abs(total - previous)}"
        cells = [date_text(g.response.taken_on), g.total_text,
                 *([_clusters(g.score)] if clusters else []), change, _answers(g),
                 g.response.source.value]
        rows.append(tuple(cells))
        previous = total if total is not None else previous
    header = ("Date", "Total", *(("Clusters",) if clusters else ()), "Change", "Answers",
              "Entered by")
    return header, rows


def _block(vault: Vault, client_id: int, measure: Instrument, history: list[ScoredResponse],
           sessions: list[date]) -> MeasureBlock:
    header, rows = _rows(measure, history)
    chart = chart_for(vault, client_id, measure.key, sessions)
    notes = [f"Positive risk item: {s.sentence()}." for g in history for s in g.screens]
    if any(not g.score.complete for g in history):
        notes.append(measure.missing_rule)
    return MeasureBlock(title=f"{measure.name} — {measure.title}", chart=chart, header=header,
                        rows=rows, attribution=measure.attribution, notes=notes)


def measure_blocks(vault: Vault, client_id: int,
                   only: set[str] | None = None) -> list[MeasureBlock]:
    """A block per measure the client has (of ``only`` if given), in the catalog's order."""
    history = list(reversed(measures_of_client(vault, client_id)))  # oldest first
    sessions = session_days(vault, client_id)
    blocks = []
    for measure in instruments():
        own = [g for g in history if g.instrument.key == measure.key]
        if own and (only is None or measure.key in only):
            blocks.append(_block(vault, client_id, measure, own, sessions))
    return blocks


def session_blocks(vault: Vault, appointment: Appointment) -> list[MeasureBlock]:
    """The courses of the measures given at this session (for the note's PDF)."""
    given = {g.instrument.key for g in session_responses(vault, appointment)}
    return measure_blocks(vault, appointment.client_id, given) if given else []


def export_measures_pdf(vault: Vault, client_id: int, out: Path,
                        chart_png: ChartImage | None) -> Path:
    """Write the client's measures (a table and a chart per measure) to ``out``."""
    client = vault.clients.get(client_id)
    practice = vault.practice.get()
    data = MeasuresPdfData(
        client_name=client.legal_name,
        date_of_birth=date_text(client.date_of_birth) if client.date_of_birth else "not recorded",
        practice_name=practice.practice_name, blocks=measure_blocks(vault, client_id),
        printed_on=date_text(today_in_practice(vault)))
    render_measures_pdf(Path(out), data, chart_png)
    vault.audit.record("export", "client", client_id, "measures pdf")
    return Path(out)
