"""How a sentence names its subject: "the safety plan", "her boss", "Group member Joan",
"Rob" (as typed), "both"; and whether that subject is plural ("mother and grandmother")."""

from __future__ import annotations

import re

from drafting import lexicon as lx
from drafting.phrases import MASS_NOUNS, article_for, choice_before, is_plural, lower_first, slots
from drafting.sentence import Choice, Segment, lit
from drafting.voice import Voice

_PHRASE_ENDS = frozenset({"twice", "once", "daily", "weekly", "nightly", "monthly", "every",
                         "each", "a", "per", "this", "next", "tonight", "tomorrow", "today",
                         "if", "when", "until", "before", "after"})


def head_word(phrase: str) -> str:
    """The noun a phrase is about: the last word before a preposition, a number or a time
    ("breathing practice twice a day" -> "practice")."""
    ws = lx.words(phrase)
    for i, w in enumerate(ws):
        if i > 0 and (w in lx.PREPOSITIONS or w in _PHRASE_ENDS or lx.NUMBER_RE.match(w)
                      or w in lx.NUMBER_WORDS):
            return ws[i - 1]
    return ws[-1] if ws else ""


def plural_subject(subject: str) -> bool:
    """"medications (sertraline 100mg)" is plural, "EPDS" and "SUDS" are not."""
    subject = re.sub(r"\([^)]*\)", "", subject).strip()
    if " and " in subject:
        # "mother and grandmother" are two; "drinking and driving risk" is one risk
        before, after = (part.split() for part in subject.rsplit(" and ", 1))
        return len(before) > 1 or len(after) < 2 or is_plural(head_word(subject) or after[-1])
    last = subject.split()[-1] if subject.split() else ""
    if re.fullmatch(r"[A-Z0-9-]{2,}", last):
        return False  # an acronym: "EPDS", "SUDS", "PCL-5"
    return is_plural(head_word(subject) or last)


def subject_segments(subject: str, voice: Voice, article: bool = True) -> list[Segment]:
    """"safety plan" -> [a/the] safety plan; "father" -> [her/the] father."""
    subject = subject.strip()
    if subject.count(",") < 2:
        subject = subject.rstrip(",")  # "Her partner, Luis," keeps the comma that closes it
    subject = lower_first(subject)
    if subject.lower().startswith(("client's ", "patient's ", "pt's ", "clt's ")):
        rest = subject.split(None, 1)[1]  # "pt's wife" is "his wife"
        return [f"{voice.possessive if not voice.unit else 'their'} ", rest]
    first = subject.split()[0] if subject.split() else ""
    if re.match(r"[A-Z0-9-]{2,}$", first) or lx.words(first)[:1] in (["no"], ["none"]):
        return [subject]  # "SUDS", "VOC", "PHQ-9", "No SI": no article
    if not article:
        return [subject]
    if re.fullmatch(r"(?:group\s+)?member\s+[A-Z][\w.]*", subject):
        return [f"group member {subject.split()[-1]}"]  # "member Joan", never "The member"
    segments = slots(subject, voice)
    tokens = subject.split()
    person = lx.words(tokens[0])[0] if tokens and lx.words(tokens[0]) else ""
    if person in lx.RELATION_NOUNS or person in lx.PERSON_NOUNS:
        choice = choice_before(tokens, 0, voice, force=True)  # "her boss", "the father"
        return ([choice] if choice is not None else []) + segments
    if tokens and _subject_takes_article(tokens):
        # a singular subject needs its determiner: "The calm place was installed"
        segments = lit(Choice(("the ", f"{article_for(tokens[0])} ", ""), 0)) + segments
    return segments


def _subject_takes_article(tokens: list[str]) -> bool:
    first = tokens[0]
    word = lx.words(first)[0] if lx.words(first) else ""
    head = lx.words(tokens[-1])[0] if lx.words(tokens[-1]) else ""
    if word in ("weekly", "daily", "further", "continued", "ongoing") or any(
            ch.isdigit() for ch in " ".join(tokens)):
        return False  # "Weekly treatment remains ...", "Bupropion XL 150 continues ..."
    return bool(word) and word not in lx.DETERMINERS and word not in lx.STOPWORDS \
        and not first[:1].isupper() and not is_plural(tokens[-1]) \
        and word not in lx.MEASURE_NAMES and word not in ("speech", "mood", "affect") \
        and head not in MASS_NOUNS and word not in ("continued", "ongoing")


def other_subject(subject: str, voice: Voice) -> tuple[list[Segment], bool]:
    """A person's subject and whether it is plural ("mother and grandmother", "both")."""
    subject = re.sub(r"\b(?:pt|clt|client|patient)\b(?!['’])", voice.client_mid(), subject,
                     flags=re.IGNORECASE)
    words = lx.words(subject)
    # "client and mom": the client first, named (not "client's wife")
    if subject.startswith(voice.client_mid()) and \
            subject[len(voice.client_mid()):][:1] not in "'’":
        return [voice.client + subject[len(voice.client_mid()):]], True
    plural = " and " in subject or (bool(words) and (words[-1] in ("both", "parents")
                                                     or is_plural(words[-1])))
    if words and (words[0] in ("both", "they", "each") and len(words) == 1
                  or words[0] in ("both", "all", "each") and len(words) == 2):
        return [subject], words[0] != "each"  # "both partners", "each partner"
    if re.fullmatch(r"[A-Z][a-z]+", subject.strip()) and words and \
            words[0] not in lx.RELATION_NOUNS and words[0] not in lx.PERSON_NOUNS:
        return [subject.strip()], False  # a name, as typed: "Rob", though "rob" is a verb
    segments = subject_segments(subject, voice)
    if segments and isinstance(segments[0], str) and words and words[0] not in lx.DETERMINERS \
            and words[0] not in ("client's",) and not segments[0][:1].isupper():
        choice = choice_before(subject.split(), 0, voice, force=True)
        if choice is not None:
            segments = lit(choice) + segments
    return segments, plural
