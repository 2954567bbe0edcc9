"""The structured session prompt as the drafting pipeline receives it."""

from __future__ import annotations

from dataclasses import dataclass, field

from models.note import NoteFormat


@dataclass
class SessionInfo:
    date: str = ""  # ISO date of service
    start: str = ""  # "HH:MM"
    minutes: int | None = None
    modality: str = ""
    service: str = ""
    approach: str = ""


@dataclass
class SessionFacts:
    """What the therapist said about one session. Any prompt may be missing or empty."""

    format: NoteFormat = NoteFormat.SOAP
    session: SessionInfo = field(default_factory=SessionInfo)
    client_name: str = ""
    client_pronouns: str = ""
    prompts: dict[str, str] = field(default_factory=dict)  # keys from models.note.PROMPT_FIELDS

    def prompt(self, name: str) -> str:
        return (self.prompts.get(name) or "").strip()

    def filled_prompts(self) -> dict[str, str]:
        return {k: v.strip() for k, v in self.prompts.items() if v and v.strip()}
