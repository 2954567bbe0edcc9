"""Who says what: a quotation's speaker and whom it is said to.

"Rob: 'I can back off'" is Rob speaking (though "rob" is also an English verb, the facts named
him: "stepfather (Rob)"); "D. to clt: 'I'm scared'" is D. speaking to the client; "held knife,
'my hand was sweaty'" is whoever held the knife saying so. A quotation that speaks for no one
("screaming at the table") is never given a speaker.
"""

from __future__ import annotations

import re
from dataclasses import replace

from drafting import lexicon as lx
from drafting import wordclass as wc
from drafting.clause_types import Actor, Clause, Setting, Shape
from drafting.subjects import a_name, is_person


def spoken(field: str, text: str, setting: Setting) -> Clause | None:
    """A fact that opens with its speaker ("Rob:", "clt to Greg:"), as a clause, or None."""
    told_to = re.match(r"^([A-Za-z][\w.'-]{0,20})\s+to\s+([A-Za-z][\w.'-]{0,20})\s*:\s*(?=[\"“])",
                       text)
    if told_to and all(_a_person(who, setting) for who in told_to.groups()):
        # "D. to clt: 'I'm scared'" is D. speaking to the client, "clt to Greg: ..." the client
        speaker, hearer = told_to.groups()
        if lx.words(hearer)[-1:] and lx.words(hearer)[-1] in lx.CLIENT_WORDS:
            hearer = "the client"
        body = f"said to {hearer}, {text[told_to.end():]}"
        if lx.words(speaker)[-1:] and lx.words(speaker)[-1] in lx.CLIENT_WORDS:
            return Clause(field, text, Shape.VERB, Actor.CLIENT, body=body)
        return Clause(field, text, Shape.VERB, Actor.OTHER, subject=speaker, body=body)
    said = re.match(r"^([A-Za-z][\w' -]{0,30}?)\s*:\s*(?=[\"“])", text)
    if said and (is_person(said.group(1)) or a_name(said.group(1)) or
                 said.group(1) in setting.people or
                 lx.words(said.group(1))[-1:] and
                 lx.words(said.group(1))[-1] in lx.CLIENT_WORDS):
        speaker = said.group(1)
        quote = text[said.end():]
        if lx.words(speaker)[-1] in lx.CLIENT_WORDS:
            return Clause(field, text, Shape.QUOTE, Actor.CLIENT, named=True, body=quote)
        return Clause(field, text, Shape.QUOTE, Actor.OTHER, subject=speaker, body=quote)
    return None


def _a_person(word: str, setting: Setting) -> bool:
    """"clt", "mom", "Greg", "D.": someone who may speak or be spoken to."""
    words = lx.words(word)
    return bool(words) and (words[-1] in lx.CLIENT_WORDS or is_person(word) or a_name(word)
                            or word in setting.people
                            or re.fullmatch(r"[A-Z]\.?", word) is not None)


# Words someone says of themselves or to someone ("I can't stop", "you're right"), not a
# description in quotes ("screaming at the table"), whose speaker is not written
_SPOKEN_RE = re.compile(r"\b(?:I|I'm|I've|I'd|I'll|me|my|we|we're|us|our|you|you're|your)\b",
                        re.IGNORECASE)
# a fact that ends with a quotation after a comma, with no other quotation before it
_TRAILING_QUOTE_RE = re.compile(r'^([^"“”]*[^\s,"“”]),\s+(["“][^"“”]+["”]\.?)$')


def said_after_comma(clause: Clause) -> Clause:
    """'checking his phone nightly, "I can't stop"' -> '... nightly and said, "I can't stop"':
    the quotation said by whoever did the rest, never spliced on with a comma, where it speaks
    in the first or second person and no verb of saying is already there."""
    field = clause.field
    said = _TRAILING_QUOTE_RE.match(clause.body)
    if said and not re.search(r"\b(?:said|says|stated|states|told|asked)\b", said.group(1)) and \
            field in ("presenting_concerns", "client_response") and \
            _SPOKEN_RE.search(said.group(2)) and \
            clause.shape in (Shape.VERB, Shape.NOUN, Shape.STATE, Shape.CLAUSE) and (
            clause.actor is Actor.CLIENT and not clause.subject
            or clause.actor is Actor.NONE and not clause.subject and field == "presenting_concerns"
            or clause.actor is Actor.OTHER and wc.is_past(lx.words(clause.body)[0])):
        return replace(clause, body=f"{said.group(1)} and said, {said.group(2)}")
    return clause
