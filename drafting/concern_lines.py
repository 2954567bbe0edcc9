"""What a presenting-concerns line is when it is not something the client reported.

Therapists type more than reports into the first box: who came ("Cl + partner Dana"), who the
client is ("Iraq vet, IED 2007"), a diagnosis ("adult ADHD, dx 2025"), another professional's
note ("PCP (Dr. Lin) note 3/30: ..."). Framed as "Client reported ...", each puts words in the
client's mouth; they are said as what they are. And two things reported in one line with a
comma between them ("sleeping 4-5 hrs, nightmares 3x/wk") read with "and".
"""

from __future__ import annotations

import re

from drafting import lexicon as lx
from drafting import shapes as sh
from drafting import wordclass as wc

# "Cl + partner Dana", "Clt and partner J.", "cl (9) and foster mother (Ms. A.)"
_PERSON = r"(?:(?:her|his|their)\s+)?[\w-]+(?:\s+[\w-]+)?(?:\s+(?-i:[A-Z][a-z]*\.?))?" \
          r"(?:\s*\([^()]{1,20}\))?"
_ATTENDING_RE = re.compile(r"^(?:the\s+)?(?:client|cl|clt|pt|patient)\s*(?:\([^()]{1,20}\)\s*)?"
                           rf"(?:and|\+|&|w/|with)\s+{_PERSON}(?:\s*(?:,|and|\+|&)\s*{_PERSON})?"
                           r"\s*$", re.IGNORECASE)

# Another professional's note or letter at the head of a line: "PCP (Dr. Lin) note 3/30: ..."
_THIRD_PARTY_NOTE_RE = re.compile(
    r"^(?:the\s+|his\s+|her\s+|their\s+)?(?:pcp|pediatrician|psychiatrist|teacher|school|"
    r"school counselor|counselor|ob|doctor|dr\.?\s+\w+|probation officer|case manager|daycare|"
    r"nurse|prescriber|neurologist|cardiologist|attorney)\b[^:]{0,40}?\b(?:note|notes|report|"
    r"letter|records?|email|fax|summary|labs?|results?)\b", re.IGNORECASE)
# Who the client is, at the head of a line: "Iraq vet", "TA for stats section", "grad student"
_ROLE_RE = re.compile(
    r"^(?:[A-Z][\w-]*\s+|(?:first-year|second-year|new|former|retired|single|stay-at-home|"
    r"full-time|part-time|grad|graduate|college|high school|nursing|medical|law)\s+){0,2}"
    r"(?:veteran|vet|student|TA|teacher|nurse|firefighter|paramedic|officer|widow|widower|"
    r"retiree|caregiver|freshman|sophomore|engineer|accountant|attorney|lawyer|resident|"
    r"physician|pastor|chef|mechanic|contractor|realtor|barista|cashier)"
    r"(?=\s*$|\s*,|\s+(?:for|at|in|with|of)\b)")
# A diagnosis at the head of a line: the therapist's, never "Client reported bipolar I".
_DIAGNOSIS_RE = re.compile(
    r"^(?:(?:adult|childhood|chronic|complex|recurrent|provisional|r/o|rule out|hx of|"
    r"history of)\s+)*(?:adhd|ptsd|c-ptsd|cptsd|mdd|gad|ocd|bpd|aud|oud|sud|asd|pmdd|bipolar|"
    r"schizo\w*|anorexia|bulimia|autism|dysthymia|agoraphobia|ppd|fep|arfid|pdd|odd|dmdd|"
    r"(?-i:AN-\w+|AN|BED)|panic disorder|[\w-]+(?:\s[\w-]+)?\s+disorder)"
    r"(?![\w-])(?!\s+(?:symptoms?|sx|sxs|triggers?|flashbacks?|nightmares?)\b)", re.IGNORECASE)


def who_came(text: str) -> bool:
    """"Cl + partner Dana", "Cl (10) + mom": the people in the room, said as written."""
    return _ATTENDING_RE.match(text) is not None


def who_the_client_is(body: str) -> bool:
    """"Iraq vet", "TA for stats section", "grad student at UCLA": said with "is"."""
    return _ROLE_RE.match(body) is not None


def is_diagnosis(body: str) -> bool:
    """"PPD, 10 weeks postpartum", "panic disorder with agoraphobia": a diagnosis leads."""
    return _DIAGNOSIS_RE.match(body) is not None


def not_a_report(body: str) -> bool:
    """Another professional's note, who came, or a diagnosis at the head of the line."""
    return _THIRD_PARTY_NOTE_RE.match(body) is not None or who_came(body) or \
        _HEAD_COUNT_RE.match(body) is not None or \
        _ATTENDED_RE.match(body) is not None or _DIAGNOSIS_RE.match(body) is not None


# How many came to a group: "6 of 8 members attended", "7 vets present"
_HEAD_COUNT_RE = re.compile(r"^\d+(?:\s+of\s+\d+)?\s+(?:members|vets|veterans|participants|"
                            r"people|clients|attendees|parents)\b", re.IGNORECASE)
# who came, as the analysis writes it (clauses.py): "Client (10) attended with the mother"
_ATTENDED_RE = re.compile(r"^client(?:\s*\([^()]*\))? attended with ", re.IGNORECASE)


def comma_as_and(body: str) -> str:
    """"sleeping 4-5 hours, nightmares 3 times a week" -> "... hours and nightmares ...": one
    comma outside quotes and brackets, before a noun phrase, reads as "and" after "reported".
    A verb after it ("avoiding door handles, uses sleeve") or a quotation keeps the comma."""
    commas = [m.start() for m in re.finditer(r", ", body)
              if body[:m.start()].count("(") == body[:m.start()].count(")")
              and body[:m.start()].count('"') % 2 == 0]
    if len(commas) != 1:
        return body
    head, tail = body[:commas[0]], body[commas[0] + 2:]
    first = lx.words(tail)[:1]
    if not first or tail[:1] in "\"“'(" or " and " in f" {head} " or sh.verb_first(tail) or \
            wc.is_third_person(first[0]) or first[0] in lx.STOPWORDS or \
            sh.state_word(first[0]) or wc.only_verb(first[0]) or first[0].endswith("ing") or \
            lx.NUMBER_RE.match(first[0]) or first[0] in lx.PERSON_NOUNS or \
            first[0] in lx.RELATION_NOUNS or tail[:1].isupper():
        return body
    return f"{head} and {tail}"
