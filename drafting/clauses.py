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
from drafting.actors import actor_of_verb
from drafting.clause_types import INDIVIDUAL, Actor, Clause, Setting, Shape
from drafting.concern_lines import who_came
from drafting.fact_text import REPORTED, TOLD_IN_PAST, rewritten
from drafting.lexicon import wordset
from drafting.ratings import (
    measure_of,
    ratings_of,
)
from drafting.speech import said_after_comma, spoken
from drafting.subjects import (
    CHANGE_VERBS,
    COPULA_WORDS,
    QUOTE_CHARS,
    is_participle,
    is_person,
    name_tokens,
    passive_with_phrase,
    prose_subject,
    split_subject,
)
from drafting.verb_reading import noun_compound, present_verb_first, verb_reading

_NOTHING_RE = re.compile(r"^(?:n/?a|none|nil|not applicable|nothing(?: new)?|-+)$", re.IGNORECASE)
_NOT_ASSESSED_RE = re.compile(
    r"^(?:(?:risk(?:\s+assessment)?|safety|mse|mental\s+status)\s*[:,-]?\s*)?(?:was\s+)?"
    r"not\s+(?:formally\s+)?(?:assessed|evaluated|screened|asked|addressed|explored|done)\b\s*",
    re.IGNORECASE)
_LABEL_RE = re.compile(r"^([A-Za-z][\w/&#.'’-]*(?:\s+[\w/&#.'’-]+){0,2})\s*:\s+(?=\S)")
_GOAL_LABEL_RE = re.compile(
    r"^(?:treatment\s+plan\s+)?goal\s*#?\s*(?:\d{1,2}|[A-Za-z])\b\s*[:.)-]?\s*", re.IGNORECASE)
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
_REPORTED_PLURAL = {"report": "reported", "state": "stated", "describe": "described",
                    "endorse": "endorsed", "say": "said"}
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
        return _with_actor(field, text, text[first_person.end():], actor)
    therapist = sn.THERAPIST_RE.match(text)
    if therapist and text[therapist.end():]:
        return _with_actor(field, text, text[therapist.end():], Actor.THERAPIST)
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
        inner = _unlabelled(field, own_goal.group(1), setting)
        if inner.shape is Shape.VERB and not inner.label:
            return replace(inner, text=text, label="Client's own goal")
    possessive = sn.CLIENT_POSSESSIVE_RE.match(text)
    if possessive:  # "pt's wife left 2 months ago": the wife's act, the client's wife
        rest = text[possessive.end():]
        subject, predicate = split_subject(rest)
        if subject and predicate:
            return _other(field, text, "client's " + subject, predicate)
        return Clause(field, text, Shape.NOUN, Actor.NONE, body="client's " + rest)
    client = sn.CLIENT_RE.match(text)
    if client and text[client.end():]:
        return _with_actor(field, text, text[client.end():], Actor.CLIENT)
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
        label_lead[0] in lx.BASE_VERBS or label_lead[0] in _HOMEWORK_VERBS)
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
    return _unlabelled(field, text, setting)



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


def _unlabelled(field: str, text: str, setting: Setting = INDIVIDUAL) -> Clause:
    """A fact with no lead naming who: its shape says who (or that nobody needs naming)."""
    ws = lx.words(text)
    special = _special_shape(field, text, ws)
    if special is not None:
        return special
    spoken = _PLACE_THEN_SAID_RE.match(text)
    if spoken and field in ("client_response", "presenting_concerns", "progress") and \
            not set(lx.words(spoken.group(1))) & (lx.CLIENT_WORDS | lx.PRONOUN_SUBJECTS):
        # "from healthy adult chair said "...": where, then what the client said
        return Clause(field, text, Shape.VERB, Actor.CLIENT, body=spoken.group(2),
                      label=spoken.group(1))
    doubt = re.match(r"^(skeptical|doubtful|unsure|hopeful|worried|afraid|confident|sure|"
                     r"certain|convinced|concerned)\s+(?!that\b|about\b|of\b|re\b)(\S.*\b(?:will|"
                     r"would|can|could|won't|is|are)\b.*)$", text, re.IGNORECASE)
    if doubt and field in ("client_response", "presenting_concerns", "progress"):
        # "skeptical worry time will work": skeptical that it will
        return Clause(field, text, Shape.STATE, Actor.CLIENT,
                      body=f"{doubt.group(1)} that {doubt.group(2)}")
    if field == "plan" and len(ws) > 1 and ws[0] in ("phone", "video") and \
            ws[1] in lx.APPOINTMENT_NOUNS:
        return Clause(field, text, Shape.NOUN, Actor.NONE, body=text)  # "phone session Friday"
    if field == "goals":
        goal = _GOAL_LABEL_RE.match(text)
        if goal and text[goal.end():]:
            inner = _unlabelled(field, text[goal.end():], setting)
            return Clause(field, text, inner.shape, inner.actor, inner.subject, inner.body,
                          label=text[:goal.end()].strip().rstrip(":.)-").strip())
    if field in ("goals", "plan") and ws and (ws[0] in lx.BASE_VERBS or ws[0] in _HOMEWORK_VERBS) \
            and not sh.starts_with_verb(text, lx.APPOINTMENT_NOUNS) \
            and not noun_compound(ws):
        return Clause(field, text, Shape.VERB, actor_of_verb(field, ws[0], ws[1:]), body=text)
    if field == "presenting_concerns" and _CLIENT_SPAN_RE.match(text) and \
            re.search(r"\b(?:postpartum|sober|clean|abstinent|pregnant|post-op|separated|"
                      r"widowed|divorced|married|sober)\b", text, re.IGNORECASE):
        return Clause(field, text, Shape.STATE, Actor.CLIENT, body=text)  # "11 wks postpartum"
    if len(ws) > 2 and field in ("client_response", "presenting_concerns", "progress") and \
            ws[0] in ("initially", "briefly", "visibly", "increasingly", "somewhat", "very",
                      "more", "less", "quite", "mildly", "notably") and \
            sh.state_word(ws[1]) and ws[1] not in lx.PAST_VERBS:
        # "initially resistant to chairwork, then engaged": how the client was
        return Clause(field, text, Shape.STATE, Actor.CLIENT, body=text)
    if len(ws) > 2 and field in ("client_response", "presenting_concerns", "progress") and \
            ws[0] in ("ok", "okay", "fine", "comfortable", "agreeable") and ws[1] == "with":
        return Clause(field, text, Shape.STATE, Actor.CLIENT, body=text)  # "ok w/ me sharing"
    if len(ws) > 2 and field in ("client_response", "presenting_concerns", "progress") and \
            ws[0] in _FEELINGS_THAT and (ws[1] == "that" or ws[0] in ("surprised", "relieved")
                                         and ws[1] not in lx.PREPOSITIONS):
        return Clause(field, text, Shape.STATE, Actor.CLIENT, body=text)  # "proud that ..."

    if len(ws) > 2 and ws[1] == "by" and is_participle(ws[0]) and field in (
            "client_response", "presenting_concerns", "progress"):
        return Clause(field, text, Shape.STATE, Actor.CLIENT, body=text)  # "triggered by boss"
    told = len(ws) > 1 and ws[0] in ("told", "instructed") and ws[1] == "to"  # "told to seek care"
    if ws and (ws[0] in _DONE_TO_CLIENT or told) and \
            field in ("client_response", "risk", "progress") \
            and not (ws[0] == "offered" and " to " in f" {' '.join(ws[1:5])} "):
        # "reminded of 988": done to the client; "offered encouragement to a peer" is hers
        return Clause(field, text, Shape.STATE, Actor.CLIENT, body=text)
    if ws and ws[0] == "they" and not setting.they_is_client and " " in text:
        return _other(field, text, text.split(None, 1)[0], text.split(None, 1)[1])
    if ws and ws[0] in lx.PRONOUN_SUBJECTS:  # "he cried when talking about his son"
        return _with_actor(field, text, text.split(None, 1)[1] if " " in text else "",
                           Actor.CLIENT)
    if len(ws) > 2 and field in ("client_response", "mental_status", "presenting_concerns") and \
            sh.state_word(ws[0]) and ws[0] not in lx.PAST_VERBS and ws[1] in (
                "when", "while", "during", "after", "until", "as"):
        return Clause(field, text, Shape.STATE, Actor.CLIENT, body=text)  # "quiet when T. shared"
    subject, predicate = split_subject(text)
    if not subject:
        subject, predicate = prose_subject(text)
    if subject and all(_adverb(w) for w in lx.words(subject)):
        subject, predicate = "", ""  # "Medically necessary": an adverb is nobody's subject
    going = re.fullmatch(r"([A-Za-z]+)\s+(going|doing|holding|looking)", subject)
    if going and predicate and len(predicate.split()) <= 3 and field != "plan":
        # "work going OK" -> "Work was going OK", never "The work going was OK"
        return Clause(field, text, Shape.COPULA, Actor.NONE, subject=going.group(1),
                      body=f"{going.group(2)} {predicate}")
    if subject.count("(") > subject.count(")") or subject.count('"') % 2 or \
            predicate.startswith("("):  # "MVA 8/2025 (rear-ended on I-90)": an aside, no verb
        subject, predicate = "", ""  # "creative hopelessness (what have you tried ...)"
    if subject and predicate and lx.words(subject)[-1] in lx.CLIENT_WORDS and \
            "and" in lx.words(subject):
        return _other(field, text, subject, predicate)  # "Greg and client spoke directly"
    if subject and predicate and lx.words(subject)[-1] in lx.CLIENT_WORDS:
        # "14-year-old client refusing school": the client, described by the therapist
        return Clause(field, text, Shape.VERB, Actor.CLIENT, subject=subject, body=predicate)
    if subject and predicate and is_person(subject):
        return _other(field, text, subject, predicate)
    if field == "plan" and ws and ws[0] in _HOMEWORK_VERBS and not noun_compound(ws):
        # "repeat PHQ-9 ..."
        return Clause(field, text, Shape.VERB, actor_of_verb(field, ws[0], ws[1:]), body=text)
    measure = measure_of(field, text)
    if measure is not None and not (subject and predicate):
        return Clause(field, text, Shape.MEASURE, Actor.NONE, subject=measure[0],
                      body=measure[1], score_of=measure[2])
    if field == "plan" and sh.starts_with_verb(text, lx.BASE_VERBS) and not noun_compound(ws):
        return Clause(field, text, Shape.VERB, actor_of_verb(field, ws[0], ws[1:]), body=text)
    if field in ("client_response", "progress", "presenting_concerns") and \
            re.match(r"(?:on time|late|early)\b", text, re.IGNORECASE):
        return Clause(field, text, Shape.STATE, Actor.CLIENT, body=text)
    if subject and predicate:
        pwords = lx.words(predicate)
        head = pwords[0]
        nxt = pwords[1] if len(pwords) > 1 else ""
        objectless = (not nxt or nxt in lx.PREPOSITIONS or nxt.endswith("ly") or nxt == "and"
                      or lx.NUMBER_RE.match(nxt) is not None or nxt in lx.TIME_STARTS
                      or nxt in ("together", "given"))  # "flashcard drafted together"
        if predicate.split()[0].endswith((",", ":")):
            objectless = True  # "safety plan reviewed, still accurate"; "risk discussed: ..."
        if nxt in ("about", "around", "over", "under") and len(pwords) > 2 and \
                lx.NUMBER_RE.match(pwords[2]):
            objectless = False  # "sleep diary showed about 60 minutes": an object
        if head in CHANGE_VERBS or (nxt == "to" and len(pwords) > 2
                                    and wc.is_base_verb(pwords[2])
                                    and pwords[2] not in lx.STOPWORDS):
            # "sleep improved from 4 to 6 hours"; "critic agreed to step back", never "was
            # agreed to"
            return Clause(field, text, Shape.CLAUSE, Actor.NONE, subject=subject,
                          body=predicate)
        if is_participle(head) and objectless and head not in _INTRANSITIVE_ACTS:
            return Clause(field, text, Shape.PASSIVE, Actor.NONE, subject=subject,
                          body=predicate)
        if head.endswith("ing") and len(head) > 4 and len(pwords) <= 3:
            # "anxiety symptoms decreasing": how it is going
            return Clause(field, text, Shape.COPULA, Actor.NONE, subject=subject,
                          body=predicate)
        if lx.words(subject)[-1:] == ["growing"] and head == "up":
            # "J.'s history growing up with scarcity": a phrasal verb, never "growing was up"
            return Clause(field, text, Shape.NOUN, Actor.NONE, body=text)
        if head in COPULA_WORDS or head in lx.PARTICIPLE_ADVERBS or (
                head.endswith("ly") and nxt in COPULA_WORDS):
            return Clause(field, text, Shape.COPULA, Actor.NONE, subject=subject,
                          body=predicate)
        return Clause(field, text, Shape.CLAUSE, Actor.NONE, subject=subject, body=predicate)
    passive = passive_with_phrase(text)
    if passive is not None and passive[0].count("(") <= passive[0].count(")"):
        return Clause(field, text, Shape.PASSIVE, Actor.NONE, subject=passive[0],
                      body=passive[1])
    trailing = _TRAILING_PREDICATE_RE.search(text)
    if trailing and "," in text[:trailing.start()] and \
            trailing.group(0).strip().lower() in ("mild", "moderate", "severe"):
        trailing = None  # "MDD, recurrent, moderate": a diagnosis and its specifiers
    if trailing and trailing.start() > 0 and field in ("impression", "progress", "goals",
                                                       "client_response"):
        subject = text[:trailing.start()].strip().rstrip(",")
        if subject and (not sh.verb_first(subject) or ws[0] in ("continued", "ongoing")) \
                and not sh.is_state(subject) \
                and not all(_adverb(w) for w in lx.words(subject)):  # "Medically necessary"
            # "progress toward goal 1 slow", "continued weekly therapy medically necessary"
            return Clause(field, text, Shape.COPULA, Actor.NONE, subject=subject,
                          body=trailing.group(0).strip())
    if field == "plan" and ws and (ws[0] in ("may", "might", "can", "could", "will", "would",
                                             "should") or (ws[0] in _HOMEWORK_VERBS
                                                           and not noun_compound(ws))):
        actor = Actor.CLIENT if ws[0] not in _HOMEWORK_VERBS else \
            actor_of_verb(field, ws[0], ws[1:])  # "call client Friday" is the clinician's
        return Clause(field, text, Shape.VERB, actor, body=text)
    done_to = ws and (ws[0] in lx.DONE_TO or ws[0] == "referred" and field == "presenting_concerns")
    if field != "plan" and done_to and (
            len(ws) == 1 or ws[1] in lx.PREPOSITIONS or ws[1] in _DONE_TO_NEXT
            or text.split()[1][:1] == "("  # "mandated (DUI 10/2025)"
            or lx.NUMBER_RE.match(ws[1]) or ws[1] in lx.WEEKDAYS_MONTHS):
        # "robbed at gunpoint", "laid off from warehouse 11/14": done to the client, never
        # "Client robbed"
        return Clause(field, text, Shape.STATE, Actor.CLIENT, body=text)
    if field == "plan" and ws and ws[0] in _PASSIVE_PLAN:
        # "given 988 crisis line number": done to the client in session
        return Clause(field, text, Shape.STATE, Actor.CLIENT, body=text, canonical="")
    compound = len(ws) > 2 and wc.can_be_noun(ws[1]) and not wc.can_be_adjective(ws[1]) and \
        ws[1] not in sh.STATE_FOLLOWERS and (wc.can_be_noun(ws[2]) and ws[2] not in
                                             sh.STATE_FOLLOWERS or ws[2] == "of")
    # "calm place cue word", "spontaneous memory of ...": a noun phrase, not a state
    if (sh.is_state(text) or (field in ("client_response", "mental_status") and ws
                              and sh.state_word(ws[0]) and ws[0] not in lx.PAST_VERBS)) and \
            not (compound and field == "client_response"):
        return Clause(field, text, Shape.STATE, Actor.CLIENT, body=text)
    if sh.verb_first(text) or (field == "plan" and sh.starts_with_verb(text, lx.BASE_VERBS)
                               and not noun_compound(ws)):
        return Clause(field, text, Shape.VERB, actor_of_verb(field, ws[0], ws[1:]), body=text)
    if field in ("plan", "goals") and sh.starts_with_verb(text, lx.BASE_VERBS) and \
            not noun_compound(ws):
        return Clause(field, text, Shape.VERB, Actor.CLIENT, body=text)
    if field in ("plan", "goals") and ws and wc.is_base_verb(ws[0]) and ws[0] not in lx.STOPWORDS \
            and not sh.starts_with_verb(text, lx.APPOINTMENT_NOUNS) and verb_reading(ws):
        return Clause(field, text, Shape.VERB, actor_of_verb(field, ws[0], ws[1:]), body=text)
    if field in ("presenting_concerns", "client_response", "progress", "risk") and \
            present_verb_first(ws):
        # "misses his woodshop", "lies awake worrying": what the client does, in the present
        return Clause(field, text, Shape.VERB, actor_of_verb(field, ws[0], ws[1:]), body=text)
    return Clause(field, text, Shape.NOUN, Actor.NONE, body=text)


# "DV screen neg (each partner screened 10/28)": a screen's result, not a report
_SCREEN_RESULT_RE = re.compile(r"^(.{1,40}?\b(?:screen|screening|screener))\s+(?:was\s+)?"
                               r"((?:negative|positive)\b.*)$", re.IGNORECASE)
# "16-year-old client, missed 6 school days": the client, described, then what they did
_AGED_CLIENT_RE = re.compile(r"^(\d+-year-old\s+client)\b,?\s+(\S.*)$", re.IGNORECASE)
# "on Suboxone 8mg daily", "in week 3 of a phased return": where the client is
_CLIENT_PLACE_RE = re.compile(r"^(?:on|in|at|off)\s+\S", re.IGNORECASE)
# "10 weeks postpartum", "6 months sober": how long the client has been so
_CLIENT_SPAN_RE = re.compile(r"^\d+(?:\.\d+)?\s+(?:days?|weeks?|months?|years?)\s+(?!ago\b)"
                             r"[a-z][\w-]*(?:\s*\([^)]*\))?$", re.IGNORECASE)


def _special_shape(field: str, text: str, ws: list[str]) -> Clause | None:
    """A few shapes the general analysis below would misread."""
    rated = ratings_of(text) if field in ("client_response", "progress", "interventions") and \
        ws and ws[0].endswith("ing") else None
    if rated:
        return Clause(field, text, Shape.MEASURE, Actor.NONE, subject=rated[0], body=rated[1],
                      canonical=f"{rated[0]} {rated[1]}")
    screen = _SCREEN_RESULT_RE.match(text)
    if screen and field in ("risk", "presenting_concerns", "client_response", "progress"):
        return Clause(field, text, Shape.COPULA, Actor.NONE, subject=screen.group(1),
                      body=screen.group(2))
    aged = _AGED_CLIENT_RE.match(text)
    if aged:
        return Clause(field, text, Shape.CLAUSE, Actor.NONE, subject=aged.group(1),
                      body=aged.group(2))
    if field == "presenting_concerns" and ws and ws[0] == "on" and (
            re.search(r"\d\s*(?:mg|mcg|ml)\b", text, re.IGNORECASE)
            or re.match(r"on\s+(?:\w+\s+)?(?:probation|parole|leave|disability|medical leave|"
                        r"maternity leave|a waitlist|the waitlist)\b", text, re.IGNORECASE)):
        return Clause(field, text, Shape.STATE, Actor.CLIENT, body=text)  # "on Suboxone 8mg"
    if field == "presenting_concerns" and ws and ws[0].endswith("ing") and \
            wc.verb_lemma(ws[0]) and not sh.is_state(text):
        # "avoiding the intersection where it happened": what the client reported doing
        return Clause(field, text, Shape.NOUN, Actor.NONE, body=text)
    return None


def _with_actor(field: str, text: str, rest: str, actor: Actor) -> Clause:
    """A fact that names who did it ("client reports ...", "I taught ..."): the rest's shape."""
    rest = rest.strip()
    if not rest:
        return Clause(field, text, Shape.NOUN, actor, named=True, body=text)
    ws = lx.words(rest)
    if rest[:1] in QUOTE_CHARS:
        return Clause(field, text, Shape.QUOTE, actor, named=True, body=rest)
    if field == "plan" and re.match(r"to\s+\w", rest, re.IGNORECASE):
        # "pt to return in 2 weeks"
        return Clause(field, text, Shape.VERB, actor, named=True, body=rest[3:].strip())
    if actor is Actor.CLIENT and re.match(r"\d+\s+\w+\s+(?:late|early)\b", rest):
        return Clause(field, text, Shape.STATE, actor, named=True, body=rest)  # "10 min late"
    if actor is Actor.CLIENT and field == "presenting_concerns" and (
            _CLIENT_SPAN_RE.match(rest) or (_CLIENT_PLACE_RE.match(rest)
                                            and not sh.verb_first(rest.split(None, 1)[-1]))):
        return Clause(field, text, Shape.STATE, actor, named=True, body=rest)  # "in week 3"
    if actor is Actor.CLIENT and (sh.is_state(rest) or (
            sh.state_word(ws[0]) and ws[0] not in lx.PAST_VERBS and not sh.verb_first(rest))):
        return Clause(field, text, Shape.STATE, actor, named=True, body=rest)
    measure = measure_of(field, rest)
    if measure is not None and actor is Actor.CLIENT:  # "pt HR 104 -> 82 after break"
        return Clause(field, text, Shape.MEASURE, Actor.NONE, subject=measure[0],
                      body=measure[1], score_of=measure[2], named=True)
    if (sh.verb_first(rest) or ws[0] in lx.BASE_VERBS or ws[0] in _MODALS
            or ws[0] in lx.PRESENT_VERBS or ws[0] in lx.LINKING_VERBS
            or (ws[0].endswith("s") and ws[0] not in lx.STOPWORDS and len(ws) > 1)):
        # named, then a word: a verb ("she works part time", "client reports ...")
        return Clause(field, text, Shape.VERB, actor, named=True, body=rest)
    return Clause(field, text, Shape.NOUN, actor, named=True, body=rest)


_TRAILING_PREDICATE_RE = re.compile(
    r"\s(?:(?:medically|clinically)\s+)?(?:necessary|indicated|warranted)$"
    r"|\s(?:slow|steady|slow but steady|limited|minimal|moderate|good|fair|poor|significant|"
    r"improving|unchanged|stable|worsening)$", re.IGNORECASE)
# Past tenses that take no object, so never a passive: "D cried", never "D was cried".
def _adverb(word: str) -> bool:
    """"medically", "clinically"; not "family" or "early", which name or time something."""
    return word.endswith("ly") and len(word) > 5 and not wc.can_be_noun(word) \
        and not wc.can_be_adjective(word)


_FEELINGS_THAT = frozenset({"proud", "glad", "relieved", "happy", "surprised", "sad", "upset",
                            "pleased", "embarrassed", "ashamed", "grateful", "disappointed",
                            "frustrated", "angry", "annoyed", "thankful"})
_PLACE_THEN_SAID_RE = re.compile(
    r"^((?:from|in|during|at|after|before|when|while)\s+[^\"“,:;]{2,40}?)\s+"
    r"((?:said|stated|shared|noted|asked|told|added)\b.*)$", re.IGNORECASE)
_INTRANSITIVE_ACTS = frozenset({"cried", "laughed", "smiled", "nodded", "sighed", "wept",
                                "sobbed", "shrugged", "paused", "arrived", "yelled", "apologized",
                                "agreed", "teared", "froze", "relaxed", "participated", "slept",
                                "listened", "interrupted", "withdrew", "joked", "giggled",
                                "appeared", "emerged", "happened", "occurred", "returned",
                                "came", "went", "stayed", "left", "responded", "reacted",
                                "talked", "spoke", "softened", "warmed", "calmed", "struggled",
                                "hesitated", "complied", "refused", "declined"})
_DONE_TO_NEXT = frozenset({"off", "again", "last", "yesterday", "today", "twice", "once",
                           "recently", "this"})
_PASSIVE_PLAN = frozenset({"given", "provided", "referred", "offered", "shown", "sent",
                           "assigned", "encouraged", "advised", "reminded", "educated",
                           "discharged", "scheduled"})
_DONE_TO_CLIENT = frozenset({"reminded", "given", "offered", "referred", "educated",
                             "encouraged", "advised", "discharged"})
# Imperative verbs of homework that the general word lists may not know ("garden 2x/wk").
_HOMEWORK_VERBS = wordset("""
garden journal stretch meditate exercise walk run swim cook clean read write draw paint call text
email message visit attend practice try use notice track log list plan schedule review bring
tell ask share repeat continue drop delay touch ride drive listen look watch eat sleep wake limit
avoid reduce increase jot research explore research message check pack complete finish start
""")
_MODALS = frozenset({"will", "would", "can", "could", "should", "may", "might", "must",
                     "shall", "is", "was", "are", "were", "has", "had", "have", "does", "did"})


def _other(field: str, text: str, subject: str, predicate: str) -> Clause:
    """Someone else's act or state: "father apologized for yelling", "son quiet early"."""
    head = lx.words(predicate)[0]
    told = REPORTED.get(head) or _REPORTED_PLURAL.get(head)
    if told and field in TOLD_IN_PAST:  # "client and his wife report a blowup"
        predicate = told + predicate[len(head):]
        head = told
    if field == "plan" and head == "to":
        predicate = predicate.split(None, 1)[1] if " " in predicate else predicate
        return Clause(field, text, Shape.VERB, Actor.OTHER, subject=subject, body=predicate)
    after = lx.words(predicate)[1:2]
    thing = not is_person(re.sub(r"^client's\s+", "", subject))
    if head in ("caught", "stuck", "torn", "trapped") and after and after[0] in lx.PREPOSITIONS:
        # "mom Lisa caught in the middle": how she was, never "Lisa caught in the middle"
        return Clause(field, text, Shape.COPULA, Actor.OTHER, subject=subject, body=predicate)
    if thing and is_participle(head) and "by" in lx.words(predicate)[1:3]:
        # "pt's meds locked up by roommate": done to a thing, by someone
        return Clause(field, text, Shape.PASSIVE, Actor.NONE, subject=subject, body=predicate)
    if head.endswith("ly") and after and (sh.state_word(after[0]) or after[0] in COPULA_WORDS):
        return Clause(field, text, Shape.COPULA, Actor.OTHER, subject=subject, body=predicate)
    if head.endswith("ing") and len(head) > 4 and field != "plan":
        return Clause(field, text, Shape.COPULA, Actor.OTHER, subject=subject, body=predicate)
    if head.endswith("ed") and after and after[0] in ("about", "with", "by", "over", "that"):
        return Clause(field, text, Shape.COPULA, Actor.OTHER, subject=subject, body=predicate)
    if head in _DOSE_VERBS and after and after[0] not in lx.PREPOSITIONS:
        # "psychiatrist increased prazosin to 2mg": the prescriber's act, never "was increased"
        return Clause(field, text, Shape.VERB, Actor.OTHER, subject=subject, body=predicate)
    if sh.state_word(head) and head not in lx.PAST_VERBS | lx.PRESENT_VERBS:
        return Clause(field, text, Shape.COPULA, Actor.OTHER, subject=subject, body=predicate)
    if head in COPULA_WORDS and head not in lx.PAST_VERBS | lx.PRESENT_VERBS:
        return Clause(field, text, Shape.COPULA, Actor.OTHER, subject=subject, body=predicate)
    return Clause(field, text, Shape.VERB, Actor.OTHER, subject=subject, body=predicate)


_DOSE_VERBS = frozenset({"increased", "decreased", "started", "stopped", "prescribed", "changed",
                         "raised", "lowered", "reduced", "adjusted", "titrated", "added",
                         "discontinued", "restarted", "switched", "tapered"})
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
