"""A fact with no lead naming who (no "client", "I", "mother ..." at its head): its shape says
who did it, or that nobody needs naming ("engaged", "taught grounding", "SUDS 70 to 45",
"safety plan completed", "hesitant but agreed to attend").
"""

from __future__ import annotations

import re

from drafting import lexicon as lx
from drafting import shapes as sh
from drafting import wordclass as wc
from drafting.actors import actor_of_verb
from drafting.clause_types import INDIVIDUAL, Actor, Clause, Setting, Shape
from drafting.lexicon import wordset
from drafting.named_acts import CLIENT_SPAN_RE, other_act, with_actor
from drafting.ratings import (
    measure_of,
    ratings_of,
)
from drafting.subjects import (
    CHANGE_VERBS,
    COPULA_WORDS,
    is_participle,
    is_person,
    passive_with_phrase,
    prose_subject,
    split_subject,
)
from drafting.verb_reading import noun_compound, present_verb_first, verb_reading

_GOAL_LABEL_RE = re.compile(
    r"^(?:treatment\s+plan\s+)?goal\s*#?\s*(?:\d{1,2}|[A-Za-z])\b\s*[:.)-]?\s*", re.IGNORECASE)


def unlabelled(field: str, text: str, setting: Setting = INDIVIDUAL) -> Clause:
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
            inner = unlabelled(field, text[goal.end():], setting)
            return Clause(field, text, inner.shape, inner.actor, inner.subject, inner.body,
                          label=text[:goal.end()].strip().rstrip(":.)-").strip())
    if field in ("goals", "plan") and ws and (ws[0] in lx.BASE_VERBS or ws[0] in HOMEWORK_VERBS) \
            and not sh.starts_with_verb(text, lx.APPOINTMENT_NOUNS) \
            and not noun_compound(ws):
        return Clause(field, text, Shape.VERB, actor_of_verb(field, ws[0], ws[1:]), body=text)
    if field == "presenting_concerns" and CLIENT_SPAN_RE.match(text) and \
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
        return other_act(field, text, text.split(None, 1)[0], text.split(None, 1)[1])
    if ws and ws[0] in lx.PRONOUN_SUBJECTS:  # "he cried when talking about his son"
        return with_actor(field, text, text.split(None, 1)[1] if " " in text else "",
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
        return other_act(field, text, subject, predicate)  # "Greg and client spoke directly"
    if subject and predicate and lx.words(subject)[-1] in lx.CLIENT_WORDS:
        # "14-year-old client refusing school": the client, described by the therapist
        return Clause(field, text, Shape.VERB, Actor.CLIENT, subject=subject, body=predicate)
    if subject and predicate and is_person(subject):
        return other_act(field, text, subject, predicate)
    if field == "plan" and ws and ws[0] in HOMEWORK_VERBS and not noun_compound(ws):
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
                                             "should") or (ws[0] in HOMEWORK_VERBS
                                                           and not noun_compound(ws))):
        actor = Actor.CLIENT if ws[0] not in HOMEWORK_VERBS else \
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
    if field == "plan" and len(ws) > 1 and ws[0].endswith("ed") and \
            not wc.is_base_verb(ws[0]) and ws[0] not in lx.PAST_VERBS and \
            wc.can_be_adjective(ws[0]) and wc.can_be_noun(ws[1]) and \
            ws[1] not in lx.RELATION_NOUNS and ws[1] not in lx.PERSON_NOUNS:
        return Clause(field, text, Shape.NOUN, Actor.NONE, body=text)  # "fixed wake 7 am"
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
                                "appeared", "attended", "emerged", "happened", "occurred",
                                "returned", "came", "went", "stayed", "left", "responded",
                                "reacted", "talked", "spoke", "softened", "warmed", "calmed",
                                "struggled", "hesitated", "complied", "refused", "declined"})
_DONE_TO_NEXT = frozenset({"off", "again", "last", "yesterday", "today", "twice", "once",
                           "recently", "this"})
_PASSIVE_PLAN = frozenset({"given", "provided", "referred", "offered", "shown", "sent",
                           "assigned", "encouraged", "advised", "reminded", "educated",
                           "discharged", "scheduled"})
_DONE_TO_CLIENT = frozenset({"reminded", "given", "offered", "referred", "educated",
                             "encouraged", "advised", "discharged"})
# Imperative verbs of homework that the general word lists may not know ("garden 2x/wk").
HOMEWORK_VERBS = wordset("""
garden journal stretch meditate exercise walk run swim cook clean read write draw paint call text
email message visit attend practice try use notice track log list plan schedule review bring
tell ask share repeat continue drop delay touch ride drive listen look watch eat sleep wake limit
avoid reduce increase jot research explore research message check pack complete finish start
""")
