"""The values the drafting pipeline hands back (the DRAFTING CONTRACT in coord/CONTEXT.md)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from models.flags import Flag, FlagKind
from models.note import NoteFormat, NoteSection

__all__ = ["Draft", "DraftProgress", "Flag", "FlagKind", "ModelInfo", "Timings"]

@dataclass
class DraftProgress:
    section: str
    text: str  # the section's text so far (the sentence being written is provisional)
    sections_done: int
    sections_total: int


@dataclass
class ModelInfo:
    name: str
    path: Path
    size_bytes: int
    sha256: str

    def to_dict(self) -> dict[str, object]:
        return {"name": self.name, "path": str(self.path), "size_bytes": self.size_bytes,
                "sha256": self.sha256}


@dataclass
class Timings:
    load_s: float = 0.0
    first_token_s: float | None = None  # None when the model wrote nothing
    total_s: float = 0.0
    generated_tokens: int = 0
    evaluated_tokens: int = 0  # tokens the model read to rank the choices

    def to_dict(self) -> dict[str, object]:
        return {"load_s": round(self.load_s, 3),
                "first_token_s": None if self.first_token_s is None
                else round(self.first_token_s, 3),
                "total_s": round(self.total_s, 3),
                "generated_tokens": self.generated_tokens,
                "evaluated_tokens": self.evaluated_tokens}


@dataclass
class Draft:
    format: NoteFormat
    sections: list[NoteSection]
    flags: list[Flag] = field(default_factory=list)
    model: ModelInfo | None = None
    timings: Timings = field(default_factory=Timings)
    cancelled: bool = False
    # How many of the draft's choices the model decided (see drafting/ranker.py).
    choices: dict[str, int] = field(default_factory=dict)
    writer: str = "ranked"  # "ranked", or "model" where a larger model's own text was kept

    def text(self) -> str:
        return "\n\n".join(f"{s.heading}\n{s.text}" for s in self.sections)

    def to_json(self) -> dict[str, object]:
        """The shape `stillnote draft --json` prints."""
        return {
            "format": str(self.format),
            "sections": [{"heading": s.heading, "text": s.text} for s in self.sections],
            "flags": [f.to_dict() for f in self.flags],
            "model": self.model.to_dict() if self.model else None,
            "timings": self.timings.to_dict(),
            "cancelled": self.cancelled,
            "choices": dict(self.choices),
        }
