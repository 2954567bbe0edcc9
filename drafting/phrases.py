"""Article choices inside the therapist's phrases: "ride one subway stop with [a] support
person before [the] next session".

A slot goes where English may want a determiner the shorthand left out: after a preposition,
after the phrase's own verb, or at the start of an object. Each slot is a choice between
keeping the phrase as written and adding "a"/"an", "the", or (for the people in the client's
life) the client's possessive; the model ranks them. No slot goes before a word that cannot
take one (a number, a name, a pronoun, a gerund, "at work", "in session").
"""

from __future__ import annotations

import re

from drafting import lexicon as lx
from drafting import shapes as sh
from drafting import wordclass as wc
from drafting.lexicon import wordset
from drafting.sentence import Choice, Segment
from drafting.voice import Voice

ORDINALS = frozenset({"next", "last", "same", "first", "second", "third", "following",
                      "previous", "final", "upcoming"})
_ING_NOUNS = frozenset({"meeting", "morning", "evening", "training", "feeling", "building",
                        "wedding", "hearing", "setting", "ceiling", "painting", "offering",
                        "warning", "beginning", "ending", "opening", "outing", "gathering",
                        "screening", "recording", "reading", "session"})
_PLURALS = frozenset({"children", "people", "men", "women", "feet", "teeth", "kids", "mice"})
_NOT_PLURAL_ENDINGS = ("ss", "us", "is", "ics", "ous", "'s", "’s")
_INFINITIVE_ENDINGS = ("ate", "ize", "ise", "ify")
CHANGE_VERBS = frozenset({"felt", "seemed", "became", "appeared", "looked", "sounded", "went",
                           "came", "got", "was", "were", "is", "are", "stayed", "remained",
                           "dropped", "rose", "fell", "returned", "slept", "woke", "arrived",
                           "cried", "laughed", "agreed", "decided", "began", "started",
                           "continued", "tried", "opened", "relaxed", "improved"})
# Verbs whose object is usually a known thing ("reviewed the diary card") or a new one ("built
# an exposure hierarchy"): the default article a choice starts from; the model may change it.
DEFINITE_AFTER = wordset("""
reviewed review continue continued called call discussed explored processed revisited bring
brought finish finished read complete completed update updated return returned follow
""")
INDEFINITE_AFTER = wordset("""
built build created create developed develop made make conducted conduct facilitated facilitate
provided provide planned plan scheduled schedule set keep kept start started begin began have
had assigned assign introduced introduce wrote write gave give consider considered join joined
was used use described shared named listed tried included
""")
# After these a place or a known thing follows: "in the kitchen", "on the couch".
DEFINITE_PREPOSITIONS = frozenset({"in", "on", "at", "into", "since", "inside"})
_POSITIONS = frozenset({"start", "end", "beginning", "middle", "close", "outset"})
# Nouns that take no "a": techniques, states and the like ("imaginal exposure").
MASS_NOUNS = wordset("""
exposure therapy psychoeducation validation support counseling training stimulation relaxation
regulation tolerance avoidance insomnia anxiety depression grief trauma information feedback
education guidance reassurance progress improvement mindfulness acceptance defusion activation
prevention restructuring tolerance distress reactivity isolation irritability fatigue energy
motivation insight judgment concentration attention hygiene nutrition sobriety abstinence use
access safety guilt shame anger fear conflict stress pain housing employment work psychiatry
medicine psychology nursing dietetics humor sarcasm hopelessness warmth empathy compassion
probation parole time ice play
self-compassion hope cannabis marijuana weed alcohol nicotine caffeine tobacco vaping drinking
sleep appetite intimacy sex regard
""")
LY_ADJECTIVES = frozenset({"weekly", "daily", "nightly", "monthly", "yearly", "early", "elderly",
                           "friendly", "family", "lovely", "likely", "lonely", "only", "costly",
                           "timely", "orderly", "holy", "ugly", "bully", "rally", "ally"})
_OBJECTS = frozenset({"me", "him", "her", "them", "us", "you", "it", "myself", "himself",
                      "herself", "themselves", "themself", "yourself", "itself", "one"})
# What follows these is a symptom or a statement, never "a" or "the" ("denied SI").
_SYMPTOM_VERBS = frozenset({"denied", "denies", "deny", "endorsed", "endorses", "reported",
                            "reports", "described", "experienced", "expressed", "verbalized"})
_STRIP = "\"'“”‘’(),.;:!?"


def article_for(word: str) -> str:
    """'a' or 'an' before ``word`` as it is said ("an EMDR session", "a unit", "an hour")."""
    if re.match(r"[A-Z]{2,}", word):
        return "an" if word[0] in "AEFHILMNORSX" else "a"
    low = word.lower()
    if low.startswith(("hour", "honest", "honor", "heir")):
        return "an"
    if low.startswith(("uni", "use", "usu", "eu", "one", "once", "uri", "uro", "ura", "ure")):
        return "a"
    if re.match(r"\d", low):
        return "an" if re.match(r"(?:8|11|18|80)\b", low) else "a"
    return "an" if low[:1] in "aeiou" else "a"


def bare(token: str) -> str:
    return token.strip(_STRIP).lower().replace("’", "'")


def is_plural(word: str) -> bool:
    w = bare(word)
    if w in _PLURALS:
        return True
    return len(w) > 3 and w.endswith("s") and not w.endswith(_NOT_PLURAL_ENDINGS)


def _head(tokens: list[str], start: int) -> str:
    """The last word of the noun phrase starting at ``start`` (at most four words)."""
    head = bare(tokens[start])
    for token in tokens[start:start + 4]:
        word = bare(token)
        if token is not tokens[start] and (not word or word in lx.STOPWORDS
                                            or word in _PHRASE_BREAKS or token[:1] in "(["
                                            or word in lx.WEEKDAYS_MONTHS):
            break
        head = word
        if token.endswith((",", ";", ":", ")")):
            break
    return head


# Words that end a noun phrase though they are no stopword ("at work instead of ...").
_PHRASE_BREAKS = frozenset({"instead", "until", "because", "then", "so", "once", "twice",
                            "daily", "weekly", "nightly", "today", "tonight", "again", "despite",
                            "last", "this", "next", "every", "each", "regarding"})


def _slot_fits(tokens: list[str], i: int) -> bool:
    token = tokens[i]
    if token[:1] in "\"“(‘'" or not re.match(r"[A-Za-z]|\d+-[a-z]", token):
        return False
    word = bare(token)
    if not word or word in lx.STOPWORDS or word in lx.DETERMINERS or word in lx.PRONOUN_SUBJECTS:
        return False
    if word in lx.CLIENT_WORDS or word.startswith(("client'", "patient'")) or word in _OBJECTS:
        return False
    if token[0].isupper() and not re.match(r"[A-Z]{2,}|[A-Z]-", token):
        return False  # a name: "with Luis", "on Tuesday"
    if word in lx.WEEKDAYS_MONTHS or (word.endswith("ly") and word not in LY_ADJECTIVES):
        return False
    if word in ORDINALS and (token.endswith((",", ";", ":")) or i + 1 >= len(tokens)
                             or bare(tokens[i + 1]) in lx.STOPWORDS):
        return False  # "at first, then relaxed", "quiet at first but opened up"
    if word in ("vivo", "vitro", "situ") or word in lx.BARE_NOUNS and _head(tokens, i) == word:
        return False  # "at work", "in session"; but "a support person"
    if word.endswith("ing") and word not in _ING_NOUNS and word not in ORDINALS:
        return False
    if word == "following" and (i + 1 >= len(tokens) or bare(tokens[i + 1]) not in (
            "week", "day", "days", "session", "month", "morning", "night", "weekend")):
        return False  # "presents following breakup": after it, not "the following breakup"
    if word in lx.PREPOSITIONS or word in lx.PAST_VERBS or word in ("not", "no", "never"):
        return False
    if i + 1 < len(tokens) and re.fullmatch(r"#?\d+[,.;:)]?", tokens[i + 1]):
        return False  # "session 1", "goal 2": a name with its number
    return not (word.endswith("ed") and i + 1 >= len(tokens))  # not "felt rejected"


def slots(phrase: str, voice: Voice, *, object_start: bool = False,
          verb_first: bool = False, after: str = "") -> list[Segment]:
    """``phrase`` as segments, with an article choice wherever one may be missing.
    ``after``: the word the realizer puts before the phrase (its frame verb)."""
    tokens = phrase.split()
    out: list[Segment] = []
    quoted = False  # the client's own words are never touched
    for i, token in enumerate(tokens):
        opens = token.lstrip("([")[:1] in "\"“"  # also '("I was ...': a quote in brackets
        if quoted or opens:
            quoted = not (token.rstrip(",.;:!?)]").endswith(("\"", "”")) and (
                not opens or len(token.lstrip("([")) > 1))
            out.append(token + (" " if i < len(tokens) - 1 else ""))
            continue
        previous = bare(tokens[i - 1]) if i else after.strip().lower()
        after_verb = verb_first and i == 1 and previous not in CHANGE_VERBS \
            and previous not in lx.LINKING_VERBS and previous not in _SYMPTOM_VERBS
        want = (i == 0 and object_start) or after_verb or (
            i > 0 and previous in lx.PREPOSITIONS and not tokens[i - 1].endswith(","))
        person = bare(token).removesuffix("'s")
        if i > 0 and person in lx.CLIENT_WORDS and not tokens[i - 1].endswith((",", ";", ":")) \
                and (previous in lx.PREPOSITIONS or previous in ("and", "or")
                     or (previous.endswith(("ed", "ing")) and "-" not in previous)
                     or previous in lx.PAST_VERBS or previous in lx.PRESENT_VERBS
                     or previous in lx.BASE_VERBS):
            out.append("the ")  # "with the client", "reached for the client's hand"
        if i > 0 and person in lx.RELATION_NOUNS and (previous in ("and", "or")
                                                      or previous in _SYMPTOM_VERBS):
            want = True  # "2 coping strategies and her sister", "reported her wife ..."
        if i > 0 and previous == "to" and (bare(token) in lx.BASE_VERBS
                                           or bare(token).endswith(_INFINITIVE_ENDINGS)):
            want = False  # "urges to isolate"
        if want and (_slot_fits(tokens, i) or (person in lx.RELATION_NOUNS
                                               and not token[:1].isupper())):
            choice = choice_before(tokens, i, voice, previous=previous)
            if choice is not None:
                out.append(choice)
        if person in lx.CLIENT_WORDS and bare(token) == person and i + 1 < len(tokens) and \
                bare(tokens[i + 1]) in _CLIENT_OWN and not token.endswith((",", ";", ":")):
            token += "'s"  # "validated client feelings": the client's feelings
        out.append(token + (" " if i < len(tokens) - 1 else ""))
    return out


# What a clinician's shorthand hangs on "client" as its owner ("praised client effort").
_CLIENT_OWN = frozenset({"feelings", "effort", "efforts", "strengths", "goals", "concerns",
                         "experience", "autonomy", "values", "needs", "choices", "insight",
                         "emotions", "thoughts", "reasons", "perspective", "progress",
                         "ambivalence", "frustration", "grief", "anger", "fear", "fears"})


_CLINICIAN_WORDS = frozenset({"therapist", "clinician", "counselor", "writer", "provider"})


def choice_before(tokens: list[str], i: int, voice: Voice, force: bool = False,
                  previous: str | None = None) -> Choice | None:
    """The article choice before ``tokens[i]``, None where the phrase reads right as written
    (a plural: "driving on highways"); ``force``: a subject, which needs one."""
    word = bare(tokens[i])
    if force and (word in lx.RELATION_NOUNS or word in lx.PERSON_NOUNS):
        possessive = "their" if voice.unit else voice.possessive
        if voice.service in ("couple", "family") or voice.unit or (
                voice.service == "group" and word not in lx.RELATION_NOUNS):
            return Choice(("the ", f"{possessive} "), 0)  # "the group member"; "her wife"
        return Choice((f"{possessive} ", "the "), 0)
    if force:
        return Choice(("the ", f"{article_for(tokens[i])} "), 0)
    person = word.removesuffix("'s")
    if person in _CLINICIAN_WORDS:
        return Choice(("the ", ""), 0)  # "the therapist's vacation", never "a therapist's"
    if person in lx.RELATION_NOUNS and (_head(tokens, i) in (word, person)
                                        or word.endswith("'s")):
        possessive = "their" if voice.unit else voice.possessive
        if voice.service in ("couple", "family") or voice.unit:
            return Choice(("the ", f"{possessive} ", ""), 0)
        return Choice((f"{possessive} ", "the ", ""), 0)
    if word in ORDINALS:
        return Choice(("the ", ""), 0)
    if sh.state_word(word) and (
            i + 1 == len(tokens) or bare(tokens[i + 1]) in lx.PREPOSITIONS):
        return None  # "came in angry about his supervisor": an adjective, not a thing
    head = _head(tokens, i)
    if i + 2 < len(tokens) and is_plural(bare(tokens[i + 1])) and re.match(r"\d", tokens[i + 2]):
        return None  # "EMDR phases 4-6": a plural named by its numbers
    if is_plural(head) or is_plural(tokens[i]):
        return None  # a plural reads right without one; "the" would claim a known set
    if any(re.fullmatch(r"\d+(?:\.\d+)?\s*mg|mg", t.lower()) for t in tokens[i:i + 4]):
        return None  # a medication and its dose: "continue sertraline 50 mg"
    acronym_alone = re.match(r"[A-Z]{2,}$", tokens[i]) is not None and head == word
    if head in lx.BARE_NOUNS or head in MASS_NOUNS or acronym_alone or (
            head.endswith("ing") and head not in _ING_NOUNS):
        return Choice(("", "the "), 0)  # "cognitive restructuring", "attend NA": never "a"
    article = f"{article_for(tokens[i])} "
    if previous is None:
        previous = bare(tokens[i - 1]) if i else ""
    if previous in DEFINITE_AFTER or head in _POSITIONS:
        return Choice(("the ", "", article), 0)  # "reviewed the worry log", "at the start"
    if previous in INDEFINITE_AFTER:
        return Choice((article, ""), 0)  # "built an exposure hierarchy"
    if previous in DEFINITE_PREPOSITIONS:
        # "in the kitchen", "at the senior center"; a word English does not know as a noun
        # ("in vivo") keeps the phrase as written (the idioms are BARE_NOUNS: "at gunpoint")
        if not wc.can_be_noun(head):
            return Choice(("", "the ", article), 0)
        return Choice(("the ", "", article), 0)
    if previous in lx.PREPOSITIONS:
        return Choice(("", article, "the "), 0)  # "with a support person", "after a fight"
    # After another verb "the" would claim something already known ("practiced the opposite
    # action"): only the indefinite article is offered.
    return Choice(("", article), 0)


def lower_first(text: str) -> str:
    """Lowercase a sentence-initial capital, but keep acronyms, names, days and months."""
    first, _, rest = text.partition(" ")
    word = re.sub(r"[^A-Za-z]", "", first)
    next_token = rest.split(" ", 1)[0]
    following = re.sub(r"[^A-Za-z]", "", next_token)
    # "Psychiatrist (Dr. Okafor)": an aside in parentheses is no part of a name
    if not next_token.startswith("(") and len(following) > 1 and following[0].isupper() \
            and following[1:].islower() \
            and following.lower() not in lx.WEEKDAYS_MONTHS \
            and word.lower() not in lx.STOPWORDS and not wc.is_base_verb(word.lower()) \
            and not first.endswith((",", ";", ":")):  # "Said, 'Maybe ...'" is no name
        return text  # "Sound Relationship House", "Gottman Method": a name
    if (len(word) > 1 and word[0].isupper() and word[1:].islower()
            and word.lower() not in lx.WEEKDAYS_MONTHS
            and word.lower() not in ("dr", "mr", "mrs", "ms", "mx")
            and (lx.common_word(word) or wc.everyday(word) or word.lower() in MASS_NOUNS)):
        return text[0].lower() + text[1:]
    if len(word) == 1 and word in "A" and first == "A":
        return "a" + text[1:]
    return text
