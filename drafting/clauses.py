"""What one fact of shorthand is: who did it and what shape of phrase it is.

The realizer writes a sentence from this analysis; nothing here adds or changes a word. The
analysis is deliberately shallow (word lists and the first few words), because clinical
shorthand is shallow: "engaged" is a state of the client, "taught 4-7-8 breathing" something
the clinician did, "father apologized for yelling" the father's act, "SUDS 70 to 45" a measure,
"safety plan completed" a thing done, "daily thought record" a noun phrase to frame.
"""

from __future__ import annotations

import re
from dataclasses import replace

from drafting import context
from drafting import lexicon as lx
from drafting import shapes as sh
from drafting import shorthand as sn
from drafting import wordclass as wc
from drafting.clause_types import INDIVIDUAL, Actor, Clause, Setting, Shape
from drafting.concern_lines import who_came
from drafting.fact_text import rewritten
from drafting.named_acts import other_act, with_actor
from drafting.speech import said_after_comma, spoken
from drafting.subjects import (
    QUOTE_CHARS,
    name_tokens,
    split_subject,
)
from drafting.unlabelled import HOMEWORK_VERBS, unlabelled

_NOTHING_RE = re.compile(r"^(?:n/?a|none|nil|not applicable|nothing(?: new)?|-+)$", re.IGNORECASE)
_NOT_ASSESSED_RE = re.compile(
    r"^(?:(?:risk(?:\s+assessment)?|safety|mse|mental\s+status)\s*[:,-]?\s*)?(?:was\s+)?"
    r"not\s+(?:formally\s+)?(?:assessed|evaluated|screened|asked|addressed|explored|done|"
    r"given|administered|repeated)\b\s*",
    re.IGNORECASE)
_LABEL_RE = re.compile(r"^([A-Za-z][\w/&#.'’-]*(?:\s+[\w/&#.'’-]+){0,2})\s*:\s+(?=\S)")
_RISK_LEVEL_RE = re.compile(r"^(?:risk\s+(?:is\s+|was\s+)?)?((?:not\s+)?(?:elevated|imminent|low|"
                            r"moderate|high|minimal|acute|chronic)(?:\s+(?:to|and)\s+\w+)?)\.?$",
                            re.IGNORECASE)
_OWN_GOAL_RE = re.compile(
    r"^(?:the\s+)?(?:client|pt|patient)'s\s+own\s+goal\s*(?:[:=]|is\b)\s*(\S.*)$", re.IGNORECASE)
_TRAILING_CONTINUE_RE = re.compile(r"^(.+?),\s*(continue|continues|ongoing)$", re.IGNORECASE)
# "in role-play said ...", "at end of session stated ...": when, then who said what
_LEAD_PHRASE_RE = re.compile(r"^((?:in|during|at|after|before|by)\s+(?:the\s+)?[\w-]+"
                             r"(?:\s+of\s+[\w-]+)?),?\s+(?=(?:(?:mother|father|mom|dad|parents?|"
                             r"partner|wife|husband|teacher|both)\s+)?(?:said|stated|reported|"
                             r"shared|asked|added|noted)\b)", re.IGNORECASE)
_DENIAL_WORDS = frozenset({"denied", "denies", "negative", "none", "no"})


def analyze(field: str, fact: str, setting: Setting = INDIVIDUAL) -> Clause:
    """The shape and actor of one fact of one prompt field."""
    return said_after_comma(_analyze(field, fact, setting))


def _analyze(field: str, fact: str, setting: Setting = INDIVIDUAL) -> Clause:
    text = rewritten(field, fact, setting)
    if _NOTHING_RE.match(text):
        return Clause(field, text, Shape.NOTHING, Actor.NONE, body=text)
    not_assessed = _NOT_ASSESSED_RE.match(text)
    if not_assessed and field in ("risk", "mental_status", "measures"):
        start = re.search(r"\bnot\b", text, re.IGNORECASE)
        rest = text[start.start():] if start else text
        return Clause(field, text, Shape.NOT_ASSESSED, Actor.NONE, body=rest[0].lower() + rest[1:])
    if text[:1] in QUOTE_CHARS:
        return Clause(field, text, Shape.QUOTE, Actor.CLIENT, body=text)
    if field == "presenting_concerns" and who_came(text):
        # "Cl + partner Dana", "Cl (10) + mom": who came ("Client attended with partner
        # Dana."), never "Client reported Client and partner Dana"
        return Clause(field, text, Shape.NOUN, Actor.NONE, body=re.sub(
            r"^(?:the\s+)?(?:client|cl|clt|pt|patient)\b(\s*\([^()]*\))?\s*(?:and|\+|&|with)\s+",
            r"Client\1 attended with ", text, count=1, flags=re.IGNORECASE))
    if field == "presenting_concerns" and context.is_session_context(text):
        return Clause(field, text, Shape.CONTEXT, Actor.NONE, body=text)
    lead = _LEAD_PHRASE_RE.match(text)
    if lead and field in ("client_response", "interventions", "presenting_concerns"):
        inner = analyze(field, text[lead.end():], setting)  # "in role-play said "...""
        return replace(inner, text=text, label=lead.group(1)) if not inner.label else inner
    speech = spoken(field, text, setting)  # "Rob: '...'", "D. to clt: '...'"
    if speech is not None:
        return speech
    first_person = sn.FIRST_PERSON_RE.match(text)
    if first_person:  # "I taught box breathing", "we practiced it twice"
        actor = Actor.THERAPIST if first_person.group(1) else Actor.JOINT
        return with_actor(field, text, text[first_person.end():], actor)
    therapist = sn.THERAPIST_RE.match(text)
    if therapist and text[therapist.end():]:
        return with_actor(field, text, text[therapist.end():], Actor.THERAPIST)
    level = _RISK_LEVEL_RE.match(text)
    if level and field == "risk":  # "Elevated.", "Not imminent": the clinician's rating
        return Clause(field, text, Shape.COPULA, Actor.NONE, subject="risk",
                      body=level.group(1), canonical=text)
    flipped = _label_flip(field, text)
    if flipped is not None:
        return flipped
    after = re.match(r"^([A-Za-z][\w/&-]*(?:\s+[\w/&-]+){0,2})\s+(denied|negative)\.?$", text,
                     re.IGNORECASE)
    if after and field == "risk" and setting.service == "individual" and \
            after.group(2).lower() == "denied":  # "SI/HI denied": the client denied it
        words = f"denied {after.group(1)}"
        return Clause(field, text, Shape.VERB, Actor.CLIENT, body=words, canonical=words)
    own_goal = _OWN_GOAL_RE.match(text)
    if own_goal and field == "goals":  # "pt's own goal = garden 2x/wk"
        inner = unlabelled(field, own_goal.group(1), setting)
        if inner.shape is Shape.VERB and not inner.label:
            return replace(inner, text=text, label="Client's own goal")
    possessive = sn.CLIENT_POSSESSIVE_RE.match(text)
    if possessive:  # "pt's wife left 2 months ago": the wife's act, the client's wife
        rest = text[possessive.end():]
        subject, predicate = split_subject(rest)
        if subject and predicate:
            return other_act(field, text, "client's " + subject, predicate)
        return Clause(field, text, Shape.NOUN, Actor.NONE, body="client's " + rest)
    client = sn.CLIENT_RE.match(text)
    if client and text[client.end():]:
        return with_actor(field, text, text[client.end():], Actor.CLIENT)
    head, colon, rest = text.partition(":")
    if colon and rest.strip() and field == "interventions" and len(lx.words(head)) <= 5 \
            and not lx.numbers(head) and not sh.verb_first(head) and \
            lx.words(head)[:1] != [] and lx.words(head)[0] not in lx.PAST_VERBS:
        inner = analyze(field, rest.strip(), setting)
        if names_approach(head.strip(), setting.approach):
            return inner  # "exposure and response prevention: ..." in an ERP session
        if inner.actor is Actor.CLIENT and not inner.label and sn.CLIENT_RE.match(rest.strip()):
            # "imaginal exposure: client described the crash": when the client did it
            return replace(inner, text=text, label="during " + head.strip())
    label = _LABEL_RE.match(text)
    label_lead = lx.words(label.group(1))[:1] if label else []
    label_verb = field in ("goals", "plan") and bool(label_lead) and (
        label_lead[0] in lx.BASE_VERBS or label_lead[0] in HOMEWORK_VERBS)
    # "identified exile - 10yo who ...", "did not unburden - phone setting": an act, no label
    told_act = field in ("client_response", "presenting_concerns", "progress") and \
        bool(label_lead) and (label_lead[0] in lx.PAST_VERBS or wc.is_past(label_lead[0])
                              or label_lead[0] in ("did", "didn't"))
    if field == "interventions" and label and label_lead and (
            label_lead[0] in lx.PAST_VERBS or label_lead[0] in ("did", "didn't")):
        detail = text[label.end():].strip()  # what the clinician did, then its object
        told_act = not sn.CLIENT_RE.match(detail) and not sh.verb_first(detail)
    if label and not label_verb and not told_act and field != "mental_status" and \
            not lx.numbers(label.group(1)) - {"1", "2", "1x", "2x"}:
        inner = analyze(field, text[label.end():], setting)
        if field == "interventions" and names_approach(label.group(1), setting.approach):
            return inner  # "CBT: fear ladder" in a CBT session: the session line says "CBT"
        outer = label.group(1).strip()  # "Theme: money/spending: ...": both labels kept
        return Clause(field, text, inner.shape, inner.actor, inner.subject, inner.body,
                      label=f"{outer}: {inner.label}" if inner.label else outer,
                      named=inner.named, score_of=inner.score_of)
    return unlabelled(field, text, setting)



def names_approach(label: str, approach: str) -> bool:
    """Is ``label`` the session's approach or its initials ("MI" for motivational
    interviewing, "SFBT", "Gottman" for the Gottman method)?"""
    said = [w.strip("()") for w in re.split(r"[\s/-]+", approach.lower()) if w.strip("()")]
    words = [w.strip("()") for w in re.split(r"[\s/-]+", label.lower()) if w.strip("()")]
    if not said or not words:
        return False
    initials = "".join(w[0] for w in said if w not in ("and", "of", "the", "&"))
    label_initials = "".join(w[0] for w in words if w not in ("and", "of", "the", "&"))
    return (len(words) == 1 and words[0] in (initials, "".join(said), *said)) or \
        all(w in said for w in words) or (len(said) == 1 and len(words) > 1
                                          and label_initials == said[0])


def _label_flip(field: str, text: str) -> Clause | None:
    """"SI: denied" is "denied SI"; "sertraline 50 mg per psychiatrist, continue" is "continue
    sertraline 50 mg per psychiatrist". The same words, in the order a sentence needs."""
    label = re.match(r"^([A-Za-z][\w/&-]*(?:\s+[\w/&-]+){0,2})\s*:\s*(denied|denies|negative|"
                     r"none|no)\.?$", text, re.IGNORECASE)
    if label:
        verb = label.group(2).lower()
        if verb in ("denied", "denies"):
            words = f"denied {label.group(1)}"
            return Clause(field, text, Shape.VERB, Actor.CLIENT, body=words, canonical=words)
        words = f"no {label.group(1)}"
        return Clause(field, text, Shape.NOUN, Actor.NONE, body=words, canonical=words)
    trailing = _TRAILING_CONTINUE_RE.match(text)
    if trailing and field == "plan":
        words = f"continue {trailing.group(1)}"
        return Clause(field, text, Shape.VERB, Actor.CLIENT, body=words, canonical=words)
    return None


__all__ = ["Actor", "Clause", "Setting", "Shape", "analyze", "name_tokens"]
