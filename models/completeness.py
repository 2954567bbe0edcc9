"""What a progress note still lacks before it can be signed, and the risk rules.

Pure rules over the note, its appointment and its client. The app layer decides where the
effective service code and location come from (an appointment may leave the CPT code to the
suggestion, an office session may take the practice address) and passes them in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from models.appointment import Appointment
from models.client import Client
from models.errors import NOTE_LOCKED
from models.flags import Flag, FlagKind, needs_attention
from models.measures.safety import PositiveScreen
from models.note import PROMPT_LABELS, Note

# Words in any prompt that oblige a documented risk assessment before signing.
_RISK_TOPIC = re.compile(
    r"suicid\w*|self[- ]?harm\w*|self[- ]?injur\w*|harm\w*\s+(?:to\s+)?others|homicid\w*"
    r"|abus\w*",
    re.IGNORECASE,
)

# Risk-field words that, when not denied, mean the note recorded elevated risk.
_ELEVATED = re.compile(
    r"\b(?:ideation|intent|plan|self[- ]?harm\w*|cutting|suicidal|homicidal|si|hi"
    r"|safety[- ]plan\w*)\b",
    re.IGNORECASE,
)
# A denial reaches forward to the end of its clause ("denies SI, HI, plan or intent").
_DENIAL = re.compile(
    r"\b(?:den(?:y|ies|ied|ying)|no|not|none|negative\s+for|without|nor|absent|ruled\s+out)\b",
    re.IGNORECASE,
)
# Where a denial stops: sentence ends, semicolons, and words that start a new statement.
_CLAUSE_BREAK = re.compile(
    r"[.;:!?\n]|\bbut\b|\bhowever\b|\bendors\w*|\breport\w*|\badmit\w*|\backnowledg\w*"
    r"|\bdisclos\w*|\bdescrib\w*|\bexpress\w*",
    re.IGNORECASE,
)

# Flag kinds that go away on their own once the note shows the problem is fixed.
SELF_RESOLVING = (FlagKind.LOST_FACT, FlagKind.UNGROUNDED, FlagKind.RISK_NOT_ASSESSED,
                  FlagKind.EMPTY_FIELD, FlagKind.NO_IMPRESSION)
IMPRESSION_FIELD = "impression"  # the prompt field a NO_IMPRESSION flag asks for


@dataclass(frozen=True)
class Gap:
    """One thing the note lacks: a stable key for code, a plain sentence for the therapist."""

    key: str
    message: str


@dataclass(frozen=True)
class Completeness:
    gaps: tuple[Gap, ...] = ()
    # A prompt mentions suicide, self-harm, harm to others or abuse while risk is empty.
    risk_required: bool = False
    risk_terms: tuple[str, ...] = field(default=())

    @property
    def complete(self) -> bool:
        return not self.gaps

    def gap_keys(self) -> list[str]:
        return [g.key for g in self.gaps]

    def messages(self) -> list[str]:
        return [g.message for g in self.gaps]


def risk_mentions(prompts: Mapping[str, str], exclude: Iterable[str] = ("risk",)) -> list[str]:
    """The risk topics mentioned in any prompt other than the risk field itself, in order."""
    skip = set(exclude)
    found: list[str] = []
    for name, text in prompts.items():
        if name in skip or not text:
            continue
        for match in _RISK_TOPIC.finditer(text):
            term = match.group(0).lower()
            if term not in found:
                found.append(term)
    return found


def _filled(note: Note, name: str) -> bool:
    return bool((note.prompts.get(name) or "").strip())


def screen_addressed(risk_text: str, screens: Sequence[PositiveScreen]) -> bool:
    """Whether the risk assessment follows up the positive screens: it records elevated risk,
    or names the screen (its instrument or item, e.g. "PHQ-9 item 9 endorsed; ...").

    A bare "denies SI" does not: beside a positive item 9 it would leave the number silent.
    """
    if recorded_elevated_risk(risk_text):
        return True
    text = risk_text.lower()
    return all(any(word.lower() in text for word in s.keywords) for s in screens)


def _screen_gap(note: Note, screens: Sequence[PositiveScreen]) -> Gap | None:
    if not screens or screen_addressed(note.prompts.get("risk") or "", screens):
        return None
    said = "; ".join(s.sentence() for s in screens)
    return Gap("risk", f"{said}: record in the risk assessment how you followed this up "
                       "(name the screen, or the risk you found) before signing.")


def check_note(
    note: Note,
    appointment: Appointment,
    client: Client,
    *,
    service_code: str | None = None,
    location: str | None = None,
    screens: Sequence[PositiveScreen] = (),
) -> Completeness:
    """Every gap that keeps ``note`` from being signable, in the order of the form.

    ``screens`` are the session's positive risk screens (PHQ-9 item 9, C-SSRS): the risk
    assessment must address them, and "not assessed" cannot.
    """
    gaps: list[Gap] = []
    if appointment.start is None:  # defensive: stored appointments always have a start
        gaps.append(Gap("date", "The date of service is missing."))
    if appointment.minutes <= 0:
        gaps.append(Gap("duration", "The session's start time and duration are missing."))
    place = appointment.location if location is None else location
    if not str(appointment.modality):
        gaps.append(Gap("modality", "The session's modality (office or telehealth) is missing."))
    if not place.strip():
        gaps.append(Gap("location", "Where the session took place is missing."))
    code = appointment.cpt_code if service_code is None else service_code
    if not code.strip():
        gaps.append(Gap("service_code", "The service code (CPT) is missing."))
    if client.primary_diagnosis is None:
        gaps.append(Gap("diagnosis", "The client has no diagnosis on file."))
    if not _filled(note, "interventions"):
        gaps.append(Gap("interventions", "The interventions you used are missing."))
    if not _filled(note, "client_response"):
        gaps.append(Gap("response", "The client's response is missing."))
    terms = risk_mentions(note.prompts)
    risk_required = bool(terms) and not _filled(note, "risk")
    screen_gap = _screen_gap(note, screens)
    if screen_gap is not None:
        gaps.append(screen_gap)
    if risk_required:
        gaps.append(Gap(
            "risk",
            f"A prompt mentions {', '.join(terms)}: record the risk assessment before signing.",
        ))
    elif not _filled(note, "risk") and not note.risk_not_assessed and screen_gap is None:
        gaps.append(Gap("risk", "Record the risk assessment or mark it as not assessed."))
    if not _filled(note, "plan"):
        gaps.append(Gap("plan", "The plan is missing."))
    return Completeness(tuple(gaps), risk_required, tuple(terms))


def _normal(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def flag_resolved(flag: Flag, note: Note) -> bool:
    """Whether a verifier flag no longer applies because the note was edited to fix it."""
    text = _normal(flag.text)
    body = _normal(note.body_text())
    if flag.kind is FlagKind.LOST_FACT:
        return bool(text) and text in body
    if flag.kind is FlagKind.UNGROUNDED:
        return bool(text) and text not in body
    if flag.kind is FlagKind.RISK_NOT_ASSESSED:
        return _filled(note, "risk") or note.risk_not_assessed
    if flag.kind is FlagKind.NO_IMPRESSION:
        # an impression entered in the prompt; one written into the note by hand is
        # acknowledged with the flag
        return _filled(note, IMPRESSION_FIELD)
    if flag.kind is FlagKind.EMPTY_FIELD:  # its text is the field's label ("Plan")
        names = [name for name, label in PROMPT_LABELS.items() if label == flag.text]
        return bool(names) and all(_filled(note, name) for name in names)
    return False


def open_flags(note: Note) -> list[Flag]:
    """Flags that need the therapist: neither acknowledged, nor resolved by an edit, nor only
    informational (no model was used, drafting was cancelled)."""
    return [f for f in note.flags if needs_attention(f.kind) and not f.acknowledged
            and not flag_resolved(f, note)]


def recorded_elevated_risk(risk_text: str) -> bool:
    """Whether risk text records ideation, plan, intent, self-harm or a safety plan not denied.

    "Denies SI, HI, plan or intent" is a denial; "passive SI without plan or intent" is not,
    because the SI itself is affirmed; "safety plan reviewed" records elevated risk.
    """
    for match in _ELEVATED.finditer(risk_text):
        start = 0
        for brk in _CLAUSE_BREAK.finditer(risk_text, 0, match.start()):
            start = brk.end()
        before = risk_text[start:match.start()]
        if not _DENIAL.search(before):
            return True
    return False


def signing_blockers(
    note: Note,
    appointment: Appointment,
    client: Client,
    *,
    service_code: str | None = None,
    location: str | None = None,
    screens: Sequence[PositiveScreen] = (),
) -> list[str]:
    """Plain sentences, one per reason the note cannot be signed yet; empty means signable."""
    reasons: list[str] = []
    if note.is_signed:
        return [NOTE_LOCKED]
    if not note.sections or not any(s.text.strip() for s in note.sections):
        reasons.append("The note has no text yet: draft or write it first.")
    result = check_note(note, appointment, client, service_code=service_code, location=location,
                        screens=screens)
    # The risk rule goes first: it is the one a reviewer must never miss.
    reasons.extend(g.message for g in result.gaps if g.key == "risk")
    reasons.extend(g.message for g in result.gaps if g.key != "risk")
    pending = open_flags(note)
    if pending:
        reasons.append(
            "1 flagged item needs to be fixed or acknowledged before signing."
            if len(pending) == 1 else
            f"{len(pending)} flagged items need to be fixed or acknowledged before signing."
        )
    return reasons
