"""Histories as an intake is written: the client's account in the third person, aggregated.

"prior outpatient therapy 2019 for depression, helpful; no psychiatric hospitalizations;
lives with husband and 2 children; works as a pharmacist; married 9 years" becomes "Client
reported prior outpatient therapy 2019 for depression, which was helpful, and no psychiatric
hospitalizations. She lives with her husband and 2 children and works as a pharmacist. Client
has been married 9 years."

What the client lives with now stays in the present ("lives with", "is married"), what was done
to them is passive ("was referred by her PCP", "was hospitalized in 2015"), a noun phrase is
what they reported, another person's history keeps its own subject ("Her father had alcohol
use disorder."), and a sentence the therapist wrote out stays theirs. Only "was", "is", "has
been", "reported", "feeling" and "which was" are added, all from the closed vocabulary.
"""

from __future__ import annotations

import re
from dataclasses import replace

from drafting import lexicon as lx
from drafting import shapes as sh
from drafting.clauses import Actor, Clause, Setting, Shape, analyze
from drafting.documents.base import (
    Section,
    capital,
    compound_adjective_first,
    field_clauses,
    join_items,
    noun_slots,
    own_sentence,
)
from drafting.lexicon import wordset
from drafting.own_clauses import own
from drafting.phrases import article_for, lower_first
from drafting.predicates import PAST_OF, Own, Pred, predicate
from drafting.sentence import Choice, Segment, Sentence, lit
from drafting.voice import Voice

ROLE = "presenting_concerns"  # a history is what the client told: reported, in the past
# What was done to the client: "referred by PCP", "hospitalized in 2015".
_DONE_TO = wordset("""
referred diagnosed hospitalized admitted treated prescribed arrested charged convicted
incarcerated jailed sentenced placed adopted raised born bullied abused assaulted removed
suspended expelled evaluated seen followed managed discharged transferred fired laid injured
molested neglected tested screened started restarted tapered titrated switched hit
""")
# How the client is now: "married", "employed"; with a duration it has been so.
_STATUS = wordset("""
married divorced separated widowed single engaged employed unemployed retired disabled sober
abstinent homeless pregnant partnered enrolled estranged remarried underemployed housed
""")
# Verbs a history (or a strength) starts with in the present ("lives with", "works as").
PRESENT_VERBS = wordset("""
lives works smokes drinks uses vapes takes attends has sees owns rents shares studies plays
enjoys reads cares spends volunteers walks runs exercises sleeps eats goes gets keeps loves
likes identifies speaks practices belongs stays visits talks wants hopes drives cooks gambles
endorses reports denies describes notes states drinks avoids wakes prefers misses worries
feels struggles continues remains needs sleeps lacks receives pays supports parents co-parents
""")
_DURATION_RE = re.compile(r"\b(?:since|for)\b|\b\d+\s+(?:years?|months?|weeks?|days?)\b"
                          r"(?!\s+ago)", re.IGNORECASE)
_EVENT_RE = re.compile(r"\b(?:in|at|on)\s+(?:\d{4}|age\b)|\bago\b", re.IGNORECASE)
_AGE_LEAD_RE = re.compile(r"^(\d{1,2}-year-old)\b(.*)$", re.IGNORECASE)
_YEARS_OLD_RE = re.compile(r"^\d{1,3}\s+years?\s+old$", re.IGNORECASE)
_JUDGED = wordset("""
helpful unhelpful effective ineffective beneficial useful brief positive negative
""")
_EMOTIONS = wordset("""
anxious sad angry frustrated overwhelmed stressed worried guilty ashamed lonely hopeless
helpless depressed irritable nervous scared afraid numb stuck exhausted tired embarrassed
rejected isolated hopeful relieved unsafe
""")
_RELATIONAL = wordset("""
close distant connected involved active independent dependent fluent bilingual religious
spiritual supportive responsible compliant adherent nonadherent noncompliant current
""")
# Words before a verb that leave the verb first ("now avoids highways").
_ADVERBS = wordset("""
now still also currently often usually sometimes rarely recently previously briefly later
then reportedly occasionally
""")
MAX_IN_SENTENCE = 2  # facts one history sentence aggregates, as intakes read


def history_field(field: str, text: str, setting: Setting, section: Section) -> list[Clause]:
    """Plan a history answer into ``section``; the clauses it says."""
    clauses = field_clauses(field, text, setting, ROLE)
    clauses = [c3 for c in clauses for c2 in _age_split(c, setting)
               for c3 in _comma_split(c2, setting)]
    family: list[tuple[Clause, list[Segment]]] = []
    group: list[Pred] = []

    def flush() -> None:
        nonlocal group
        if group:
            section.add(section._sentence("client", group), subject="client")
            group = []

    for clause in clauses:
        if _AGE_LEAD_RE.match(clause.text) and clause.actor is Actor.CLIENT:
            flush()
            section.add(who_sentence(clause, section), subject="client")
            continue
        if field == "family_social" and _family_noun(clause):
            family.append((clause, noun_slots(clause.body, section.voice, object_start=True,
                                              after="includes")))
            continue
        item = history_item(clause, section)
        if field == "referral" and _why_referred(clause, item):
            flush()
            labelled = replace(clause, frame=REFERRAL_FRAME)
            section.add(own_sentence(Own(labelled, lit("Reason for referral: ")
                                         + noun_slots(clause.body, section.voice))))
            clauses = [labelled if c is clause else c for c in clauses]
            continue
        if isinstance(item, Own):
            flush()
            section.add(own_sentence(item))
            continue
        if group and not _joins(group, item):
            flush()
        group.append(item)
    flush()
    if family:
        frame = "family history includes"
        said = [replace(c, frame=frame) for c, _ in family]
        section.add(Sentence(lit("Family history includes ")
                             + join_items([s for _, s in family]), said))
        clauses = [c for c in clauses if c not in {c0 for c0, _ in family}] + said
    return clauses


REFERRAL_FRAME = "reason for referral"


def _why_referred(clause: Clause, item: Pred | Own) -> bool:
    """A referral answer that is a bare noun phrase ("court-mandated evaluation after a DUI
    arrest") is the reason for referral itself, not something the client reported."""
    if clause.actor not in (Actor.CLIENT, Actor.NONE) or clause.label or clause.subject:
        return False
    if compound_adjective_first(clause.body):
        return True
    return isinstance(item, Pred) and item.lead == "reported" and clause.shape is Shape.NOUN


def _joins(group: list[Pred], item: Pred) -> bool:
    """May ``item`` join the sentence so far? Two facts at most, none with commas of its own
    (the list would blur), and the same auxiliary: "has been sober since 2020 and divorced in
    2019" would say she has been divorced since then."""
    last = group[-1]
    return (len(group) < MAX_IN_SENTENCE and not getattr(item, "alone", False)
            and not getattr(last, "alone", False) and "," not in item.clause.body
            and all("," not in p.clause.body for p in group) and item.aux == last.aux)


def history_item(clause: Clause, section: Section) -> Pred | Own:
    """A client predicate (aggregated by the caller) or a sentence of its own."""
    voice = section.voice
    clause = _gerund_first(clause)
    if _YEARS_OLD_RE.match(clause.text) and clause.actor in (Actor.CLIENT, Actor.NONE):
        return Pred(clause, [clause.body], aux=("is", "are"), lead="is", state=True)
    if clause.actor not in (Actor.CLIENT, Actor.NONE) or clause.label or clause.shape in (
            Shape.QUOTE, Shape.MEASURE, Shape.CLAUSE, Shape.PASSIVE, Shape.COPULA,
            Shape.NOTHING, Shape.NOT_ASSESSED) or (clause.subject and clause.actor is
                                                   Actor.CLIENT):
        if clause.label and clause.shape is Shape.NOUN:
            return Own(clause, lit(clause.label[0].upper() + clause.label[1:], ": ")
                       + noun_slots(clause.body, voice))
        pred = predicate(clause, voice) if clause.actor is Actor.CLIENT and not \
            clause.subject and not clause.label else None
        return pred if pred is not None else own(clause, voice)
    body = lower_first(clause.body)
    words = lx.words(body)
    if not words:
        return own(clause, voice)
    first = words[0]
    if first in _ADVERBS and len(words) > 1 and (words[1] in PRESENT_VERBS or words[1] in PAST_OF
                                                 or sh.verb_first(body.split(None, 1)[1])):
        return _verb(clause, body, voice, adverb=True)
    if first in _DONE_TO and not (first in lx.PAST_VERBS and len(words) > 1
                                  and words[1] in lx.DETERMINERS | {"her", "his", "their"}):
        return _aux(clause, body, ("was", "were"), voice)
    if first in _STATUS:
        if _EVENT_RE.search(body) and first in ("married", "divorced", "separated",
                                                "remarried", "engaged", "retired"):
            return _verb(clause, body, voice)  # "divorced in 2019": what happened
        aux = ("has been", "have been") if _DURATION_RE.search(body) else ("is", "are")
        return _aux(clause, body, aux, voice, state=True)
    if first in ("was", "is", "were", "are", "has", "have", "had", "did", "does", "will"):
        found = predicate(clause, voice)
        return found if found is not None else own(clause, voice)
    if first in PRESENT_VERBS or first in PAST_OF or clause.shape is Shape.VERB \
            or sh.verb_first(body):
        return _verb(clause, body, voice)
    if clause.shape is Shape.STATE or sh.is_state(body) or first in _RELATIONAL:
        if first in _EMOTIONS:
            return Pred(clause, lit("reported feeling ") + noun_slots(body, voice), lead="reported")
        return _aux(clause, body, ("is", "are"), voice, state=True)
    if first == "on" and len(words) > 1:  # "on levothyroxine" (split off its condition)
        return Pred(clause, [body], aux=("is", "are"), lead="is", state=True)
    obj = noun_slots(_judged(body), voice, object_start=True, after="reported")
    return Pred(clause, lit(Choice(("reported ",), 0, "verb")) + obj, lead="reported",
                object_segments=obj)


def _gerund_first(clause: Clause) -> Clause:
    """"sleeping 10 hours and still tired" is what the client reported doing, not a subject
    ("sleeping 10 hours and still") and its state."""
    words = lx.words(clause.text)
    if (clause.shape in (Shape.PASSIVE, Shape.COPULA, Shape.CLAUSE) and words
            and words[0].endswith("ing") and len(words[0]) > 4 and not clause.label
            and clause.actor is Actor.NONE and words[0] not in _ING_NOUNS):
        return Clause(clause.field, clause.text, Shape.NOUN, Actor.NONE, body=clause.text,
                      frame=clause.frame)
    return clause


_ING_NOUNS = wordset("""
morning evening meeting wedding building feeling housing clothing nothing something
anything everything
""")


def _aux(clause: Clause, body: str, aux: tuple[str, str], voice: Voice,
         state: bool = False) -> Pred:
    return Pred(clause, noun_slots(_judged(body), voice, verb_first=True), aux=aux, lead=aux[0],
                state=state)


def _verb(clause: Clause, body: str, voice: Voice, adverb: bool = False) -> Pred:
    lead = ""
    if adverb:  # "now avoids highways": the adverb stays before its verb
        lead, _, body = body.partition(" ")
        lead += " "
    head, _, rest = body.partition(" ")
    told = PAST_OF.get(head.lower(), head)  # "denies drug use" was said at the interview
    phrase = f"{told} {_judged(rest)}".strip()
    segments = lit(lead) + noun_slots(phrase, voice, verb_first=True) if lead else \
        noun_slots(phrase, voice, verb_first=True)
    objects = noun_slots(_judged(rest), voice, object_start=False) if rest and not lead else []
    return Pred(clause, segments, lead=told.lower() if not lead else "",
                object_segments=objects)


def _judged(body: str) -> str:
    """"..., helpful" at the end of a fact: ", which was helpful" (the therapist's word)."""
    match = re.search(r",\s*(\w+)$", body)
    if match and match.group(1).lower() in _JUDGED:
        return body[:match.start()] + f", which was {match.group(1)}"
    return body


def _comma_split(clause: Clause, setting: Setting) -> list[Clause]:
    """"DUI in 2021, completed probation": a noun phrase, then what the client did (two
    facts); "hypothyroidism, on levothyroxine": the condition, then what treats it."""
    if clause.shape is not Shape.NOUN or clause.actor is not Actor.NONE or clause.label:
        return [clause]
    head, comma, tail = clause.body.rpartition(", ")
    if not comma or "," in head:
        return [clause]
    tail_words = lx.words(tail)
    if tail_words[:1] == ["on"] or (tail_words and tail_words[0] in lx.PAST_VERBS
                                    and sh.verb_first(tail)):
        return [analyze(clause.field, head, setting), analyze(clause.field, tail, setting)]
    return [clause]


def _family_noun(clause: Clause) -> bool:
    """"maternal grandmother with bipolar disorder": a relative's history as a noun phrase."""
    if clause.shape is not Shape.NOUN or clause.actor is not Actor.NONE:
        return False
    words = [w for w in lx.words(clause.body)[:3] if w not in ("maternal", "paternal", "older",
                                                               "younger", "half", "step")]
    return bool(words) and (words[0] in lx.RELATION_NOUNS or words[0] in lx.PERSON_NOUNS
                            or words[0].rstrip("s") in lx.RELATION_NOUNS)


def _age_split(clause: Clause, setting: Setting) -> list[Clause]:
    """"34-year-old married pharmacist referred by PCP for panic attacks": who the client is,
    then what brought them (two facts, as an intake opens)."""
    match = _AGE_LEAD_RE.match(clause.text)
    if match is None:
        return [clause]
    rest = match.group(2).strip(" ,")
    words = rest.split()
    cut = next((i for i, w in enumerate(words) if lx.words(w)[:1] and (
        lx.words(w)[0] in _DONE_TO or lx.words(w)[0] in ("self-referred", "presenting",
                                                         "presents", "with", "who",
                                                         "seeking", "seen"))), len(words))
    who = " ".join([match.group(1), *words[:cut]]).strip(" ,")
    what = " ".join(words[cut:]).strip(" ,")
    person = Clause(clause.field, who, Shape.NOUN, Actor.CLIENT, body=who, frame="is a an")
    out = [person]
    if what:
        out.append(analyze(clause.field, what, setting))
    return out


def who_sentence(clause: Clause, section: Section) -> Sentence:
    """"Client is a 34-year-old married pharmacist.\""""
    return Sentence(capital(section.client_subject(("is", "are")))
                    + [f"{article_for(clause.body)} {clause.body}"], [clause])
