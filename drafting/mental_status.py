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
from drafting import wordclass as wc
from drafting.clauses import Actor, Clause, Shape, analyze
from drafting.phrases import lower_first, slots
from drafting.sentence import Segment, Sentence
from drafting.shorthand import CLIENT_RE, expand, mental_status_shorthand
from drafting.split import split_facts, split_items
from drafting.subjects import COPULA_WORDS, names_someone
from drafting.voice import Voice

_MSE_LEAD_RE = re.compile(r"^(?:mse|mental\s+status(?:\s+exam)?)\s*:\s*", re.IGNORECASE)
_LABELLED_RE = re.compile(r"^[A-Za-z][\w /&-]{0,30}:\s*\S")


def mental_status_sentences(text: str, voice: Voice,
                            client: Callable[[tuple[str, str] | None], list[Segment]],
                            ) -> list[Sentence]:
    """``client(aux)`` is the subject the section chooses for the client ("Client was")."""
    text = expand(_MSE_LEAD_RE.sub("", text.strip(), count=1) or text)
    text = mental_status_shorthand(text)
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
    mixed = _mixed_lines(facts) if voice.service != "individual" else []
    # "Observed: pt hesitated ..., held hands away": the therapist's own lead, kept
    mixed += [f for f in facts if _OBSERVED_LEAD_RE.match(f) and f not in mixed]
    facts = [f for f in facts if f not in mixed]
    # "Phone." / "by video": how the clinician observed, said before what was observed
    how = next((f for f in facts if f.strip(" .").lower() in _MODALITY_ITEMS), "")
    facts = [f for f in facts if f != how]
    theirs = [f for f in facts if someone_else_observed(f)]
    facts = [f for f in facts if f not in theirs]
    items = _attach(i for f in facts for i in split_items(
        re.sub(r"^(?:mse|mental status)\s*:\s*", "", f, flags=re.IGNORECASE)))
    states: list[str] = []
    withs: list[str] = []
    copulas: list[str] = []
    others: list[str] = []
    for item in items:
        bare_item = CLIENT_RE.sub("", item, count=1)
        item = bare_item if bare_item and bare_item != item else item  # "pt active"
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
            noun, verb, rest = _copula_split(item)
            plural = noun.split()[-1].lower().endswith("s") and not noun.endswith("ss")
            verb = verb and ("were" if plural else "was")
            parts.append(f"{lower_first(noun)} {verb} {rest}" if verb else
                         f"{lower_first(noun)} {rest}")
        sentences.append(Sentence([_join(parts, clauses=True)], said(copulas)))
    acts: list[tuple[str, list[Segment]]] = []
    for item in others:
        words = lx.words(item)
        unseen = _NONE_OBSERVED_RE.match(item)
        if acts and not _is_act(words):
            sentences.append(_acts_sentence(acts, client))
            acts = []
        posture = _POSTURE_RE.match(lower_first(item).rstrip(". "))
        if posture and not unseen:  # "arms crossed first 20 min": the client's arms were
            part, done, after = posture.groups()
            verb = "was" if part in ("head", "jaw") else "were"
            sentences.append(Sentence([f"{voice.possessive.capitalize()} {part} {verb} "
                                       f"{done}{after}"], said([item])))
        elif unseen:  # "no signs of intoxication observed" -> "... were observed"
            noun = re.sub(r"\s+of\s+.*$", "", unseen.group(1))
            verb = "were" if noun.split()[-1].lower().endswith("s") else "was"
            sentences.append(Sentence([f"{unseen.group(1)} {verb} {unseen.group(2)}"],
                                      said([item])))
        elif words and words[0].endswith("ing") and len(words[0]) > 4:
            # "tugging at sleeves": what the client was doing
            sentences.append(Sentence(client(("was", "were")) + [item], said([item])))
        elif _is_act(words):
            # "joined from parked car for privacy": something the client did; several in a
            # row are one sentence ("separated from father easily, smiled at the therapist")
            acts.append((item, slots(lower_first(item), voice, verb_first=True)))
        elif len(words) > 1 and wc.is_third_person(words[0]) and wc.verb_lemma(words[0]) \
                and words[1] not in lx.PREPOSITIONS and words[1] not in ("and", "or") \
                and not words[1].endswith(("ed", "ing")):  # not "arms folded"
            # "uses humor": what the client did, in the session's past
            head, _, rest = lower_first(item).partition(" ")
            sentences.append(Sentence(client(None) + slots(f"{wc.past(head)} {rest}".strip(),
                                                           voice, verb_first=True),
                                      said([item])))
        else:
            sentences.append(Sentence([item], said([item])))
    if acts:
        sentences.append(_acts_sentence(acts, client))
    sentences += [_as_written(f, whole.actor) for f in mixed]
    if how and sentences:  # "By phone, voice was steady ..."
        opening = sentences[0]
        lead: list[Segment] = [_MODALITY_ITEMS[how.strip(" .").lower()]]
        segments: list[Segment] = [lower_first(seg) if i == 0 and isinstance(seg, str) else seg
                                   for i, seg in enumerate(opening.segments)]
        sentences[0] = Sentence(lead + segments, opening.clauses + said([how]))
    sentences += [their_observation(fact, voice, said([fact])) for fact in theirs]
    return sentences


def their_observation(fact: str, voice: Voice, clauses: list[Clause] | None = None,
                      named: list[Segment] | None = None) -> Sentence:
    """"Mom anxious, talkative." -> "The mother was anxious and talkative."; "Lisa anxious,
    talked over others" -> "Lisa was anxious and talked over others."; "Greg arms folded" ->
    "Greg's arms were folded." Only the copula, "and" and an article are added. ``named`` is
    the subject as the sentence names it ("his wife"), where the caller has chosen it."""
    who, _, rest = fact.strip().partition(" ")
    subject = lx.ABBREVIATIONS.get(who.lower(), lower_first(who))  # "Mom" -> "mother"
    subject = subject if subject[:1].isupper() or subject == "both" else "the " + subject
    plural = subject == "both" or subject.endswith("s") and not subject.endswith("ss") and \
        not subject[:1].isupper()
    posture = _POSTURE_RE.match(rest.rstrip(". "))
    if posture and subject != "both" and named is None:
        part, done, after = posture.groups()
        verb = "was" if part in ("head", "jaw") else "were"
        return Sentence([f"{subject}'s {part} {verb} {done}{after}"], clauses or [])
    items = split_items(rest.rstrip(". "))
    states = [lower_first(i) for i in items if not _is_act(lx.words(i))]
    acts = [i for i in items if _is_act(lx.words(i))]
    segments: list[Segment] = list(named) if named is not None else [subject]
    if states:
        segments.append(f" {'were' if plural else 'was'} {_join(states)}")
    for n, act in enumerate(acts):
        last = n == len(acts) - 1
        segments.append(" and " if last and (states or n) else (", " if n or states else " "))
        segments += slots(lower_first(act), voice, verb_first=True)
    return Sentence(segments, clauses or [])


# What can be folded, crossed or closed ("Greg arms folded": a posture the therapist saw),
# and what else may be "over face" ("hair over face")
_POSTURE_PARTS = ("arms", "hands", "legs", "fists", "eyes", "head", "jaw", "shoulders")
_BODY_PARTS = frozenset(_POSTURE_PARTS) | {"hair", "face", "gaze"}
_POSTURE_RE = re.compile(rf"^({'|'.join(_POSTURE_PARTS)})\s+(\w+ed)\b(.*)$")


_OBSERVED_LEAD_RE = re.compile(r"^(?:observed|obs|noted|seen)\b[^:\"]{0,30}:", re.IGNORECASE)
_MODALITY_ITEMS = {"phone": "By phone, ", "by phone": "By phone, ", "video": "By video, ",
                   "on video": "On video, ", "telehealth": "Via telehealth, ",
                   "via telehealth": "Via telehealth, ", "on camera": "On camera, "}


def _is_act(words: list[str]) -> bool:
    """Something the client did ("joined from a parked car", "smiled at the therapist")."""
    return bool(words) and (words[0] in lx.PAST_VERBS or (
        words[0].endswith("ed") and (words[0] not in lx.ED_ADJECTIVES or len(words) == 2 and
                                     words[1] in ("later", "quickly", "gradually", "slowly"))
        and not sh.state_word(words[0])))  # "softened later"


def _acts_sentence(acts: list[tuple[str, list[Segment]]],
                   client: Callable[[tuple[str, str] | None], list[Segment]]) -> Sentence:
    """"Client separated from father easily, smiled at the therapist, and spoke softly."""
    segments = client(None)
    for n, (_, done) in enumerate(acts):
        if n:
            segments = segments + [" and " if len(acts) == 2 else
                                   (", and " if n == len(acts) - 1 else ", ")]
        segments = segments + done
    return Sentence(segments, [Clause("mental_status", i, Shape.NOUN, Actor.CLIENT, body=i)
                               for i, _ in acts])


def _mixed_lines(facts: list[str]) -> list[str]:
    """Lines that name another person but are not wholly about them ("both tense, client arms
    crossed", "Marcus quiet, looked at floor when criticized", "Jayden: withdrawn"), and the
    lines after one that name no one: who showed what is only as clear as the therapist wrote
    it, so they stay as written rather than being regrouped under the client."""
    mixed: list[str] = []
    carried = False
    for fact in facts:
        if someone_else_observed(fact) or CLIENT_RE.match(fact):
            carried = False  # "Mom anxious, talkative"; "clt irritable, sat apart from parents"
        elif any(names_someone(item.split()[0]) for item in split_items(fact) if item.split()):
            # a person at the head of an item, not "supportive of peers"
            mixed.append(fact)
            carried = True
        elif carried and not CLIENT_RE.match(fact):
            mixed.append(fact)
        else:
            carried = False
    return mixed


def _as_written(fact: str, actor: Actor) -> Sentence:
    text = re.sub(r"\b(?:clt|pt)\b(?!['’])", "client", fact.strip().rstrip("."),
                  flags=re.IGNORECASE)
    text = text[:1].upper() + text[1:]
    return Sentence([text], [Clause("mental_status", text, Shape.NOUN, actor, body=text)])


def someone_else_observed(fact: str) -> bool:
    """A line about another person in the room, whose states are theirs ("Mom anxious,
    talkative", "Stepdad quiet"), never the client's."""
    who, _, rest = fact.strip().partition(" ")
    items = split_items(rest.rstrip(". "))
    # "Sam", or "D" where a couple's partner goes by an initial
    named = re.fullmatch(r"[A-Z][a-z]+|[B-HJ-Z]\.?", who) is not None and not wc.everyday(who)
    return bool(items) and lx.words(who)[:1] != [] and (
        lx.words(who)[0] in lx.RELATION_NOUNS or lx.words(who)[0] in lx.PERSON_NOUNS
        or named or lx.words(who)[0] == "both") \
        and lx.words(who)[0] not in lx.CLIENT_WORDS \
        and (all(_observed_state(i) or _is_act(lx.words(i)) for i in items)
             and any(_observed_state(i) for i in items)  # "Lisa anxious, talked over others"
             or _POSTURE_RE.match(rest.rstrip(". ")) is not None)  # "Greg arms folded"


def _observed_state(item: str) -> bool:
    """"tearful", "briefly tearful", "looking at floor early", "more engaged later"."""
    ws = lx.words(item)
    if len(ws) == 1 and wc.can_be_adjective(ws[0]) and not wc.only_verb(ws[0]):
        return True  # "warm", "sarcastic": one word of how they were
    return bool(ws) and (sh.state_word(ws[0]) or ws[0] in COPULA_WORDS
                         or (ws[0].endswith("ly") or ws[0] in ("more", "less", "very"))
                         and len(ws) > 1 and (sh.state_word(ws[1]) or ws[1].endswith("ed"))
                         or ws[0].endswith("ing") and len(ws[0]) > 4)


_NONE_OBSERVED_RE = re.compile(r"^(no\s+.+?)\s+(observed|noted|reported|present|evident|seen)$",
                               re.IGNORECASE)
# Qualifiers written after the affect they qualify ("affect dysphoric, congruent").
_AFFECT_QUALIFIERS = frozenset({"congruent", "incongruent", "mood-congruent", "labile",
                                "reactive", "restricted", "constricted", "blunted", "flat",
                                "appropriate", "inappropriate", "full", "broad", "stable"})


def _attach(items: object) -> list[str]:
    """Items that only go on with the one before: "then tearful", "congruent" after the
    affect, are joined to it ("affect constricted until discussing father, then tearful")."""
    out: list[str] = []
    for item in items:  # type: ignore[attr-defined]
        ws = lx.words(item)
        joins_affect = (len(ws) == 1 and ws[0] in _AFFECT_QUALIFIERS or len(ws) == 2 and
                        ws[0].endswith("ly") and ws[1] in _AFFECT_QUALIFIERS) and out and \
            lx.words(out[-1])[:1] == ["affect"]  # "affect congruent, mildly restricted"
        goes_on = ws[:2] in (["away", "from"], ["close", "to"]) or ws[:1] in (
            ["without"], ["except"])  # "sat next to mom, away from stepdad"
        if out and ws and (ws[0] in ("then", "later", "but", "yet", "though") or joins_affect
                           or goes_on):
            out[-1] = f"{out[-1]} and {item}" if joins_affect else f"{out[-1]}, {item}"
        else:
            out.append(item)
    return out


# "shy first 10 minutes", "tearful initially": a state and when, not "presented with shy"
_WHEN_AFTER = frozenset({"first", "last", "initially", "early", "later", "throughout", "during",
                         "today", "briefly", "again"})


def _kind(item: str) -> str:
    ws = lx.words(item)
    if not ws:
        return "other"
    if len(ws) > 1 and (ws[0].endswith("ly") or ws[0] == "well") and \
            ws[0] not in ("only", "early", "daily") and (
            sh.state_word(ws[1]) or ws[1].endswith("ed")) and (
            len(ws) <= 4 or sh.state_word(ws[1])):  # "mildly defensive when discussing wife"
        return "state"  # "mildly anxious", "casually dressed"
    if ws[0] in ("on", "in") and len(ws) > 1 and ws[1] in ("camera", "video", "time"):
        return "state"  # "on camera whole session"
    if len(ws) > 2 and ws[0] in _BODY_PARTS and ws[1] in lx.PREPOSITIONS:
        return "with"  # "hair over face": "..., with hair over face"
    if _copula_split(item)[0]:
        return "copula"
    if re.match(r"a\s*&\s*o(?:\s*x?\s*\d)?\b|aox\d", item, re.IGNORECASE):
        return "state"  # "A&Ox4"
    if len(ws) == 1 and item[:1].islower() and ws[0] not in _NOUNS:
        return "state"  # "fidgety", "teary": one word about the client
    if len(ws) > 1 and ws[0] in ("more", "less", "very", "somewhat") and sh.state_word(ws[1]):
        return "state"  # "more open by midpoint"
    if len(ws) > 2 and wc.can_be_adjective(ws[0]) and not wc.can_be_noun(ws[0]) and \
            ws[1] in ("with", "toward", "towards", "to", "at", "during"):
        return "state"  # "appropriate with peers", "hostile toward staff"
    if sh.state_word(ws[0]) or ws[0] in ("oriented", "alert"):
        if len(ws) > 1 and not sh.state_word(ws[1]) and ws[1] not in sh.STATE_FOLLOWERS \
                and ws[1] not in ("appearing", "looking") \
                and ws[1] not in lx.PREPOSITIONS \
                and not re.match(r"x\d|times|twice|once", ws[1]) and ws[1] not in _WHEN_AFTER \
                and not item.split()[0].endswith(",") and not item.split()[1].startswith("("):
            return "with"  # "anxious affect", "good eye contact"
        return "state"
    if len(ws) > 1 and (ws[0] in COPULA_WORDS or ws[0] in ("good", "fair", "poor", "sad")):
        return "with"  # "sad mood", "good eye contact"
    if len(ws) in (2, 3) and (wc.can_be_adjective(ws[0]) or ws[0] in lx.ED_ADJECTIVES) and \
            wc.can_be_noun(ws[-1]) and not wc.only_verb(ws[0]) and ws[0] not in lx.PAST_VERBS:
        return "with"  # "wry humor", "long pauses", "restrained affect"
    return "other"


_NOUNS = ("affect", "mood", "speech", "thought process", "thought content", "thoughts", "thought",
          "insight", "judgment", "judgement", "insight/judgment", "eye contact", "appearance",
          "behavior", "behaviour", "orientation", "memory", "attention", "concentration",
          "hygiene", "grooming", "psychomotor", "motor activity", "mse", "cognition",
          "perception", "sleep", "appetite", "energy", "hands", "hair", "gait", "posture",
          "voice", "clothing", "dress")


def _copula_split(item: str) -> tuple[str, str, str]:
    """("speech", "was", "pressured at times") for "speech pressured at times"."""
    low = item.lower()
    for noun in sorted(_NOUNS, key=len, reverse=True):
        if low.startswith(noun + " ") or low.startswith(noun + ":"):
            rest = item[len(noun):].lstrip(": ").strip()
            first = lx.words(rest)[:1]
            if first and first[0].endswith("ed") and wc.only_verb(first[0]):
                return item[:len(noun)], "", rest  # "affect brightened later in session"
            if rest and not rest.lower().startswith(("is ", "was ", "were ", "are ")):
                return item[:len(noun)], "was", rest
            if rest:
                verb, _, after = rest.partition(" ")
                return item[:len(noun)], verb, after
    return "", "", ""


def _join(items: list[str], clauses: bool = False) -> str:
    """"a and b", "a, b, and c"; items that have their own "and" are kept apart by a comma
    ("alert and oriented, mildly anxious"; "affect was flat and congruent, and speech ...")."""
    if len(items) <= 1:
        return "".join(items)
    if len(items) == 2 and any(" and " in i or "," in i for i in items):
        return f"{items[0]}, and {items[1]}" if clauses else f"{items[0]}, {items[1]}"
    if len(items) == 2:
        return f"{items[0]} and {items[1]}"
    return ", ".join(items[:-1]) + f", and {items[-1]}"
