"""What is to come: an intake's recommendations and a treatment plan's interventions.

"weekly individual CBT for panic; referral to PCP for medication evaluation; begin
interoceptive exposure" becomes "Weekly individual CBT for panic and a referral to PCP for
medication evaluation are recommended. Client will begin interoceptive exposure." A plan's
interventions: "Interventions will include weekly 53-minute individual CBT sessions,
behavioral activation, and cognitive restructuring. Clinician will teach diaphragmatic
breathing." A noun phrase is what is recommended (or what the interventions include); a verb
is who will do it, as a progress note's plan says it.
"""

from __future__ import annotations

from drafting import lexicon as lx
from drafting.clauses import Actor, Clause, Setting, Shape, analyze
from drafting.documents.base import (
    Section,
    capital,
    intake_shorthand,
    join_items,
    noun_slots,
    own_sentence,
)
from drafting.lexicon import wordset
from drafting.own_clauses import own
from drafting.phrases import article_for, is_plural, lower_first
from drafting.predicates import predicate
from drafting.sentence import Choice, Segment, Sentence, lit
from drafting.split import split_facts, split_items

RECOMMENDED_FRAME = "is are also recommended"
INCLUDE_FRAME = "interventions will include"
MAX_LISTED = 4  # noun phrases one sentence lists


def recommendations_field(field: str, text: str, setting: Setting,
                          section: Section) -> list[Clause]:
    return _future(field, text, setting, section, _recommended)


def plan_interventions_field(field: str, text: str, setting: Setting,
                             section: Section) -> list[Clause]:
    return _future(field, text, setting, section, _included)


def _facts(text: str) -> list[str]:
    """Facts, and a comma list of short noun phrases as its items."""
    out: list[str] = []
    for fact in split_facts(intake_shorthand(text)):
        items = split_items(fact)
        if len(items) > 1 and all(_short_noun(i) for i in items):
            out += items
        else:
            out.append(fact)
    return out


def _short_noun(text: str) -> bool:
    words = lx.words(text)
    return 0 < len(words) <= 6 and not any(w in lx.BASE_VERBS for w in words[:1])


def _future(field: str, text: str, setting: Setting, section: Section,
            nouns_sentence: object) -> list[Clause]:
    said: list[Clause] = []
    pending: list[Clause] = []

    def flush() -> None:
        again = False
        while pending:
            chunk = pending[:MAX_LISTED]
            del pending[:MAX_LISTED]
            section.add(nouns_sentence(chunk, section, again))  # type: ignore[operator]
            again = True

    for fact in _facts(text):
        clause = analyze("plan", fact, setting)
        if _is_thing(clause) or (nouns_sentence is _included and not _an_act(clause)):
            body = clause.body if clause.shape is Shape.NOUN else clause.text
            pending.append(Clause(field, clause.text, Shape.NOUN, Actor.NONE, body=body,
                                  frame=RECOMMENDED_FRAME + " " + INCLUDE_FRAME + " a an the"))
            said.append(pending[-1])
            continue
        flush()
        said.append(clause)
        section.add(_planned(clause, section))
    flush()
    return said


# What a clinician does in a plan ("teach diaphragmatic breathing") and what a client does
# ("attend weekly sessions"): anything else in a plan's interventions is a thing it includes
# ("sleep hygiene", "GAD-7 every 4 weeks").
CLINICIAN_VERBS = wordset("""
teach provide conduct facilitate refer coordinate consult monitor administer re-administer
review assess reassess guide model assign introduce explore offer deliver support help send
obtain update use implement develop complete collaborate
""")
CLIENT_VERBS = wordset("""
attend practice keep track log complete use read write journal try call meet participate
""")


def _an_act(clause: Clause) -> bool:
    words = lx.words(clause.body)
    return clause.shape is Shape.VERB and bool(words) and (
        words[0] in CLINICIAN_VERBS or words[0] in CLIENT_VERBS
        or clause.actor in (Actor.THERAPIST, Actor.JOINT) and clause.named)


def _is_thing(clause: Clause) -> bool:
    """A noun phrase the plan names (not an appointment, not someone's act)."""
    if clause.shape is not Shape.NOUN or clause.actor is not Actor.NONE or clause.label:
        return False
    words = lx.words(clause.body)
    return bool(words) and not (words[0] in ("next", "f/u", "follow-up") or
                                any(w in ("session", "appointment") for w in words[:2])
                                and any(ch.isdigit() for ch in clause.body))


def _planned(clause: Clause, section: Section) -> Sentence:
    """Who will do it, as a progress note's plan says it ("Client will ...")."""
    voice = section.voice
    pred = predicate(clause, voice) if not clause.subject else None
    words = lx.words(clause.body)
    actor = clause.actor
    if clause.shape is Shape.VERB and not clause.named and words and words[0] in CLINICIAN_VERBS \
            and words[0] not in CLIENT_VERBS:
        actor = Actor.THERAPIST  # "teach diaphragmatic breathing": the clinician will
    if pred is not None and actor in (Actor.CLIENT, Actor.THERAPIST, Actor.JOINT):
        key = {Actor.CLIENT: "client", Actor.THERAPIST: "therapist",
               Actor.JOINT: "joint"}[actor]
        sentence = section._sentence(key, [pred])
        return sentence
    return own_sentence(own(clause, voice))


def _listed(clauses: list[Clause], section: Section) -> list[Segment]:
    parts: list[list[Segment]] = []
    for n, clause in enumerate(clauses):
        body = lower_first(clause.body) if n else clause.body
        segments = noun_slots(body, section.voice, object_start=True, after="include")
        parts.append(segments)
    return join_items(parts)


def _recommended(clauses: list[Clause], section: Section, again: bool = False) -> Sentence:
    """"Weekly individual CBT and a referral to PCP are recommended." The first item may
    take an article ("A referral to psychiatry is recommended"): the model decides."""
    first = clauses[0].body
    words = lx.words(first)
    plural = len(clauses) > 1 or (bool(words) and is_plural(words[-1]))
    also = " also" if again else ""
    verb = f" are{also} recommended" if plural else f" is{also} recommended"
    body = _listed(clauses, section)
    if first[:1].isupper() or first[:1].isdigit():  # a name ("CBT", "NAMI") or a number
        return Sentence(capital(body) + [verb], clauses)
    article = Choice(("", f"{article_for(first)} "), 0, "article")
    return Sentence([article, *body, verb], clauses)


def _included(clauses: list[Clause], section: Section, again: bool = False) -> Sentence:
    """"Interventions will include weekly CBT sessions and behavioral activation." (the next
    ones: "Interventions will also include ...")."""
    body = _listed([Clause(c.field, c.text, c.shape, c.actor, body=lower_first(c.body),
                           frame=c.frame) for c in clauses], section)
    lead = "Interventions will also include " if again else "Interventions will include "
    return Sentence(lit(lead) + body, clauses)


def aftercare_field(field: str, text: str, setting: Setting, section: Section) -> list[Clause]:
    """Referrals and aftercare, as a progress note's plan says them ("Client was referred to
    her PCP for medication management. Client may return to therapy as needed.")."""
    clauses = [analyze("plan", fact, setting) for fact in split_facts(intake_shorthand(text))]
    section.add_field(clauses)
    return clauses
