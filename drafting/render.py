"""Deterministic third-person rendering of the therapist's own words.

The input is split into atomic facts (one clause of shorthand each) and every fact becomes one
sentence with a fixed frame ("The client reported ...", "The therapist used ..."). The fact's
words are kept verbatim, so this rendering is always faithful; the model may only rephrase it.
Risk and mental-status facts are never given to the model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafting import lexicon as lx
from drafting.formats import SESSION, section_fields
from models.session_facts import SessionFacts

# A fact longer than this is kept in the therapist's words: the model would only slow down.
MAX_REPHRASE_CHARS = 240
DETERMINISTIC_FIELDS = frozenset({"risk", "mental_status", SESSION})

_SPLIT_RE = re.compile(r"[;\n\r]+|(?<=[A-Za-z0-9)%][.!?])\s+(?=[A-Za-z])")
# A period after these does not end a sentence ("Dr. Lee", "e.g. walks").
_ABBREVIATIONS = frozenset({"dr", "mr", "mrs", "ms", "st", "vs", "e.g", "i.e", "approx",
                            "jr", "sr", "prof", "mt", "dept", "a.m", "p.m"})
_BULLET_RE = re.compile(r"^\s*(?:[-*•·–]+|\(?[0-9]{1,2}[.)]\s)\s*")
_CLIENT_RE = re.compile(r"^(?:the\s+)?(?:client|patient|pt|cl)\b(?!['’])\s*[:,-]?\s*",
                        re.IGNORECASE)
_QUOTE_RE = re.compile(r"[\"“”„«»]")
_FIRST_PERSON_RE = re.compile(r"^(?:(I|I've)|(we|we've))\s+(?=[a-z])", re.IGNORECASE)
_NOT_ASSESSED_RE = re.compile(
    r"\bnot\s+(?:\w+\s+)?(?:assessed|evaluated|screened|asked|addressed|explored|reviewed)\b",
    re.IGNORECASE)
_RISK_LEAD_RE = re.compile(r"^(?:risk(?:\s+assessment)?|safety)\s*[:,-]?\s*(?=not\b)",
                           re.IGNORECASE)


@dataclass
class Fact:
    """One atomic fact from one prompt field, with its deterministic sentence."""

    field: str
    text: str  # the therapist's words, verbatim but for surrounding punctuation
    sentence: str  # the deterministic rendering
    rephrase: bool  # may the model rephrase it?


def split_facts(text: str) -> list[str]:
    """Split shorthand into atomic facts at semicolons, line breaks and sentence ends."""
    facts = []
    for part in _rejoin_abbreviations(_SPLIT_RE.split(text)):
        part = _BULLET_RE.sub("", part).strip().strip(" ,;:").rstrip(".!?").strip()
        if part and any(ch.isalnum() for ch in part):
            facts.append(part)
    return facts


def _rejoin_abbreviations(parts: list[str]) -> list[str]:
    joined: list[str] = []
    for part in parts:
        if joined and _ends_with_abbreviation(joined[-1]) and not joined[-1].endswith("\n"):
            joined[-1] = f"{joined[-1]} {part}"
        else:
            joined.append(part)
    return joined


def _ends_with_abbreviation(part: str) -> bool:
    match = re.search(r"([A-Za-z.]+)\.$", part.strip())
    return match is not None and match.group(1).lower() in _ABBREVIATIONS


def _lower_first(text: str) -> str:
    """Lowercase a sentence-initial capital, but keep acronyms, names of days and months."""
    first = text.split(" ", 1)[0]
    word = re.sub(r"[^A-Za-z]", "", first)
    if (len(word) > 1 and word[0].isupper() and word[1:].islower()
            and word.lower() not in lx.WEEKDAYS_MONTHS):
        return text[0].lower() + text[1:]
    return text


def _sentence(text: str) -> str:
    text = text.strip()
    text = text[0].upper() + text[1:]
    return text.rstrip(" .!?;:,") + "."


def _first_words(fact: str) -> list[str]:
    return lx.words(fact)[:2]


def _starts_with_verb(fact: str, verbs: frozenset[str]) -> bool:
    first = _first_words(fact)
    return bool(first) and first[0] in verbs


def _person_subject(fact: str) -> bool:
    first = _first_words(fact)
    return (len(first) == 2 and first[0] in lx.PERSON_NOUNS
            and (first[1] in lx.PAST_VERBS or first[1] in lx.PRESENT_VERBS
                 or first[1].endswith("ed")))


_STATE_ENDINGS = ("ive", "ful", "ous", "ent", "ant", "able", "ible", "al", "ic")


def _is_state(fact: str) -> bool:
    """'engaged', 'tearful at times', 'calm and guarded': how the client was."""
    ws = [w for w in lx.words(fact) if w != "and"]
    if not ws or ws[0] in lx.PAST_VERBS | lx.PRESENT_VERBS:
        return len(ws) == 1 and ws[0].endswith("ed")  # 'engaged' alone, not 'engaged in'
    return ws[0] in lx.STATE_WORDS or (ws[0].endswith(_STATE_ENDINGS) and len(ws[0]) > 4
                                       and not ws[0].endswith("ment"))


def _client_clause(fact: str, default_verb: str, seen_in_session: bool = False) -> str:
    """A sentence with the client as subject, keeping the fact's own verb when it has one.

    A fact about someone else ("father apologized for yelling") keeps its own subject inside
    a frame, so every sentence of a note is about the client or the therapist.
    """
    rest = _CLIENT_RE.sub("", fact, count=1)
    if rest != fact and rest:
        return _sentence("The client " + _lower_first(rest))
    if _first_words(fact) and _first_words(fact)[0] in lx.PRONOUN_SUBJECTS:
        return _sentence(fact)
    if _person_subject(fact):
        verb = "observed" if seen_in_session else "noted"
        return _sentence(f"The therapist {verb} that the " + _lower_first(fact))
    if _is_state(fact):
        return _sentence("The client was " + _lower_first(fact))
    if _starts_with_verb(fact, lx.PAST_VERBS | lx.PRESENT_VERBS):
        return _sentence("The client " + _lower_first(fact))
    return _sentence(f"The client {default_verb} " + _lower_first(fact))


def render_fact(field: str, fact: str) -> str:
    """The deterministic sentence for one fact of one prompt field."""
    first_person = _FIRST_PERSON_RE.match(fact)
    if first_person:
        # The therapist wrote about themself ("I taught ...", "we practiced ..."): a note is in
        # the third person, so only the subject changes.
        subject = "The therapist" if first_person.group(1) else "The therapist and client"
        return _sentence(f"{subject} " + fact[first_person.end():])
    possessive = re.match(r"^(?:the\s+)?(client['’]s\b.*)", fact, re.IGNORECASE | re.DOTALL)
    if possessive:  # "client's mother called" has its own subject
        return _sentence("The " + _lower_first(possessive.group(1)))
    low = _lower_first(fact)
    if field == "risk":
        return render_risk(fact)
    if field == "mental_status":
        return _sentence("The therapist observed the following mental status: "
                         + _lower_first(fact))
    if field == "interventions":
        if _starts_with_verb(fact, lx.PAST_VERBS | lx.PRESENT_VERBS):
            return _sentence("The therapist " + low)
        return _sentence("The therapist used " + low)
    if field == "goals":
        joiner = "to" if _starts_with_verb(fact, lx.BASE_VERBS) else "of"
        return _sentence(f"The therapist and client addressed the goal {joiner} " + low)
    if field == "plan":
        if _starts_with_verb(fact, lx.BASE_VERBS) and not _CLIENT_RE.match(fact):
            return _sentence("The client will " + low)
        if _CLIENT_RE.match(fact) or _person_subject(fact):
            return _client_clause(fact, "will")
        return _sentence("The therapist and client planned " + low)
    if field == "progress":
        if (_CLIENT_RE.match(fact) or _person_subject(fact)
                or _starts_with_verb(fact, lx.PAST_VERBS | lx.PRESENT_VERBS)):
            return _client_clause(fact, "reported")
        return _sentence("The therapist noted the following progress: " + low)
    # presenting_concerns, client_response
    return _client_clause(fact, "reported", seen_in_session=field == "client_response")


def render_risk(fact: str) -> str:
    """Risk is never paraphrased: 'not assessed' stays 'not assessed', a denial stays a denial."""
    if _NOT_ASSESSED_RE.search(fact):
        rest = _RISK_LEAD_RE.sub("", fact, count=1)
        if rest.lower().startswith("not "):
            return _sentence("The therapist noted that risk was " + rest)
        return _sentence("The therapist noted the following about risk: " + _lower_first(fact))
    rest = _CLIENT_RE.sub("", fact, count=1)
    if rest and _starts_with_verb(rest, lx.PAST_VERBS | lx.PRESENT_VERBS):
        return _sentence("The client " + _lower_first(rest))
    return _sentence("The therapist documented the following about risk: " + _lower_first(fact))


RISK_NOT_RECORDED = "The therapist did not record a risk assessment for this session."
EMPTY_SECTION = "The therapist did not record information for this section."


def render_session(facts: SessionFacts) -> str:
    """One sentence about the appointment, without numbers (times belong to the header)."""
    info = facts.session
    service = info.service.strip().lower()
    parts = ["The therapist met with the client for"]
    if service:
        article = "an" if service[0] in "aeiou" else "a"
        parts.append(f"{article} {info.service.strip()} session")
    else:
        parts.append("a session")
    modality = info.modality.strip().lower()
    if modality in ("office", "in person", "in-person", "clinic"):
        parts.append("in the office")
    elif modality:
        parts.append(f"via {info.modality.strip()}")
    if info.approach.strip():
        parts.append("using " + _lower_first(info.approach.strip()))
    if not service and not modality and not info.approach.strip():
        return ""
    return _sentence(" ".join(parts))


def field_facts(field: str, text: str) -> list[Fact]:
    parts = split_facts(text)
    if field == "mental_status" and parts:
        parts = ["; ".join(parts)]  # one observation sentence, in the therapist's words
    facts = []
    for fact in parts:
        sentence = render_fact(field, fact)
        # Quotations are the client's own words: they stay exactly as written.
        rephrase = (field not in DETERMINISTIC_FIELDS and not lx.mentions_risk(fact)
                    and len(fact) <= MAX_REPHRASE_CHARS and not _QUOTE_RE.search(fact))
        facts.append(Fact(field=field, text=fact, sentence=sentence, rephrase=rephrase))
    return facts


def plan_sections(facts: SessionFacts) -> dict[str, list[Fact]]:
    """Heading -> the facts under it, in the format's order; risk always gets a sentence."""
    plan: dict[str, list[Fact]] = {}
    for heading, fields in section_fields(facts.format).items():
        items: list[Fact] = []
        for name in fields:
            if name == SESSION:
                line = render_session(facts)
                if line:
                    items.append(Fact(SESSION, "", line, rephrase=False))
                continue
            text = facts.prompt(name)
            if text:
                items.extend(field_facts(name, text))
            elif name == "risk":
                items.append(Fact("risk", "", RISK_NOT_RECORDED, rephrase=False))
        plan[heading] = items
    return plan
