"""The intake's first line: "Client was seen for a 60-minute diagnostic evaluation in the office
on November 17, 2026." Built from the appointment alone, as a progress note's session line is
(drafting/session_line.py); a value that cannot be read is left out, not guessed."""

from __future__ import annotations

from drafting.clause_types import Actor, Clause, Shape
from drafting.phrases import article_for
from drafting.sentence import Sentence
from drafting.session_line import _modality, format_date
from drafting.voice import Voice
from models.session_facts import SessionInfo

FRAME = "diagnostic evaluation"


def intake_line(info: SessionInfo, voice: Voice, date_style: str = "long") -> Sentence:
    """The line, and (as its one clause) the frame words it may use beyond the appointment's."""
    service = info.service.strip().lower()
    if voice.unit:
        subject, verb = voice.client_subject(), "was"
    elif service in ("couple", "couples"):
        subject, verb = f"{voice.client} and partner", "were"
    elif service == "family":
        subject, verb = f"{voice.client} and family", "were"
    else:
        subject, verb = voice.client, "was"
    length = f"{info.minutes}-minute " if info.minutes else ""
    head = f"{length}{FRAME}"
    modality = _modality(info.modality)
    when = format_date(info.date, date_style)
    place = (f" {modality}" if modality else "") + (f" on {when}" if when else "")
    frame = Clause("session", "", Shape.NOUN, Actor.NONE, frame=FRAME)
    return Sentence([f"{subject} {verb} seen for {article_for(head)} {head}{place}"], [frame],
                    fixed=True)
