"""The closed vocabulary: every word the realizer may write that the therapist did not.

A draft sentence is faithful when each of its words is the therapist's own (from the session
facts) or one of these. They carry no clinical content: articles, the names a note uses for the
client and the clinician, the client's pronouns, the frame verbs of each field, connectives,
copulas, and the words of the session line. The verifier reads this list; the realizer may not
write anything else, so the model ranking the realizer's candidates can never add a fact.
"""

from __future__ import annotations

from drafting.lexicon import WEEKDAYS_MONTHS, wordset

ARTICLES: frozenset[str] = frozenset({"a", "an", "the"})
PRONOUNS: frozenset[str] = wordset("""
they them their theirs themselves themself she her hers herself he him his himself
""")
# How notes name the people in the room (the style profile picks one of each).
PEOPLE: frozenset[str] = wordset("""
client clients patient pt writer this therapist clinician counselor couple family partner
partners both members member parents
""")
# Frame verbs, one closed set per kind of fact (see realize_fields.py).
FRAME_VERBS: frozenset[str] = wordset("""
reported described endorsed noted presented appeared was were is are be been has have had
will used provided conducted facilitated taught completed identified said stated seen
attended complete keep use practice have make continue attend went notes assesses
includes included scheduled take place held feeling shared discussed reviewed meet showed
demonstrated given do taking also spend include follow presents
""")
CONNECTIVES: frozenset[str] = wordset("""
and with which that while also as then during for from to of in on at by via using over
""")
SESSION_WORDS: frozenset[str] = wordset("""
minute session sessions individual couples family group office telehealth video phone
telephone person approach method modality next
""") | WEEKDAYS_MONTHS
# Headline words for labelled lines ("Progress: N/A.", "Mental status was not assessed.").
LABELS: frozenset[str] = wordset("""
progress mental status risk assessment goal goals impression clinical plan entered diagnosis
recorded documented information section interventions measures
""")

CLOSED: frozenset[str] = (ARTICLES | PRONOUNS | PEOPLE | FRAME_VERBS | CONNECTIVES
                          | SESSION_WORDS | LABELS)


def allowed(word: str) -> bool:
    """May the realizer write ``word`` (lowercase) without the therapist having written it?"""
    return word in CLOSED
