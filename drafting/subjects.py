"""Who a fact is about: the subject that leads it ("father apologized", "SUDS dropped"), whether a
phrase names a person, and the client named in the therapist's own words."""

from __future__ import annotations

import re

from drafting import lexicon as lx
from drafting import shapes as sh
from drafting import wordclass as wc
from drafting.lexicon import wordset

QUOTE_CHARS = "\"“”„«»"


# "-ed" verbs that happen on their own ("SUDS dropped"): never read as passive.
CHANGE_VERBS = wordset("""
dropped rose fell increased decreased improved worsened declined peaked spiked went came
happened occurred stopped started began ended continued remained stayed returned resolved
persisted escalated eased lessened subsided shifted changed grew doubled halved moved jumped
climbed
""")


_IRREGULAR_PARTICIPLES = wordset("""
met made done given taken set left kept held seen told written built taught sent paid begun
chosen driven known shown spoken understood won broken cut hurt shaken torn worn stolen forgotten
""")


COPULA_WORDS = wordset("""
normal fair good poor intact linear logical goal-directed tangential circumstantial congruent
incongruent constricted restricted flat blunted labile euthymic dysphoric appropriate
inappropriate present absent stable unchanged improved improving better worse down up
consistent necessary elevated low high limited impaired adequate unremarkable wnl within clear
coherent organized disorganized pressured slowed slow rapid soft loud full bright reactive
anxious depressed sad irritable tearful calm okay ok mild moderate severe reduced decreased
increased lower higher same similar
""")


_RELATIONS = "|".join(sorted(lx.RELATION_NOUNS | {"member", "peer"}, key=len, reverse=True))
_NAMED_AFTER_RE = re.compile(rf"\b(?i:{_RELATIONS})\s*\(?([A-Z][a-z]+)\b")  # "stepfather (Rob)"
_NAMED_BEFORE_RE = re.compile(rf"\b([A-Z][a-z]+)\s*\((?i:{_RELATIONS})\)")  # "Tanya (mom)"


def people_named(texts: list[str]) -> frozenset[str]:
    """The names the facts give to others in the room or the client's life ("stepfather
    (Rob)", "husband Marcus", "Tanya (mom)"), so that "Rob: 'I can back off'" is Rob
    speaking, though "rob" is also an English verb."""
    names: set[str] = set()
    for text in texts:
        names.update(m.group(1) for m in _NAMED_AFTER_RE.finditer(text))
        names.update(m.group(1) for m in _NAMED_BEFORE_RE.finditer(text))
    return frozenset(n for n in names if n.lower() not in lx.STOPWORDS)


def a_name(word: str) -> bool:
    """"Sam", "Dana": a capitalized word English does not use in lower case (a person named
    in the session, before their words: "Sam: 'I feel like a roommate'")."""
    return re.fullmatch(r"[A-Z][a-z]+", word.strip()) is not None and not wc.everyday(word) \
        and word.lower() not in lx.STOPWORDS


_NOUN_LIKE_VERBS = frozenset({"thought", "record", "log", "plan", "call", "review", "practice",
                              "walk", "check", "work", "rest", "need", "report", "read",
                              "set", "put", "cut", "hit", "hurt", "cost", "run", "use", "talk"})


# How a symptom is going: "anxiety symptoms decreasing" says "are decreasing".
_CHANGE_ING = wordset("""
decreasing increasing improving worsening declining stabilizing progressing continuing
persisting resolving emerging rising falling lessening easing escalating fluctuating
""")


_PERSON_VERBS = frozenset({"disagree", "argue", "fight", "agree", "want", "feel", "need", "say",
                          "believe", "think", "worry", "refuse", "decline", "attend", "support",
                          "help", "struggle", "report", "deny", "plan", "hope", "continue",
                          "live", "work", "cry", "yell", "blame", "avoid", "accept", "expect",
                          "like", "love", "miss", "fear", "visit", "call", "insist", "try"})


_MODIFIERS = frozenset({"daily", "weekly", "nightly", "monthly", "next", "last", "first",
                        "second", "third", "new", "same", "other", "morning", "evening"})


# Adverbs a fact may open with, before its verb ("still has it", "later said ..."): never the
# start of a subject
_LEADING_ADVERBS = frozenset({"still", "now", "currently", "also", "again", "later", "then",
                              "afterward", "afterwards", "initially", "eventually", "finally"})


def split_subject(text: str) -> tuple[str, str]:
    """("SUDS", "dropped from 8 to 3") for a phrase whose first words are a noun phrase
    followed by its verb; ("", "") when it does not look like that."""
    tokens = text.split()
    limit = min(len(tokens) - 1, 7)
    inside = _inside_parentheses(tokens)
    for i in range(1, limit + 1):
        shown = (t for t, hidden in zip(tokens[:i], inside[:i], strict=True) if not hidden)
        before = lx.words(" ".join(shown))
        word = lx.words(tokens[i])
        if inside[i] and i > 0 and not inside[0]:
            continue  # "partner (he/him) arguing", "meds (sertraline 100mg) locked up"
        if any(w in ("where", "when", "who", "which", "whom", "whose") for w in before):
            return "", ""  # "avoiding the intersection where it happened": no subject here
        if before and before[0] in _LEADING_ADVERBS:
            return "", ""  # "still avoiding Costco", "later said ...": an adverb is no subject
        if before and before[-1] in ("and", "or"):
            continue  # "X and" is never a whole subject
        if not before or not word or tokens[i].startswith("(") or \
                any(t.lstrip("([")[:1] in QUOTE_CHARS for t in tokens[:i + 1]):
            return "", ""  # the client's quoted words hold no subject of ours
        w = word[0]
        if ((before[0] in lx.STOPWORDS - {"both", "no", "her", "his", "their", "a", "an",
                                          "the", "each"})
                or sh.verb_first(" ".join(tokens[:i]))):
            return "", ""
        if before[0] in ("a", "an", "the") and not is_person(" ".join(tokens[:i + 1])) and \
                not is_person(" ".join(tokens[:i])):
            return "", ""  # "a walk on Saturday": a noun phrase
        if w in ("to", "will") and i == 1 and before[0] in ("family", "couple"):
            return tokens[0], " ".join(tokens[1:])  # "family to notice ...": the family's
        if before[-1].endswith("ly") or before[-1] in _MODIFIERS:
            continue  # "next session scheduled", "daily thought record": still the subject
        if any(b in lx.PREPOSITIONS for b in before[1:]):
            return "", ""  # "conflict with boss about overtime": a noun phrase with its own
        if any(t.endswith(",") for t in tokens[:i - 1]) or (
                tokens[i - 1].endswith(",") and not is_person(tokens[0])):
            return "", ""  # "sleeping 9-10 hours, still tired": a list, not a subject
        person = is_person(" ".join(tokens[:i]))
        if w in _NOUN_LIKE_VERBS and not person:
            continue  # "daily thought record", "activity log"
        if person and (sh.state_word(w) or w in COPULA_WORDS) and w not in lx.STOPWORDS:
            return " ".join(tokens[:i]), " ".join(tokens[i:])  # "son quiet early"
        if person and w.endswith("ly") and i + 1 < len(tokens) and (
                sh.state_word(bare_word(tokens[i + 1])) or bare_word(tokens[i + 1])
                in COPULA_WORDS):
            return " ".join(tokens[:i]), " ".join(tokens[i:])  # "stepdad mostly quiet"
        if w in _CHANGE_ING and i == len(tokens) - 1 and not person:
            return " ".join(tokens[:i]), w  # "anxiety symptoms decreasing"
        if w in lx.LINKING_VERBS and i <= 4:
            return " ".join(tokens[:i]), " ".join(tokens[i:])  # "weekly sessions remain ..."
        if person and (w.endswith("ing") or w in _PERSON_VERBS or w in lx.BASE_VERBS or (
                w.endswith(("s", "ed")) and w not in lx.STOPWORDS and w not in lx.PERSON_NOUNS
                and w not in lx.RELATION_NOUNS and not tokens[i - 1].endswith(","))):
            return " ".join(tokens[:i]), " ".join(tokens[i:])  # "parents disagree on ..."
        if before[-1] in lx.CLIENT_WORDS and w.endswith("ing"):
            return " ".join(tokens[:i]), " ".join(tokens[i:])
        if w.endswith("ly") and i + 1 < len(tokens) and bare_word(tokens[i + 1]) in COPULA_WORDS:
            return " ".join(tokens[:i]), " ".join(tokens[i:])  # "therapy medically necessary"
        if (w in lx.PAST_VERBS or w in lx.PRESENT_VERBS or w in ("to", "will")
                or (w.endswith("ed") and len(w) > 4 and w not in lx.ED_ADJECTIVES)
                or w in _IRREGULAR_PARTICIPLES or w in lx.PARTICIPLE_ADVERBS
                or (w in COPULA_WORDS and i <= 3 and _copula_fits(before, tokens[i + 1:]))):
            if w in ("to",) and not is_person(" ".join(tokens[:i])):
                return "", ""
            if w in lx.PARTICIPLE_ADVERBS:
                following = [bare_word(t) for t in tokens[i + 1:i + 3]]
                if not any(is_participle(f) for f in following if f):
                    return "", ""
            return " ".join(tokens[:i]), " ".join(tokens[i:])
    return "", ""


def _inside_parentheses(tokens: list[str]) -> list[bool]:
    out, depth = [], 0
    for token in tokens:
        opens = token.count("(")
        out.append(depth > 0 or opens > 0)
        depth = max(0, depth + opens - token.count(")"))
    return out


_FINITE = frozenset({"is", "was", "are", "were", "has", "have", "had", "does", "did", "will",
                     "can", "could"})


def prose_subject(text: str) -> tuple[str, str]:
    """("Her partner, Luis,", "has been supportive ...") for a written-out sentence whose
    subject has its own commas."""
    tokens = text.split()
    if not tokens or not re.match(r"(?:Her|His|Their|The|My|Our|[A-Z][a-z]+)$", tokens[0]):
        return "", ""
    for i, token in enumerate(tokens[1:7], start=1):
        word = lx.words(token)
        if token.startswith("("):
            return "", ""
        if word and word[0] in _FINITE:
            before = lx.words(" ".join(tokens[:i]))
            if any(sh.verb_first(w) for w in before) or before[0] in lx.PREPOSITIONS:
                return "", ""
            return " ".join(tokens[:i]), " ".join(tokens[i:])
    return "", ""


def bare_word(token: str) -> str:
    found = lx.words(token)
    return found[0] if found else ""


_ATTENDEES = frozenset({"members", "vets", "veterans", "people", "parents", "clients",
                        "participants", "attendees", "families", "couples"})


def passive_with_phrase(text: str) -> tuple[str, str] | None:
    """("release of information", "signed for school counselor"): a noun phrase, prepositions
    and all, then a participle that has no object."""
    tokens = text.split()
    for i in range(2, min(len(tokens), 7)):
        word = bare_word(tokens[i])
        if any(t.lstrip("([")[:1] in QUOTE_CHARS for t in tokens[:i + 1]):
            return None  # inside the client's quoted words: no participle of ours
        if not (is_participle(word) and word not in CHANGE_VERBS) or tokens[i][:1] in "([":
            continue  # "MVA 8/2025 (rear-ended on I-90)": an aside, not the verb
        before = lx.words(" ".join(tokens[:i]))
        nxt = bare_word(tokens[i + 1]) if i + 1 < len(tokens) else ""
        if word == "attended" and before[-1:] and before[-1] in _ATTENDEES:
            return None  # "6 of 8 members attended": they came, nothing was done to them
        if any(t.endswith(",") for t in tokens[:i]) or before[:1] and before[0].endswith("ing"):
            return None
        if (before and before[0] not in lx.STOPWORDS and not sh.verb_first(" ".join(tokens[:i]))
                and not any(w in lx.PAST_VERBS or w in lx.PRESENT_VERBS for w in before)
                and not tokens[i - 1].endswith(",") and not is_person(tokens[0])
                and (not nxt or nxt in lx.PREPOSITIONS or lx.NUMBER_RE.match(nxt))):
            return " ".join(tokens[:i]), " ".join(tokens[i:])
    return None


def _copula_fits(before: list[str], after: list[str]) -> bool:
    """"speech normal", "panic attacks down to 3": a noun phrase then how it was. Not "low
    energy" or "good eye contact" (an adjective then its noun)."""
    return not (after and lx.words(after[0]) and lx.words(after[0])[0] not in lx.STOPWORDS
                and not lx.NUMBER_RE.match(after[0]) and not after[0].endswith(","))


def is_participle(word: str) -> bool:
    return ((word.endswith("ed") and len(word) > 4 and word not in lx.ED_ADJECTIVES)
            or word in _IRREGULAR_PARTICIPLES)


_NAMED_RELATION_RE = re.compile(
    r"\b((?i:wife|husband|partner|sister|brother|mother|father|son|daughter|friend|boyfriend|"
    r"girlfriend|fiance|fiancee|spouse|roommate|mom|dad)) [A-Z][a-z]+\b")


def is_person(phrase: str) -> bool:
    if lx.words(phrase) in (["each"], ["both"]):
        return True
    # a name after the relation it names ("his wife Dana", "sister Maya") is that person
    phrase = _NAMED_RELATION_RE.sub(r"\1", phrase)
    if lx.words(phrase) in (["family"], ["couple"], ["the", "family"], ["the", "couple"]):
        return True  # "family to notice ...": the family seen together
    phrase = re.sub(r"\s*\([^)]*\)", "", phrase)  # "PO (Ofc. Grant)" is the PO
    if a_name(phrase) or re.fullmatch(r"(?:Dr|Mr|Mrs|Ms|Mx)\.?\s+[A-Z][a-z]+", phrase.strip()):
        return True  # "Dana to sign the release", "Dr. Reyes to reinforce": a named person
    if re.fullmatch(r"(?:[A-Z]\.){1,2}", phrase.strip()):
        return True  # "M. responded", "group member T.": a person by an initial
    ws = [w for w in lx.words(phrase) if w not in ("the", "a", "an", "his", "her", "their",
                                                   "and", "client's", "each", "other",
                                                   "another")
          and "/" not in w  # "(he/him)"
          and not (w in lx.CLIENT_WORDS and " and " in phrase)]
    return bool(ws) and all(w in lx.PERSON_NOUNS or w in lx.RELATION_NOUNS or w == "both"
                            or re.fullmatch(r"\d+-year-old", w) is not None for w in ws) \
        and any(w in lx.PERSON_NOUNS or w in lx.RELATION_NOUNS or w == "both" for w in ws)


_NAME_LEAD_RE = re.compile(r"^(?:(Mr|Mrs|Ms|Mx|Miss)\.?\s+)?([A-Z][\w’'-]*?)(?=['’]s\b|\b)")


_TITLE_PRONOUNS = {"mr": "he", "mrs": "she", "ms": "she", "miss": "she", "mx": "they"}


def client_named(fact: str, client_names: frozenset[str]) -> str:
    """"Mr. Chen reports ..." about the client Wei Chen is "client reports ...": a note is
    about "the client", and the frame then fits the sentence."""
    match = _NAME_LEAD_RE.match(fact)
    if not client_names or match is None:
        return fact
    lead = f"{(match.group(1) or '').lower()} {match.group(2).lower()}".strip()
    rest = fact[match.end():]
    if lead not in client_names or not rest.strip():
        return fact
    next_word = lx.words(rest)[0] if lx.words(rest) else ""
    possessive = rest[:1] in "'’"
    verb = (next_word in lx.PAST_VERBS or next_word in lx.PRESENT_VERBS
            or (next_word.endswith("ed") and len(next_word) > 4))
    if not possessive and not (rest[:1].isspace() and verb):
        return fact  # "Hope for the future", "Test anxiety": not the client's name here
    return "client" + rest


def name_tokens(name: str, pronouns: str = "") -> frozenset[str]:
    """How the therapist may name the client: the first name, or a title that fits the
    pronouns with the surname ('Wei Chen', he/him -> 'wei', 'mr chen'). A bare surname or
    another title may be a relative ('Mrs. Chen called') and is left alone."""
    words = [w for w in re.findall(r"[A-Za-z][\w’'-]+", name) if w[0].isupper()]
    if not words or any(w.lower() in lx.CLIENT_WORDS for w in words):  # "Test Client 7"
        return frozenset()
    leads = {words[0].lower()}
    pronoun = pronouns.split("/", 1)[0].strip().lower()
    for title, fits in _TITLE_PRONOUNS.items():
        if fits == pronoun:
            leads.add(f"{title} {words[-1].lower()}")
    return frozenset(leads - lx.CLIENT_WORDS - lx.STOPWORDS)


def names_someone(text: str) -> bool:
    """Does a fact name a person other than the client ("mom gives in", "Jayden")?"""
    for token in re.findall(r"[A-Za-z][\w'-]*", text):
        word = token.lower().removesuffix("'s")
        if word in lx.CLIENT_WORDS:
            continue
        if word in lx.RELATION_NOUNS or word in lx.PERSON_NOUNS or word == "both":
            return True
        if token[0].isupper() and token[1:].islower() and not wc.everyday(token) and \
                word not in lx.WEEKDAYS_MONTHS:
            return True  # a given name
    # "M: feels 'like a failure'": a person by an initial (not "I", nor "A" the article)
    return re.fullmatch(r"\s*[B-HJ-Z]\.?\s*", text) is not None
