"""Whether a fact of shorthand starts with a verb: "misses his woodshop" and "update resume"
do, "naps after class", "sleep diary" and "skills group week 6" do not."""

from __future__ import annotations

from drafting import lexicon as lx
from drafting import wordclass as wc
from drafting.lexicon import wordset

# Plural nouns that also spell a verb and commonly lead a fact ("concerns about money").
_PLURAL_HEADS = wordset("""
issues concerns changes increases decreases needs results demands costs rates scores calls
texts visits attacks reports plans records logs shows checks sessions problems fears
""")


def present_verb_first(ws: list[str]) -> bool:
    """Does the fact start with a verb in the present said of someone ("misses his woodshop",
    "works part time"), rather than a plural noun ("naps after class", "concerns about ...")?"""
    if not ws or ws[0] in lx.STOPWORDS or ws[0] in _PLURAL_HEADS or \
            not wc.is_third_person(ws[0]):
        return False
    nxt = ws[1] if len(ws) > 1 else ""
    if wc.only_verb(ws[0]) or (wc.plain(ws[0]) in lx.STATIVE_VERBS and wc.plain(ws[0]) != ws[0]):
        return True  # "froze", "lives with her sister"
    if nxt in lx.APPOINTMENT_NOUNS or nxt in _COMPOUND_TAILS:
        return False  # "skills group week 6": a noun compound
    return bool(nxt) and nxt not in lx.PREPOSITIONS and nxt not in ("and", "or", "but") \
        and not lx.NUMBER_RE.match(nxt) and nxt not in _COMPOUND_TAILS


def verb_reading(ws: list[str]) -> bool:
    """A plan item led by a word that may be a verb or a noun ("update resume", "log sleep" vs
    "diary card daily"): a verb when the next word starts its object or it is only a verb."""
    if wc.only_verb(ws[0]):
        return True
    nxt = ws[1] if len(ws) > 1 else ""
    if ws[0] not in lx.BASE_VERBS and ws[0] not in _PLAIN_VERBS:
        # a word that is mostly something else ("gentle start-up practice", "school counselor
        # Ms. Patel to ..."): a verb only before what starts an object
        return nxt in lx.DETERMINERS or nxt in _OBJECT_STARTS
    return bool(nxt) and nxt not in _COMPOUND_TAILS and not lx.NUMBER_RE.match(nxt)


_OBJECT_STARTS = frozenset({"him", "her", "them", "it", "up", "out", "down", "off", "back"})


def noun_compound(ws: list[str]) -> bool:
    """"sleep diary", "exercise plan": a noun compound led by a word that can be a verb."""
    return len(ws) > 1 and (ws[1] in _COMPOUND_TAILS and ws[0] not in _PLAIN_VERBS
                            or ws[0] in ("phone", "video") and ws[1] in lx.APPOINTMENT_NOUNS)


# Verbs that do not lead a compound ("review plan" is to review the plan).
_PLAIN_VERBS = wordset("""
review revise update complete continue discuss finish start keep use follow share bring fill
make create reassess revisit
""")


# Nouns that make a compound with a word before them ("sleep diary", "exercise plan").
_COMPOUND_TAILS = wordset("""
card log diary sheet plan list record schedule chart journal worksheet tracker app routine
hygiene hierarchy ladder script time
""")
