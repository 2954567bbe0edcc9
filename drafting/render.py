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
from drafting import shapes as sh
from drafting.formats import SESSION, section_fields
from models.session_facts import SessionFacts

# A fact longer than this is kept in the therapist's words: the model would only slow down.
MAX_REPHRASE_CHARS = 240
DETERMINISTIC_FIELDS = frozenset({"risk", "mental_status", SESSION})

_SPLIT_RE = re.compile(r"[;\n\r]+|(?<=[A-Za-z0-9)%\"”][.!?])\s+(?=[A-Za-z])"
                       r"|(?<=[.!?][\"”])\s+(?=[A-Za-z])")
# "1) reviewed homework 2) taught grounding" or "1. Reduce ... 2. Improve ...": one list.
_INLINE_LIST_RE = re.compile(r"^\s*\(?1[.)]\s")
_INLINE_ITEM_RE = re.compile(r"(?:^\s*|\s+)\(?\d{1,2}[.)]\s+(?=[A-Za-z])")
_THERAPIST_RE = re.compile(
    r"^(?:the\s+)?(?:therapist|clinician|this\s+writer|writer)\b\s*[:,-]?\s*", re.IGNORECASE)
# A period after these does not end a sentence ("Dr. Lee", "e.g. walks").
_ABBREVIATIONS = frozenset({"dr", "mr", "mrs", "ms", "st", "vs", "e.g", "i.e", "approx",
                            "jr", "sr", "prof", "mt", "dept", "a.m", "p.m"})
_BULLET_RE = re.compile(r"^\s*(?:[-*•·–]+|\(?[0-9]{1,2}[.)]\s)\s*")
_CLIENT_RE = re.compile(r"^(?:the\s+)?(?:client|patient|pt|clt|cl)\b(?!['’])\s*[:,-]?\s*",
                        re.IGNORECASE)
_CLIENT_POSSESSIVE_RE = re.compile(r"^(?:the\s+)?(?:client|patient|pt|clt|cl)['’]s\s+(?=\w)",
                                   re.IGNORECASE)
# "Goal 1: ...", "tx plan goal #2 - ...": a numbered goal keeps its label.
_GOAL_LABEL_RE = re.compile(
    r"^(?:tx\s+plan\s+|treatment\s+)?goal\s*#?\s*(?:\d{1,2}|[A-Za-z])\s*[:.)-]\s+", re.IGNORECASE)
_GOAL_LEAD_RE = re.compile(r"^goals?\s*[:-]\s*", re.IGNORECASE)
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
    if _INLINE_LIST_RE.match(text):
        text = _INLINE_ITEM_RE.sub("\n", text)
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


_NOTHING_RE = re.compile(r"^(?:n/?a|none|nil|not applicable|-+)$", re.IGNORECASE)
_TITLES = frozenset({"dr", "mr", "mrs", "ms", "prof"})


def _lower_first(text: str) -> str:
    """Lowercase a sentence-initial capital, but keep acronyms, names of days and months."""
    first, _, rest = text.partition(" ")
    word = re.sub(r"[^A-Za-z]", "", first)
    following = re.sub(r"[^A-Za-z]", "", rest.split(" ", 1)[0])
    if len(following) > 1 and following[0].isupper() and following[1:].islower():
        return text  # "Sound Relationship House", "Gottman Method": a name
    if (len(word) > 1 and word[0].isupper() and word[1:].islower()
            and word.lower() not in lx.WEEKDAYS_MONTHS and word.lower() not in _TITLES):
        return text[0].lower() + text[1:]
    return text


def _sentence(text: str) -> str:
    text = re.sub(r"\.([\"”’])$", r"\1", text.strip())  # 'said "I feel stuck."' ends once
    text = text[0].upper() + text[1:]
    return text.rstrip(" .!?;:,") + "."


def _client_clause(fact: str, default_verb: str, seen_in_session: bool = False) -> str:
    """A sentence with the client as subject, keeping the fact's own verb when it has one.

    A fact about someone else ("father apologized for yelling") keeps its own subject inside
    a frame, so every sentence of a note is about the client or the therapist.
    """
    rest = _CLIENT_RE.sub("", fact, count=1)
    if rest != fact and rest:
        if default_verb == "will" and rest.lower().startswith("to "):
            return _sentence("The client will " + rest[3:])  # "pt to return in 2 weeks"
        if sh.is_state(rest):
            return _sentence("The client was " + _lower_first(rest))
        if sh.verb_first(rest) or re.match(r"(?:will|to|can|could|would|should|may|might|must)\b",
                                          rest, re.IGNORECASE):
            return _sentence("The client " + _lower_first(rest))
        return _sentence(f"The client {_framing_verb(default_verb)} " + _lower_first(rest))
    if sh.first_words(fact) and sh.first_words(fact)[0] in lx.PRONOUN_SUBJECTS:
        return _sentence(fact)
    if sh.person_subject(fact):
        verb = "observed" if seen_in_session else "noted"
        article = "" if sh.first_words(fact)[0] in sh.NO_ARTICLE else "the "
        return _sentence(f"The therapist {verb} that {article}" + _lower_first(fact))
    if sh.is_state(fact):
        return _sentence("The client was " + _lower_first(fact))
    if sh.verb_first(fact):
        return _sentence("The client " + _lower_first(fact))
    if default_verb != "will" and sh.is_clause(fact):
        return _sentence(f"The client {default_verb} that " + _lower_first(fact))
    return _sentence(f"The client {_framing_verb(default_verb)} " + _lower_first(fact))


def _framing_verb(default_verb: str) -> str:
    # "The client will" needs a verb after it; a plan without one is something planned.
    return "planned" if default_verb == "will" else default_verb


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
    shorthand = _CLIENT_POSSESSIVE_RE.match(fact)
    if shorthand:  # "pt's wife left 2 months ago"
        return _sentence("The client's " + fact[shorthand.end():])
    low = _lower_first(fact)
    if field == "risk":
        return render_risk(fact)
    if _NOTHING_RE.match(fact):  # "N/A", "none": recorded as such, not made into a sentence
        return _sentence(f"The therapist recorded {fact} for this item")
    therapist = _THERAPIST_RE.match(fact)
    if therapist and fact[therapist.end():]:  # "Therapist provided psychoeducation"
        return _sentence("The therapist " + fact[therapist.end():])
    if field == "mental_status":
        if _NOT_ASSESSED_RE.match(fact) or re.match(r"^(?:mse\s*:?\s*)?not\s+\w+$", fact,
                                                    re.IGNORECASE):
            return _sentence("The therapist noted that mental status was " + low)
        return _sentence("The therapist observed the following mental status: " + low)
    if field == "interventions":
        if sh.verb_first(fact):
            return _sentence("The therapist " + low)
        if sh.person_subject(fact):
            return _sentence("The therapist noted that the " + low)
        if sh.said_of_itself(fact):  # "safety plan reviewed", "homework assigned"
            return _sentence("The therapist noted the following intervention: " + low)
        return _sentence("The therapist used " + low)
    if field == "goals":
        return _render_goal(fact)
    if field == "plan":
        if sh.starts_with_verb(fact, lx.JOINT_VERBS):
            return _sentence("The therapist and client will " + low)
        if sh.starts_with_verb(fact, lx.THERAPIST_PLAN_VERBS):
            return _sentence("The therapist will " + low)
        if re.match(r"(?:will|plan\s+to|plans\s+to)\s", fact, re.IGNORECASE):
            return _sentence("The therapist and client " + low)
        if sh.starts_with_verb(fact, lx.BASE_VERBS) and not _CLIENT_RE.match(fact):
            return _sentence("The client will " + low)
        first = sh.first_words(fact)
        if len(first) == 2 and first[0] in lx.PERSON_NOUNS and first[1] == "to":
            return _sentence("The therapist and client planned for the " + low)
        if _CLIENT_RE.match(fact) or sh.person_subject(fact):
            return _client_clause(fact, "will")
        if sh.said_of_itself(fact):
            # "safety plan completed in session", "next session scheduled for 11/26": said
            # of the plan, not something still to plan.
            return _sentence("The therapist noted the following plan: " + low)
        return _sentence("The therapist and client planned " + low)
    if field == "progress":
        if (_CLIENT_RE.match(fact) or sh.person_subject(fact) or sh.verb_first(fact)
                or sh.is_clause(fact)):
            return _client_clause(fact, "reported")
        return _sentence("The therapist noted the following progress: " + low)
    # presenting_concerns, client_response
    return _client_clause(fact, "reported", seen_in_session=field == "client_response")


_NOUN_ENDINGS = ("ing", "tion", "sion", "ment", "ness", "ity", "ance", "ence", "ship", "ism")


def _render_goal(fact: str) -> str:
    """'reduce panic' -> 'the goal to reduce panic'; 'Goal 2: ride the bus' keeps its label."""
    fact = _GOAL_LEAD_RE.sub("", fact, count=1) or fact  # "Goal: reduce panic"
    client_will = re.match(r"^(?:the\s+)?(?:client|patient|pt|clt)\s+will\s+(?=\w)", fact,
                           re.IGNORECASE)
    if client_will:  # "client will reduce ..." is the goal "to reduce ..."
        return _sentence("The therapist and client addressed the goal to "
                         + fact[client_will.end():])
    label = _GOAL_LABEL_RE.match(fact)
    if label:
        rest = fact[label.end():]
        name = fact[: label.end()].strip().rstrip(":.)-").strip()
        name = name[0].upper() + name[1:]
        if sh.starts_with_verb(rest, lx.BASE_VERBS):
            return _sentence(f"The therapist and client addressed {name}, to " + _lower_first(rest))
        return _sentence(f"The therapist and client addressed {name}: " + _lower_first(rest))
    low = _lower_first(fact)
    first = sh.first_words(fact)
    if sh.starts_with_verb(fact, lx.BASE_VERBS):
        return _sentence("The therapist and client addressed the goal to " + low)
    if first and (first[0].endswith(_NOUN_ENDINGS) or first[0] in lx.ED_ADJECTIVES):
        return _sentence("The therapist and client addressed the goal of " + low)
    return _sentence("The therapist and client addressed the following goal: " + low)


def render_risk(fact: str) -> str:
    """Risk is never paraphrased: 'not assessed' stays 'not assessed', a denial stays a denial."""
    if _NOT_ASSESSED_RE.search(fact):
        rest = _RISK_LEAD_RE.sub("", fact, count=1)
        if rest.lower().startswith("not "):
            return _sentence("The therapist noted that risk was " + _lower_first(rest))
        return _sentence("The therapist noted the following about risk: " + _lower_first(fact))
    rest = _CLIENT_RE.sub("", fact, count=1)
    if rest and sh.starts_with_verb(rest, lx.PAST_VERBS | lx.PRESENT_VERBS):
        return _sentence("The client " + _lower_first(rest))
    return _sentence("The therapist documented the following about risk: " + _lower_first(fact))


RISK_NOT_RECORDED = "The therapist did not record a risk assessment for this session."
EMPTY_SECTION = "The therapist did not record information for this section."


def render_session(facts: SessionFacts) -> str:
    """One sentence about the appointment, without numbers (times belong to the header)."""
    info = facts.session
    # A digit here ("12-step") is not among the answers a reader checks the note against.
    service, modality_text, approach = (
        "" if any(ch.isdigit() for ch in value) else value.strip()
        for value in (info.service, info.modality, info.approach))
    service_text = service
    service = service.lower()
    parts = ["The therapist met with the client for"]
    if service:
        article = "an" if service[0] in "aeiou" else "a"
        parts.append(f"{article} {service_text} session")
    else:
        parts.append("a session")
    modality = modality_text.lower()
    if modality in ("office", "in person", "in-person", "clinic"):
        parts.append("in the office")
    elif modality:
        parts.append(f"via {modality_text}")
    if approach:
        last = lx.words(approach)[-1] if lx.words(approach) else ""
        if last.endswith(("ed", "ic", "al", "ive", "ist")) and len(last) > 4:
            # "Person-centered", "Psychodynamic": an adjective needs a noun.
            approach = _lower_first(approach)
            article = "an" if approach[:1].lower() in "aeiou" else "a"
            parts.append(f"using {article} {approach} approach")
        else:
            parts.append("using " + (_lower_first(approach) if " " in approach else approach))
    if not service and not modality and not approach:
        return ""
    return _sentence(" ".join(parts))


_NAME_LEAD_RE = re.compile(r"^(?:(Mr|Mrs|Ms|Mx|Miss)\.?\s+)?([A-Z][\w’'-]*?)(?=['’]s\b|\b)")
_TITLE_PRONOUNS = {"mr": "he", "mrs": "she", "ms": "she", "miss": "she", "mx": "they"}


def _client_named(fact: str, client_names: frozenset[str]) -> str:
    """'Mr. Chen reports ...' about the client Wei Chen is 'client reports ...': a note is
    about "the client", and the frame then fits the sentence."""
    match = _NAME_LEAD_RE.match(fact)
    if not client_names or match is None:
        return fact
    lead = f"{(match.group(1) or '').lower()} {match.group(2).lower()}".strip()
    rest = fact[match.end():]
    if lead not in client_names or not rest.strip():
        return fact
    next_word = lx.words(rest)[0] if lx.words(rest) else ""
    possessive = rest[:1] in "'’"
    verb = (next_word in lx.PAST_VERBS or next_word in lx.PRESENT_VERBS
            or (next_word.endswith("ed") and len(next_word) > 4))
    if not possessive and not (rest[:1].isspace() and verb):
        return fact  # "Hope for the future", "Test anxiety": not the client's name here
    return "client" + rest


def name_tokens(name: str, pronouns: str = "") -> frozenset[str]:
    """How the therapist may name the client: the first name, or a title that fits the
    pronouns with the surname ('Wei Chen', he/him -> 'wei', 'mr chen'). A bare surname or
    another title may be a relative ('Mrs. Chen called') and is left alone."""
    words = [w for w in re.findall(r"[A-Za-z][\w’'-]+", name) if w[0].isupper()]
    if not words or any(w.lower() in lx.CLIENT_WORDS for w in words):  # "Test Client 7"
        return frozenset()
    leads = {words[0].lower()}
    pronoun = pronouns.split("/", 1)[0].strip().lower()
    for title, fits in _TITLE_PRONOUNS.items():
        if fits == pronoun:
            leads.add(f"{title} {words[-1].lower()}")
    return frozenset(leads - lx.CLIENT_WORDS - lx.STOPWORDS)


def field_facts(field: str, text: str, client_names: frozenset[str] = frozenset(),
                ) -> list[Fact]:
    parts = [_client_named(p, client_names) for p in split_facts(text)]
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
                items.extend(field_facts(
                    name, text, name_tokens(facts.client_name, facts.client_pronouns)))
            elif name == "risk":
                items.append(Fact("risk", "", RISK_NOT_RECORDED, rephrase=False))
        plan[heading] = items
    return plan
