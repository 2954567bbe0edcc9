"""What a presenting-concerns line says about the session itself or who the client is, rather
than something the client reported.

Therapists type the session's circumstances into the first box ("family session w/ mom and
stepdad", "wk 4 of 8, distress tolerance module", "IOP group, 7 members present", "session by
phone d/t car in shop"). Framed as "Client reported family session ..." such a line puts words
in the client's mouth; it is said as what it is: "This was a family session with ...".
"""

from __future__ import annotations

import re

from drafting import lexicon as lx
from drafting import shapes as sh
from drafting.lexicon import wordset

# The noun a session-context line is about.
_SESSION_HEADS = wordset("""
session sessions check-in call visit meeting appointment group module intake consult
consultation class
""")
# Words that may stand before it: what kind of session it was.
_SESSION_KINDS = wordset("""
family couple couples joint individual group scheduled unscheduled makeup make-up phone
telehealth video virtual in-person follow-up collateral iop php first last final initial
brief extended crisis emergency weekly biweekly monthly dyadic parent parent-child sibling
conjoint walk-in skills process support psychoeducation psychoeducational second third fourth
fifth sixth seventh eighth ninth tenth relapse prevention processing
""")
# "week 4 of 8", "session 2 of 12": where the session falls in a course.
_COURSE_RE = re.compile(r"^(?:week|wk|session|day|module|class|visit|phase)\s+#?\d+"
                        r"(?:\s+of\s+\d+)?(?=\s*$|\s*[,;.:(]|\s+(?:of|in|for)\s|"
                        r"\s+(?-i:[A-Z][A-Z0-9-]+)\s*$|\s+(?:prep|preparation)\b)",
                        re.IGNORECASE)  # "session 5 PE", "phase 2 prep"
# "relapse prevention group, week 6 of 10, seven members present": the group's own line
_ATTENDANCE_RE = re.compile(r"^[\w\s-]{0,40}\b(?:group|session)\b(?:\s*\([^)]*\))?,\s*"
                            r"(?:week|session|wk)\s+\d+\b(?:\s+of\s+\d+)?|"
                            r"\bmembers?\s+present\b|"
                            r"^[\w\s-]{0,40}\bgroup\b,\s*\d+(?:\s+of\s+\d+)?\s+members\b",
                            re.IGNORECASE)  # "process group, 8 members (1 absent)"
# "skills group wk 6 of distress tolerance module", "CBT-I group session 4/6": a numbered
# meeting of a named group or course
_NUMBERED_MEETING_RE = re.compile(r"^(?:[\w-]+\s+){1,3}?(?:group|session|class|module|phase)\s+"
                                  r"(?:(?:week|wk|session|#)\s*)?\d+(?:\s*(?:of|/)\s*\d+)?\b",
                                  re.IGNORECASE)
# What may follow the head in a context line: "family session with ...", "session by phone".
_AFTER_HEAD = frozenset(lx.PREPOSITIONS) | {"and", "for", "via", "re", "regarding", "held",
                                             "today", "this", "per"}


# "Insomnia f/u, wk 4 CBT-I": the kind of visit this was
_FOLLOW_UP_RE = re.compile(r"^[A-Za-z-]+(?:\s[A-Za-z-]+)?\s+(?:follow-up|f/u)(?=\s*(?:,|$))",
                           re.IGNORECASE)


def is_session_context(text: str) -> bool:
    """Is this presenting-concerns line about the session rather than the client?"""
    if _COURSE_RE.match(text.strip()) or _ATTENDANCE_RE.search(text) or \
            _FOLLOW_UP_RE.match(text.strip()) or \
            _NUMBERED_MEETING_RE.match(text.strip()):
        return True
    head = re.split(r"[,;:(]", text, maxsplit=1)[0]
    # an acronym is a kind of session too: "DBT skills group", "IOP group"
    ws = ["individual" if re.fullmatch(r"[A-Z][A-Z0-9-]+|\d+(?:st|nd|rd|th)", w) else w.lower()
          for w in head.split()]  # and an ordinal: "3rd family session"
    ws = lx.words(" ".join(ws))
    if not ws or (sh.verb_first(head) and ws[0] not in _SESSION_KINDS):
        return False  # "scheduled phone check-in" is a kind of session, "met with mom" is not
    for i, word in enumerate(ws[:4]):
        if word in _SESSION_HEADS:
            after = ws[i + 1] if i + 1 < len(ws) else ""
            return (not after or after in _AFTER_HEAD or after in _SESSION_HEADS  # "check-in call"
                    or lx.NUMBER_RE.match(after) is not None) \
                and all(w in _SESSION_KINDS or w in _SESSION_HEADS or w in ("a", "an", "the")
                        for w in ws[:i])
        if word not in _SESSION_KINDS and word not in ("a", "an", "the"):
            return False
    return False


def numbered_meeting(text: str) -> bool:
    """"skills group week 6 of ...": said as written (no article fits "a skills group week")."""
    return _NUMBERED_MEETING_RE.match(text.strip()) is not None


def starts_with_course(text: str) -> bool:
    """"week 4 of 8 ...": said without an article ("This was week 4 of 8")."""
    return _COURSE_RE.match(text.strip()) is not None


def about_the_session_itself(text: str) -> bool:
    """"session by phone due to car in shop": the session and how it was held."""
    ws = lx.words(text)
    return len(ws) > 2 and ws[0] == "session" and ws[1] in ("by", "via", "held", "in", "at",
                                                            "on", "over", "was")


__all__ = ["about_the_session_itself", "is_session_context", "numbered_meeting",
           "starts_with_course"]
