"""The mental status line: the therapist's observations, in a clinician's sentence.

"Alert, oriented x3, affect constricted, mood "down", thought process linear" becomes "Client
was alert and oriented x3. Affect was constricted, mood was "down," and thought process was
linear." Only copulas, "presented with" and connectives are added: every descriptor stays as
the therapist wrote it, none is paraphrased, softened or filled in. A list written as labels
("Mood: exhausted. Affect: restricted.") is already how clinicians write it and stays so.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from drafting import lexicon as lx
from drafting import shapes as sh
from drafting.clauses import COPULA_WORDS, Clause, Shape, analyze
from drafting.phrases import slots
from drafting.predicates import lower_first
from drafting.sentence import Segment, Sentence
from drafting.shorthand import expand
from drafting.split import split_facts, split_items
from drafting.voice import Voice

_MSE_LEAD_RE = re.compile(r"^(?:mse|mental\s+status(?:\s+exam)?)\s*:\s*", re.IGNORECASE)
_LABELLED_RE = re.compile(r"^[A-Za-z][\w /&-]{0,30}:\s*\S")


def mental_status_sentences(text: str, voice: Voice,
                            client: Callable[[tuple[str, str] | None], list[Segment]],
                            ) -> list[Sentence]:
    """``client(aux)`` is the subject the section chooses for the client ("Client was")."""
    text = expand(_MSE_LEAD_RE.sub("", text.strip(), count=1) or text)
    facts = split_facts(text)
    whole = Clause("mental_status", text.strip(), Shape.NOUN, analyze("mental_status",
                                                                       text).actor)
    if not facts:
        return []
    first = analyze("mental_status", "; ".join(facts))
    if first.shape is Shape.NOT_ASSESSED:
        return [Sentence([f"Mental status was {first.body}".strip()], [first])]
    if all(_LABELLED_RE.match(f) for f in facts):
        # "Appearance: well-groomed. Mood: "exhausted"." is signed as written.
        return [Sentence([f], [Clause("mental_status", f, Shape.NOUN, whole.actor, body=f)])
                for f in facts]
    items = [i for f in facts for i in split_items(re.sub(r"^(?:mse|mental status)\s*:\s*",
                                                          "", f, flags=re.IGNORECASE))]
    states: list[str] = []
    withs: list[str] = []
    copulas: list[str] = []
    others: list[str] = []
    for item in items:
        kind = _kind(item)
        {"state": states, "with": withs, "copula": copulas}.get(kind, others).append(item)

    def said(group: list[str]) -> list[Clause]:  # each item is a fact the sentence keeps
        return [Clause("mental_status", i, Shape.NOUN, whole.actor, body=i) for i in group]

    sentences: list[Sentence] = []
    person: list[Segment] = []
    if states:
        person = client(("was", "were")) + [_join([lower_first(s) for s in states])]
    if withs:
        phrase = _join([lower_first(w) for w in withs])
        if person:
            person += [", with ", phrase]
        else:
            person = client(None) + ["presented with ", phrase]
    if person:
        sentences.append(Sentence(person, said(states + withs)))
    if copulas:
        parts = []
        for item in copulas:
            noun, _, rest = _copula_split(item)
            plural = noun.split()[-1].lower().endswith("s") and not noun.endswith("ss")
            parts.append(f"{lower_first(noun)} {'were' if plural else 'was'} {rest}")
        sentences.append(Sentence([_join(parts)], said(copulas)))
    for item in others:
        words = lx.words(item)
        if words and words[0].endswith("ing") and len(words[0]) > 4:
            # "tugging at sleeves": what the client was doing
            sentences.append(Sentence(client(("was", "were")) + [item], said([item])))
        elif words and (words[0] in lx.PAST_VERBS or (
                words[0].endswith("ed") and words[0] not in lx.ED_ADJECTIVES
                and not sh.state_word(words[0]))):
            # "joined from parked car for privacy": something the client did
            sentences.append(Sentence(client(None) + slots(item, voice, verb_first=True),
                                      said([item])))
        else:
            sentences.append(Sentence([item], said([item])))
    return sentences


def _kind(item: str) -> str:
    ws = lx.words(item)
    if not ws:
        return "other"
    if _copula_split(item)[0]:
        return "copula"
    if re.match(r"a\s*&\s*o\s*x?\s*\d|aox\d", item, re.IGNORECASE):
        return "state"  # "A&Ox4"
    if len(ws) == 1 and item[:1].islower() and ws[0] not in _NOUNS:
        return "state"  # "fidgety", "teary": one word about the client
    if len(ws) > 1 and ws[0] in ("more", "less", "very", "somewhat") and sh.state_word(ws[1]):
        return "state"  # "more open by midpoint"
    if sh.state_word(ws[0]) or ws[0] in ("oriented", "alert"):
        if len(ws) > 1 and not sh.state_word(ws[1]) and ws[1] not in sh.STATE_FOLLOWERS \
                and not re.match(r"x\d|times", ws[1]) and not item.split()[0].endswith(","):
            return "with"  # "anxious affect", "good eye contact"
        return "state"
    if len(ws) > 1 and (ws[0] in COPULA_WORDS or ws[0] in ("good", "fair", "poor", "sad")):
        return "with"  # "sad mood", "good eye contact"
    return "other"


_NOUNS = ("affect", "mood", "speech", "thought process", "thought content", "thoughts",
          "insight", "judgment", "judgement", "insight/judgment", "eye contact", "appearance",
          "behavior", "behaviour", "orientation", "memory", "attention", "concentration",
          "hygiene", "grooming", "psychomotor", "motor activity", "mse", "cognition",
          "perception", "sleep", "appetite", "energy")


def _copula_split(item: str) -> tuple[str, str, str]:
    """("speech", "was", "pressured at times") for "speech pressured at times"."""
    low = item.lower()
    for noun in sorted(_NOUNS, key=len, reverse=True):
        if low.startswith(noun + " ") or low.startswith(noun + ":"):
            rest = item[len(noun):].lstrip(": ").strip()
            if rest and not rest.lower().startswith(("is ", "was ", "were ", "are ")):
                return item[:len(noun)], "was", rest
            if rest:
                verb, _, after = rest.partition(" ")
                return item[:len(noun)], verb, after
    return "", "", ""


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    if len(items) == 2:
        return f"{items[0]} and {items[1]}"
    return ", ".join(items[:-1]) + f", and {items[-1]}"
