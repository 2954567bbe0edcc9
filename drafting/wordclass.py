"""Which words English lets be verbs, and their other forms.

The realizer's word lists know the verbs clinicians use most; the therapist's own words are far
more varied ("froze", "misses", "update resume"). lemminflect carries an English lexicon (the
forms of every word it knows, from the NLM SPECIALIST lexicon and the AGID), so "is this a verb,
and in which form" is a lookup, not a guess. It cannot say which reading a word has in a given
phrase; the callers decide that from the word's position, as the rest of clauses.py does.

The lexicon loads on first use (about half a second), in the drafting worker, never at start-up.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from types import ModuleType

from drafting.lexicon import wordset

_LOCK = threading.Lock()
_MODULE: list[ModuleType] = []


def _lemminflect() -> ModuleType:
    with _LOCK:
        if not _MODULE:
            import lemminflect  # imported here: it loads numpy, which start-up does not need

            _MODULE.append(lemminflect)
        return _MODULE[0]


@lru_cache(maxsize=16384)
def _lemmas(word: str) -> dict[str, tuple[str, ...]]:
    if not word.isalpha():
        return {}
    found: dict[str, tuple[str, ...]] = _lemminflect().getAllLemmas(word.lower())
    return found


@lru_cache(maxsize=16384)
def _forms(lemma: str, tag: str) -> tuple[str, ...]:
    found: tuple[str, ...] = _lemminflect().getInflection(lemma, tag=tag)
    return found


def verb_lemma(word: str) -> str:
    """"froze" -> "freeze", "misses" -> "miss"; "" when English has no such verb form."""
    verbs = _lemmas(word).get("VERB", ())
    if not verbs and "-" in word:  # "de-escalate", "re-engage": a prefix and a verb
        prefix, _, rest = word.lower().partition("-")
        lemma = verb_lemma(rest) if prefix in _VERB_PREFIXES else ""
        return f"{prefix}-{lemma}" if lemma else ""
    return verbs[0] if verbs else ""


_VERB_PREFIXES = frozenset({"de", "re", "co", "pre", "over", "under", "mis", "out"})


def only_verb(word: str) -> bool:
    """A word that is a verb and nothing else ("froze", "avoids"), not "walks" or "update"."""
    kinds = set(_lemmas(word)) - {"AUX"}
    return kinds == {"VERB"}


# Given names that are also everyday words: with a capital mid-sentence they are a name.
_NAME_WORDS = wordset("""
grace rose mark will bill hope faith joy dawn june april may summer jack frank rich sky violet
lily daisy ivy jade ruby pearl amber autumn heath hunter mason taylor carter cash chance chase
dean drew gene glen grant guy hunter jay jean jewel king lane lee ray reed rex river rock rocky
rusty sandy sonny stone storm sue wade ward wren
""")


def everyday(word: str) -> bool:
    """A word English knows in lower case ("highway", "joint"), not a name ("Dana", "Grace")."""
    return word.lower() not in _NAME_WORDS and bool(_lemmas(word))


def can_be_adjective(word: str) -> bool:
    return "ADJ" in _lemmas(word)


def can_be_noun(word: str) -> bool:
    return "NOUN" in _lemmas(word) or "PROPN" in _lemmas(word)


def is_base_verb(word: str) -> bool:
    """"update", "get", "jot": a verb in its plain form (as a plan item starts)."""
    return verb_lemma(word) == word.lower()


def is_third_person(word: str) -> bool:
    """"misses", "lies", "avoids": the present tense said of someone."""
    lemma = verb_lemma(word)
    return bool(lemma) and word.lower() in _forms(lemma, "VBZ")


def is_past(word: str) -> bool:
    """"froze", "showed", "touched": a past tense."""
    lemma = verb_lemma(word)
    return bool(lemma) and word.lower() in _forms(lemma, "VBD")


def gerund(word: str) -> str:
    """"misses" -> "missing", "lies" -> "lying"; the word itself when it is no verb."""
    lemma = verb_lemma(word)
    forms = _forms(lemma, "VBG") if lemma else ()
    return forms[0] if forms else word


def plain(word: str) -> str:
    """"misses" -> "miss": the form after "they"."""
    lemma = verb_lemma(word)
    forms = _forms(lemma, "VBP") if lemma else ()
    return forms[0] if forms else word


def past(word: str) -> str:
    """"denies" -> "denied", "lies" -> "lay"."""
    lemma = verb_lemma(word)
    forms = _forms(lemma, "VBD") if lemma else ()
    return forms[0] if forms else word


def forms_of(word: str) -> set[str]:
    """Every form of the verb(s) a word may be (for the verifier: "lying" is "lies")."""
    out: set[str] = set()
    for lemma in _lemmas(word).get("VERB", ()):
        out.add(lemma)
        for tag in ("VBD", "VBG", "VBN", "VBP", "VBZ"):
            out.update(_forms(lemma, tag))
    return out


__all__ = ["can_be_adjective", "can_be_noun", "forms_of", "gerund", "is_base_verb", "is_past",
           "is_third_person",
           "only_verb", "past", "plain", "verb_lemma"]
