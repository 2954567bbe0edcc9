"""What each kind of flag asks the therapist, in plain words: the first thing the review panel
says about a flag, before the detail the verifier gave."""

from __future__ import annotations

from models.flags import Flag, FlagKind

ADVICE: dict[FlagKind, str] = {
    FlagKind.UNGROUNDED: "Check this sentence: your notes for the session do not say it",
    FlagKind.LOST_FACT: "Put this back in: you wrote it, but the draft left it out",
    FlagKind.RISK_NOT_ASSESSED: "Record the risk assessment, or mark it as not assessed",
    FlagKind.EMPTY_FIELD: "Fill this in, or leave it out on purpose",
    FlagKind.NO_IMPRESSION: "Add your clinical impression",
    FlagKind.FIELD_TRUNCATED: "Check the shortened answer: only its beginning was used",
    FlagKind.NO_MODEL: "Written from your own words: no language model was used",
    FlagKind.CANCELLED: "Drafting stopped early: the rest is in your own words",
}


def advice(flag: Flag) -> str:
    """The plain sentence for ``flag`` ("Fill in Plan" names the field when it can)."""
    if flag.kind is FlagKind.EMPTY_FIELD and flag.text:
        return f"Fill in {flag.text}, or leave it out on purpose"
    return ADVICE.get(flag.kind, "Check this before signing")
