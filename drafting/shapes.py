"""The shape of a piece of clinical shorthand: does it start with a verb, describe a state,
carry its own subject? The renderer picks a sentence frame from the answer; nothing here adds
or changes a word of the therapist's.
"""

from __future__ import annotations

import re

from drafting import lexicon as lx
from drafting import wordclass as wc
from drafting.lexicon import wordset


def first_words(fact: str) -> list[str]:
    return lx.words(fact)[:2]


def starts_with_verb(fact: str, verbs: frozenset[str]) -> bool:
    first = first_words(fact)
    return bool(first) and first[0] in verbs


def person_subject(fact: str) -> bool:
    first = first_words(fact)
    return (len(first) == 2 and first[0] in lx.PERSON_NOUNS
            and (first[1] in lx.PAST_VERBS or first[1] in lx.PRESENT_VERBS
                 or first[1].endswith("ed")))


NO_ARTICLE = frozenset({"both", "parents", "friends", "peers", "siblings", "caregivers"})
STATE_ENDINGS = ("ive", "ful", "ous", "ent", "ant", "able", "ible", "ic", "ical")
# Words with an adjective's ending that are nouns or verbs ("client", "referral", "drive").
NOT_STATES = wordset("""
client patient parent student event moment intent accident incident infant content comment
element agent assistant consultant referral arrival approval denial removal proposal trial goal
journal interval signal potential individual professional material hospital ritual manual drive
arrive give live receive thrive strive forgive motive relative native objective initiative
alternative representative narrative perspective incentive directive executive detective topic
clinic music logic panic traffic mechanic graphic cleric tablet ant plant grant restaurant
tenant servant variable cable table vegetable
""")
# Adjectives with no telltale ending ("emotional", "suicidal"), read as states.
STATE_AL = wordset("""
emotional suicidal homicidal logical rational verbal nonverbal cordial casual minimal normal
typical irrational illogical tangential sexual social
""")


# After a state word, these show the fact describes the client ("tearful when ...", "calm at
# first"); a following noun shows a noun phrase instead ("intrusive memories", "calm place").
STATE_FOLLOWERS = frozenset({"and", "but", "at", "when", "while", "during", "throughout", "then",
                              "yet", "though", "although", "initially", "about", "to", "with",
                              "toward", "towards", "after", "before", "in", "by", "for", "of",
                              "overall", "today", "again", "as", "until", "once", "most", "all",
                              "or", "somewhat", "very", "more", "less", "mostly", "from", "on",
                              "than", "over", "around", "because", "due", "since", "every",
                              "each", "this", "next", "daily", "weekly", "nightly", "monday",
                              "tuesday", "wednesday", "thursday", "friday", "saturday",
                              "sunday", "tonight", "tomorrow", "now", "lately", "recently"})


def state_word(word: str) -> bool:
    if word.startswith("un") and word.endswith("ed") and len(word) > 6 and \
            word not in ("unscheduled", "unplanned", "unannounced"):
        return True  # "unmotivated", "unfocused"
    if word.endswith("er") and (word[:-2] in lx.STATE_WORDS or word[:-1] in lx.STATE_WORDS):
        return True  # "calmer by the end"
    if word in NOT_STATES:
        return False
    if word.endswith("-free") or word.startswith(("well-", "future-")):
        return True  # "alcohol-free", "well-groomed"
    return word in lx.STATE_WORDS or word in STATE_AL or (
        word.endswith(STATE_ENDINGS) and len(word) > 4 and not word.endswith("ment"))


def is_state(fact: str) -> bool:
    """'engaged', 'tearful at times', 'calm and guarded': how the client was."""
    ws = lx.words(fact)
    if not ws or not state_word(ws[0]):
        return False
    if ws[0] in lx.PAST_VERBS | lx.PRESENT_VERBS and ws[0] not in lx.STATE_WORDS:
        return False
    if len(ws) == 1:
        return True
    after = fact.split(None, 1)[0]
    if after.endswith((",", ";", ":")):  # "engaged, tearful when ..."
        return True
    follower = ws[1]
    if ws[0] in lx.PAST_VERBS and follower in ("in", "with", "to", "about"):
        return False  # "engaged in role-play" is something the client did
    # Past a run of adjectives ("calm and guarded", "passive suicidal ideation"), a noun makes
    # it a noun phrase.
    i = 0
    while i < len(ws) and (state_word(ws[i]) or ws[i] in ("and", "or", "but")):
        if fact.split()[i:i + 1] and fact.split()[i].endswith((",", ";", ":")):
            return True
        i += 1
    if i < len(ws) and i > 1 and ws[i] not in STATE_FOLLOWERS and not ws[i].endswith("ly"):
        return False
    return follower in STATE_FOLLOWERS or state_word(follower) or follower.endswith("ly")


def is_clause(fact: str) -> bool:
    """'SUDS dropped from 8 to 3', 'boss gave a good review': a subject of its own, then a verb."""
    ws = lx.words(fact)
    if len(ws) < 3 or ws[0] in lx.STOPWORDS or verb_first(fact):
        return False
    second = ws[1]
    return (second in lx.PAST_VERBS or second in ("is", "was", "are", "were", "has", "had")
            or (second.endswith("ed") and len(second) > 4 and second not in lx.ED_ADJECTIVES))


OBJECT_STARTS = frozenset({"a", "an", "the", "his", "her", "their", "its", "my", "our", "your",
                            "it", "them", "him", "this", "that", "these", "those", "to", "about",
                            "with", "at", "on", "for", "up", "out", "from", "into", "through",
                            "over", "back", "down", "off", "one", "two", "three", "some", "all",
                            "each", "every", "no", "new", "more", "less", "both", "herself",
                            "himself", "themselves", "themself"})


_LY_ADJECTIVES = frozenset({"daily", "weekly", "nightly", "monthly", "yearly", "early",
                           "family", "only", "likely"})
_NOUN_FIRST = frozenset({"thought", "record", "log", "plan", "check", "review", "set"})


def verb_first(fact: str) -> bool:
    """Does the fact start with a verb ('completed', 'rode the bus'), not a noun phrase?"""
    ws = lx.words(fact)
    if not ws:
        return False
    first = ws[0]
    nxt = ws[1] if len(ws) > 1 else ""
    if first in lx.ED_ADJECTIVES and nxt and nxt not in OBJECT_STARTS and \
            not re.match(r"\d", nxt) and not nxt.endswith(("'s", "’s")):
        # not "heightened client's loneliness", whose object is someone's
        return False  # "guided imagery", "increased anxiety at work"; not "guided 20-minute"
    if first in lx.STATE_WORDS and first not in lx.PAST_VERBS:
        # "depressed", "isolated": how the client was; "isolated herself": something done
        return first.endswith("ed") and nxt in OBJECT_STARTS
    if first in _NOUN_FIRST and nxt and nxt not in OBJECT_STARTS:
        return False  # "thought log", "record keeping": a noun phrase
    if first.endswith("n't") or first in ("cannot", "won't"):
        return True  # "hasn't told dad", "didn't complete the log"
    if (first.endswith("ly") and len(first) > 4 and first not in _LY_ADJECTIVES
            or first in ("also", "later", "then", "again", "still", "never")) and nxt and (
            first in ("also", "still") and wc.is_third_person(nxt) or
            nxt in lx.PAST_VERBS or (nxt.endswith("ed") and len(nxt) > 4)):
        return True  # "tentatively accepted the link"
    if first in lx.PAST_VERBS or first in lx.PRESENT_VERBS:
        return True
    if wc.is_past(first) and wc.only_verb(first):
        return True  # "froze when asked", "showed ...": a past tense and nothing else
    if first.startswith("un") and first.endswith("ed") and nxt and nxt not in OBJECT_STARTS:
        return False  # "unscheduled call after custody exchange"
    if "-" in first and not first.startswith(("re-", "co-", "pre-", "self-")) and \
            first not in ("problem-solved", "role-played", "fact-checked"):
        return False  # "child-centered play", "solution-focused questions": an adjective
    # Another "-ed" word is a verb ("submitted a draft", "avoided team lunch").
    return first.endswith("ed") and len(first) > 4


def said_of_itself(fact: str) -> bool:
    """A noun phrase with its own participle ('homework reviewed'): no frame verb fits it."""
    if re.search(r":\s", fact):
        return False  # "ERP: left stove unchecked": a label and its detail
    return any(w.endswith("ed") and len(w) > 4 and w not in lx.ED_ADJECTIVES
               for w in lx.words(fact)[1:])
