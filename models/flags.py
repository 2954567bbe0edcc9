"""What a draft asks the therapist to look at before signing: a kind and one plain sentence.

Defined here, not in drafting/, because models/ (completeness), app/ (the note workflow) and
ui/ (the review panel) all reason about flags; they compare kinds, never strings.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum


class FlagKind(StrEnum):
    UNGROUNDED = "ungrounded"  # a sentence the session facts do not support
    LOST_FACT = "lost_fact"  # a fact of the session the draft no longer holds
    RISK_NOT_ASSESSED = "risk_not_assessed"
    EMPTY_FIELD = "empty_field"  # a field the format needs was left empty
    NO_IMPRESSION = "no_impression"  # no clinical impression was entered for the assessment
    NO_MODEL = "no_model"
    FIELD_TRUNCATED = "field_truncated"
    CANCELLED = "cancelled"


# Kinds that only tell what happened (no model was used, drafting was cancelled): shown, but
# nothing to fix or acknowledge, so they never hold up signing.
INFORMATIONAL: frozenset[FlagKind] = frozenset({FlagKind.NO_MODEL, FlagKind.CANCELLED})


def needs_attention(kind: FlagKind) -> bool:
    """Whether a flag of this kind asks the therapist to check or fix something."""
    return kind not in INFORMATIONAL


@dataclass(frozen=True)
class Flag:
    """Something the therapist should look at before signing; ``message`` is one plain sentence."""

    kind: FlagKind
    section: str | None
    message: str
    text: str = ""  # the sentence or fact concerned
    acknowledged: bool = False

    def acknowledge(self) -> Flag:
        return replace(self, acknowledged=True)

    def to_dict(self) -> dict[str, object]:
        data: dict[str, object] = {"kind": str(self.kind), "section": self.section,
                                   "message": self.message, "text": self.text}
        if self.acknowledged:
            data["acknowledged"] = True
        return data

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> Flag:
        """A flag as stored with a note; ValueError for a kind this version does not know."""
        section = data.get("section")
        return cls(kind=FlagKind(str(data.get("kind", ""))),
                   section=section if isinstance(section, str) else None,
                   message=str(data.get("message", "")), text=str(data.get("text", "")),
                   acknowledged=bool(data.get("acknowledged", False)))
