"""Clinical shorthand written out, so a note reads as prose: "f/u 1 wk" -> "follow-up 1 week".

Only a closed table of abbreviations (lexicon.ABBREVIATIONS) is expanded; the verifier counts
each expansion as the therapist's own word. Names for the client and the clinician ("pt",
"clt", "this writer") are recognised here and replaced by the note's own names later.
"""

from __future__ import annotations

import re

from drafting import wordclass as wc
from drafting.lexicon import (
    ABBREVIATIONS,
    CAPITAL_ABBREVIATIONS,
    UNIT_ABBREVIATIONS,
    WEEKDAY_ABBREVIATIONS,
)

_ABBREVIATION_RE = re.compile(
    r"(?<![\w/'’])("  # not inside "they're"
    + "|".join(re.escape(k) for k in sorted(ABBREVIATIONS, key=len, reverse=True))
    + r")(?![\w/-])", re.IGNORECASE)
# "1 wknd/mo": two abbreviations joined by a slash, both written out
_SLASHED_RE = re.compile(r"\b(?:" + "|".join(re.escape(k) for k in ABBREVIATIONS if "/" not in k)
                         + r")(?:/(?:" + "|".join(re.escape(k) for k in ABBREVIATIONS
                                                  if "/" not in k) + r"))+\b")
_ARROW_RE = re.compile(r"\s*(?:-->|->|→|=>)\s*")
_NUMBER_ARROW_RE = re.compile(r"(\d[\d./%]*)\s*(?:-->|->|→|=>)\s*(?=\d)")
# "60->30" is "60 to 30"; any other arrow is what came next ("trigger, then thought ...").
_UNIT_RE = re.compile(
    r"(?:(?<=x)|(?<=\s)|(?<=^)|(?<=\()|(?<=\d-))(\d+(?:\.\d+)?)(?:\s*)("
    + "|".join(sorted(UNIT_ABBREVIATIONS, key=len, reverse=True))
    + r")\b(?![/'’])(?:\s+(?=(\w[\w-]*)))?")  # and the word after it, if any
# "4 hrs/day" -> "4 hours a day"
_PER_RE = re.compile(r"\b(\d+(?:-\d+)?)\s*(hrs?|hours?|mins?|minutes?)\s*/\s*(day|night|wk|week)\b")
# After a number and its unit, a word that is not a noun of its own: "45 min daily".
_NOT_AFTER_UNIT = frozenset({"daily", "weekly", "nightly", "each", "every", "total", "late",
                             "early", "ago", "later", "long", "straight", "twice", "once",
                             "max", "maximum", "minimum", "before", "after", "earlier",
                             "per", "a", "an", "the", "of", "in", "on", "at", "to", "for",
                             "with", "and", "or", "then", "than", "into", "from", "without",
                             "until", "since", "during", "this", "last", "next", "x"})
_MODALITY_WORDS = frozenset({"telehealth", "office", "phone", "video", "virtual", "in-person",
                             "re", "regarding", "w"})
# "down 3 pts" is points ("3 pts shared" would be patients)
_POINTS_RE = re.compile(r"\b(down|up|by|dropped|rose|fell|improved|increased|decreased|gained|"
                        r"lost|decrease|increase|drop|rise)\s+(\d+(?:\.\d+)?)\s*pts?\b")
_HR_RE = re.compile(r"\bHR(?=\s*(?:of\s*|=\s*|:\s*)?\d)")
# "10am" -> "10 am", "3:30pm" -> "3:30 pm"
_CLOCK_RE = re.compile(r"\b(\d{1,2}(?::\d{2})?)(am|pm)\b", re.IGNORECASE)
# "x2 this wk" -> "twice this week" (never "oriented x3")
_X_BEFORE_TIME_RE = re.compile(r"(?<![\w&])(?<!oriented )(?<!&O )x\s?(\d+)"
                               r"(?=\s+(?:this|last|per|a|in|"
                               r"since|today|over|so|during|yesterday)\b|\s*[,;.)]|\s*$)")
_COMPARE = (("<=", "at or below "), ("≤", "at or below "), (">=", "at or above "),
            ("≥", "at or above "), ("<", "below "), (">", "above "))
_WEEKDAY_RE = re.compile(r"(?<![\w])(" + "|".join(
    sorted(WEEKDAY_ABBREVIATIONS, key=len, reverse=True)) + r")\.?(?![\w])"
    # "Sat with silence", "Wed in June": the verb, not the day
    r"(?!\s+(?:with|in|on|down|up|quietly|silently|still|through|for|together|beside|next|"
    r"across|alone|back)\b)")
# 'I keep replaying her face' -> "I keep replaying her face": a quotation in single quotes
# (apostrophes inside words stay).
_SINGLE_QUOTE_RE = re.compile(r"(?:(?<=^)|(?<=[\s(:]))'((?:[^']|(?<=\w)'(?=\w))+?)'"
                              r"(?=$|[\s),.;:!?-])")
_AMPERSAND_RE = re.compile(r"(?<=\w)\s*(?:&|\s\+\s)\s*(?=\w)")

CLIENT_SHORTHAND = r"(?:the\s+)?(?:client|patient|pt|clt|cl|ct)"
CLIENT_RE = re.compile(rf"^{CLIENT_SHORTHAND}\b(?!['’])(?!\s*(?:and|&)\s)\s*[:,-]?\s*",
                       re.IGNORECASE)
CLIENT_POSSESSIVE_RE = re.compile(rf"^{CLIENT_SHORTHAND}['’]s\s+(?=\w)", re.IGNORECASE)
CLIENT_ANYWHERE_RE = re.compile(r"\b(?:pt|clt)\b(?!['’])", re.IGNORECASE)
THERAPIST_RE = re.compile(
    r"^(?:the\s+)?(?:therapist|clinician|counselor|this\s+writer|writer|this\s+clinician)\b"
    r"\s*[:,-]?\s*", re.IGNORECASE)
FIRST_PERSON_RE = re.compile(r"^(?:(I|I've|I'll|I will)|(we|we've|we'll|we will))\s+(?=[a-z])",
                             re.IGNORECASE)  # "i'll call dr. okafor": the clinician will


_CAPITAL_RE = re.compile(r"(?<![\w-])(" + "|".join(
    re.escape(k) for k in sorted(CAPITAL_ABBREVIATIONS, key=len, reverse=True)) + r")(?![\w-])")
# "2x this week", "3x/wk" (not "2x/wk goal": before a noun the count stays as written)
_TIMES_RE = re.compile(r"(?<![\w.-])(\d+)x(?:\s*/\s*|\s+(?:a|per)\s+)?"
                       r"(week|wk|day|d|month|mo|night)?\b"
                       r"(?=\s*$|\s*[,;.()]|\s+(?:this|a|per|at|in|for|after|before|with|daily|"
                       r"since|last|until|to|on|of|and|or|then|now|total|max|only)\b)")
_FOR_RE = re.compile(r"(?<![\w])x\s?(\d+)\s+(weeks?|days?|months?|years?|sessions?|minutes?"
                     r"|hours?)\b")
# "1 minute x3", "3 trials x2": a repetition (never "oriented x3")
_X_TIMES_RE = re.compile(r"\b((?:minutes?|seconds?|trials?|reps|sets) )x\s?(\d+)\b")
_PERIODS = {"week": "a week", "wk": "a week", "day": "a day", "d": "a day", "month": "a month",
            "mo": "a month", "night": "a night"}


_ORDINALS = ("", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
             "ninth")


def _times(count: str) -> str:
    return {"0": "0 times", "1": "once", "2": "twice"}.get(count, f"{count} times")


_RANGE_TIMES_RE = re.compile(r"(?<![\w.])(\d+-\d+)x(?:\s*/\s*|\s+(?:a|per)\s+)?"
                             r"(week|wk|day|d|month|mo|night)?\b")  # "1-2x/night"


def counts(text: str) -> str:
    """"2x this week" -> "twice this week", "3x/wk" -> "3 times a week", "x2 weeks" ->
    "for 2 weeks", "spinning 1 min x3" -> "3 times"; "~30" -> "about 30"."""
    text = _FOR_RE.sub(lambda m: f"for {m.group(1)} {m.group(2)}", text)
    text = _RANGE_TIMES_RE.sub(lambda m: f"{m.group(1)} times" + (
        f" {_PERIODS[m.group(2)]}" if m.group(2) else ""), text)
    text = _TIMES_RE.sub(lambda m: _times(m.group(1)) + (
        f" {_PERIODS[m.group(2)]}" if m.group(2) else ""), text)
    text = _X_TIMES_RE.sub(lambda m: m.group(1) + _times(m.group(2)), text)
    return re.sub(r"(?<![\w])~\s?(?=\$?\d)", "about ", text)


_QUOTATION_RE = re.compile(r'("[^"]*"|“[^”]*”)')


def expand(text: str) -> str:
    """The fact with its shorthand written out: abbreviations, units after numbers, days of
    the week, quotations in double quotes, arrows between numbers read as "to". What is
    inside quotation marks is the client's own words and stays exactly as typed."""
    # "values card sort -> 'connection', 'music'": what the exercise gave, after a colon
    text = re.sub(r"(?<=\w)\s*(?:-->|->|→|=>)\s*(?=['\"“‘][\w\s-]+['\"”’]\s*(?:,|$))", ": ",
                  text)
    text = re.sub(r"\bsx\s+(?=(?:reduction|relief|severity|improvement|management|burden|"
                  r"tracking|monitoring)\b)", "symptom ", text)
    parts = _QUOTATION_RE.split(_SINGLE_QUOTE_RE.sub(r'"\1"', text))
    # split() puts the quotations at the odd indices
    return "".join(part if i % 2 else _expand_words(part, first=i == 0)
                   for i, part in enumerate(parts))


def _expand_words(text: str, first: bool = True) -> str:
    text = _NUMBER_ARROW_RE.sub(r"\1 to ", text)
    # "trigger -> thought -> called sponsor": one thing, then the next (no verb made up)
    text = _ARROW_RE.sub(", then ", text)
    if first:  # "MVA Aug 2024 - images": a label before the fact's first dash
        text = re.sub(r"(?<=\w)\s+[-–]\s+(?=\w)", ": ", text, count=1)
    if not re.search(r"[A-Z]&[A-Z]", text):  # "A&Ox4" stays
        text = _AMPERSAND_RE.sub(" and ", text)
    text = _WEEKDAY_RE.sub(lambda m: WEEKDAY_ABBREVIATIONS[m.group(1)], text)
    text = re.sub(r"(?<![\w])~\s?(?=\$?\d)", "about ", text)  # before the units: "~1 min"
    text = re.sub(r"\bq\s?(\d+)\s?(min|mins|minutes|h|hr|hrs|hours)\b",  # "SUDS q5 min"
                  lambda m: f"every {m.group(1)} " + ("minutes" if m.group(2).startswith("m")
                                                      else "hours"), text)

    def unit(match: re.Match[str]) -> str:
        number, short, following = match.group(1), match.group(2), match.group(3) or ""
        name = UNIT_ABBREVIATIONS.get(short.lower(), short)
        space = match.group(0)[len(match.group(0).rstrip()):]
        if following and following.lower() not in _NOT_AFTER_UNIT and \
                not following.lower().startswith(("mid-", "pre-", "post-")) and \
                not following[0].isdigit() and not following[0].isupper() and \
                ("-" in following or wc.can_be_noun(following)) and \
                following.lower() not in _MODALITY_WORDS:
            # before a noun the unit is an adjective: "20-minute conversation", "2-3 hour
            # stretches"
            joined = "-" if match.start() == 0 or text[match.start() - 1] != "-" else " "
            return f"{number}{joined}{name}{space}"
        return f"{number} {name}{'' if number in ('1', '1.0') else 's'}{space}"

    text = _PER_RE.sub(_per, text)
    text = _HR_RE.sub("heart rate", text)
    text = re.sub(r"\b(\d+)x\s*/\s*(wk|week|day|night|mo|month)\b(?!\s*:)",  # "2x/wk": twice a week
                  lambda m: f"{m.group(1)}x a " + {"wk": "week", "mo": "month"}.get(
                      m.group(2), m.group(2)), text)
    # "1st time", "on 2nd try": the ordinal in words (not "9th grade", nor "Elm and 5th")
    def ordinal(match: re.Match[str]) -> str:
        before = text[:match.start()].split()[-2:]
        if before and (before[-1][:1].isupper() or before[-1] == "and" and len(before) > 1
                       and before[0][:1].isupper()):
            return match.group(0)  # "January 3rd", "Elm and 5th": a date, a street
        return _ORDINALS[int(match.group(1))]

    text = re.sub(r"\b([1-9])(?:st|nd|rd|th)\b(?=\s+(?:the\s+)?(?:time|try|attempt|half|trial|"
                  r"reading|round|person|set|week|day|session|visit)\b)", ordinal, text)
    text = re.sub(r"(?<=\d)\s*/\s*(wk|week|day|night|mo|month)\b",  # "5/wk" -> "5 a week"
                  lambda m: " a " + {"wk": "week", "mo": "month"}.get(m.group(1), m.group(1)),
                  text)
    # "1 softened startup/day": a count of something, each day
    text = re.sub(r"(\b\d+(?: [a-z-]{3,20}){1,2})/(night|day|week|wk|month)\b",
                  lambda m: f"{m.group(1)} a " + ("week" if m.group(2) == "wk" else m.group(2)),
                  text)
    text = re.sub(r"(?<=[a-z]s)/(night|day|week|wk|month)\b",
                  lambda m: " a " + ("week" if m.group(1) == "wk" else m.group(1)), text)
    text = re.sub(r"\b([Mm])iracle q\b\.?", r"\1iracle question", text)
    text = re.sub(r"\b(pt|client)/(mom|dad|mother|father|parents?|partner|wife|husband)\b",
                  lambda m: "client and " + ABBREVIATIONS.get(m.group(2), m.group(2)), text,
                  flags=re.IGNORECASE)  # "pt/mom to f/u": the two of them
    text = re.sub(r"\bf/u\s+(?=w/|with\b)", "follow up ", text)  # "f/u w/ OB": the verb
    text = re.sub(r"\b([Hh])x\s+(?!of\b)(?=\w)", lambda m: ("H" if m.group(1) == "H" else "h")
                  + "istory of ", text)  # "hx 1 DUI"; "Hx cutting ages 15-19"; "hx (cutting)"
    text = re.sub(r"\bdx'?e?d\s+(?=[A-Za-z])", "diagnosed with ", text)  # "dx'd MS 2024"
    text = re.sub(r"\b[Ii][Dd]['’]d\b", "identified", text)  # "ID'd Four Horsemen"
    text = re.sub(r"\b((?:Iraq|Afghanistan|Vietnam|Gulf War|Army|Navy|Marine|Air Force|combat|"
                  r"military|USMC)\s+)vet\b", r"\1veteran", text)  # never a veterinarian
    text = re.sub(r"\bdx(?:'?e?d)?\s+(?=(?:19|20)\d\d\b)", "diagnosed in ", text)  # "dx 2025"
    text = re.sub(r"\bdx(?:'?e?d)?\s+(?=\d{1,2}/\d{2,4}\b)", "diagnosed ", text)  # "dx 12/2025"
    text = re.sub(r"\b([1-9]) q\b(?![&/])", lambda m: m.group(1) + (
        " question" if m.group(1) == "1" else " questions"), text)  # "ask 1 q each section"
    text = re.sub(r"\bmed\s+(?=necessity\b|appts?\b|appointments?\b|visits?\b|history\b|"
                  r"condition|care\b|attention\b|eval)", "medical ", text, flags=re.IGNORECASE)
    text = re.sub(r"\b([Ss])caling\s+q\b(?!['’])\.?", r"\1caling question", text)
    text = re.sub(r"\b(\d+)\s*(?:y/o|y\.o\.|yo)(?=\s|$|[,;.)])", r"\1-year-old", text)  # "16 y/o"
    text = _POINTS_RE.sub(r"\1 \2 points", text)
    text = _CLOCK_RE.sub(r"\1 \2", text)
    text = _X_BEFORE_TIME_RE.sub(lambda m: _times(m.group(1)), text)
    text = re.sub(r"(?<=\w)\s*=\s*(?=[A-Za-z\"“(])", ": ", text)  # "top values = family": a label
    text = re.sub(r"(?<=[\w)])\s+[+&]\s+(?=[\w(])", " and ", text)  # "criticism + stonewalling"
    text = re.sub(r"\$(?!\s*\d)", "money", text)  # "sleep and $ as cons"
    text = re.sub(r"#(?!\s*\d)", "number", text)  # "cousin's #"
    text = re.sub(r"\bmax(?:imum)?\.?\s+(?=\d)", "a maximum of ", text)
    for sign, words in _COMPARE:  # ">~20" was made ">about 20" above
        text = re.sub(rf"(?<![<>=-]){re.escape(sign)}(?![<>=-])\s*(?=\$?\d|about \d)", words,
                      text)

    text = _UNIT_RE.sub(unit, text)
    text = counts(_CAPITAL_RE.sub(lambda m: CAPITAL_ABBREVIATIONS[m.group(1)], text))
    text = re.sub(r"\b(\d+)-(?:min|mins)\b", r"\1-minute", text)  # "2-min speech"
    # the client named in the middle of a fact ("pt described", "drive pt Tuesday", "if cl
    # ready", "dad-cl relationship", "(cl: fear of being alone")
    text = re.sub(r"\b([Ss]tuck)\s+pt(s?)\b", r"\1 point\2", text)  # a CPT stuck point
    text = re.sub(r"(?:(?<=[\s(/])|(?<=[A-Za-z]-))(?:pt|Pt|clt|cl)\b(?=(?:['’]s)?\b)(?!\.)",
                  "client", text)  # never "7-pt drop", which is points
    text = re.sub(r"^([Cc])(?:l|lt)\b(?=['’]s\b)", r"\1lient", text)  # "Cl's defiance ..."
    text = re.sub(r"\s\+(?=\s|$)", " and", text)  # "door closed + "clingy at drop-off""
    text = re.sub(r"\b[Dd]r\.?\s+([a-z])(?=[a-z]+\b)", lambda m: "Dr. " + m.group(1).upper(),
                  text)  # "call dr. okafor": a name, as the note writes it
    text = re.sub(r"\b(si|hi)/(si|hi)\b", lambda m: m.group(0).upper(), text)  # "denied si/hi"

    def replace(match: re.Match[str]) -> str:
        word = match.group(1)
        if len(word) <= 3 and word[0].isupper() and word[1:].islower() and \
                word.lower() in ("mo", "re", "mod", "max", "bf", "gf", "sh", "fu", "bc", "hw",
                                 "pos", "neg", "abt", "avg", "sat", "sun", "wed"):
            return word  # "Mo", "Re", "Max": a name or a sentence's first word, not shorthand
        if word == "BF":
            return word  # breastfeeding or boyfriend: never guess a person into the note
        full = ABBREVIATIONS[word.lower()]
        return full.capitalize() if word[0].isupper() and len(word) > 1 and word[1].islower() \
            else full

    text = _SLASHED_RE.sub(lambda m: "/".join(
        ABBREVIATIONS.get(part.lower(), part) for part in m.group(0).split("/")), text)
    text = _ABBREVIATION_RE.sub(replace, text)
    # the therapist as "me" outside a quotation: "angry at me for mentioning the break"
    text = re.sub(r"(?<=[a-z,] )(?:me|Me)\b(?!['’])", "the clinician", text)
    return re.sub(r"(?<=[a-z,] )my\b(?=\s+(?:own\s+)?[a-z])", "the clinician's", text)


# Shorthand that means one thing in a mental status line ("TP linear", "MSE WNL").
_MSE_SHORT = {"TP": "thought process", "TC": "thought content", "EC": "eye contact",
              "PMA": "psychomotor activity", "WNL": "within normal limits", "nl": "normal"}
_MSE_SHORT_RE = re.compile(r"\b(?:" + "|".join(_MSE_SHORT) + r")\b")


def mental_status_shorthand(text: str) -> str:
    return _MSE_SHORT_RE.sub(lambda m: _MSE_SHORT[m.group(0)], text)


def _per(match: re.Match[str]) -> str:
    """"4 hrs/day" -> "4 hours a day"."""
    number, unit, period = match.groups()
    name = UNIT_ABBREVIATIONS.get(unit.lower(), unit).removesuffix("s")
    plural = "" if number in ("1", "one") else "s"  # "~1 hr/night": "1 hour a night"
    return f"{number} {name}{plural} a {'week' if period in ('wk', 'week') else period}"


def expansions_of(word: str) -> set[str]:
    """The abbreviations a written-out word may stand for (for the verifier)."""
    return {k for k, v in ABBREVIATIONS.items() if v == word}
