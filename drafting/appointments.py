"""Appointments in the plan: "next session Tuesday" -> "The next session will be on Tuesday.",
"f/u phone 3/12" -> "Follow-up will be on 3/12 by phone.", "1 wk" -> "The next session will be
in 1 week."; never an appointment made of homework ("daily check-in with critic part")."""

from __future__ import annotations

import re

from drafting import lexicon as lx
from drafting.phrases import article_for, is_plural, lower_first, slots
from drafting.sentence import Choice, Segment, lit
from drafting.voice import Voice

# A plan item that is only when the next session is: "1 wk", "2 weeks", "next wk same time".
INTERVAL_RE = re.compile(r"^(?:in\s+)?(?:(?:\d+|one|two|three|four|a)\s+(?:weeks?|days?|months?)|"
                          r"next\s+(?:week|month))\b", re.IGNORECASE)


def next_session(when: str, voice: Voice) -> list[Segment]:
    """"1 week" -> "The next session will be in 1 week."; "next week same time" -> "The next
    session will be next week, same time."
    """
    match = INTERVAL_RE.match(when)
    assert match is not None
    lead = match.group(0)
    rest = when[match.end():].strip(" ,")
    prep = "" if lead.lower().startswith(("in ", "next")) else "in "
    noun = "group" if voice.service == "group" else "session"
    verb = "will meet" if noun == "group" else "will be"
    return lit(f"The next {noun} {verb} {prep}{lead}") + (lit(", ") + slots(rest, voice)
                                                          if rest else [])


_APPOINTMENT_RE = re.compile(
    r"^(?:(?:the\s+)?next\s+)?((?:[\w-]+\s+){0,2}?(?:session|sessions|appointment|appt|"
    r"follow-up|check-in(?:\s+call)?|call|visit|meeting|group|consult(?:ation)?|intake))"
    r"(?![\w-])\s*(.*)$", re.IGNORECASE)
_SESSION_NOUNS = ("session", "appointment", "appt", "visit", "intake")


def is_appointment(body: str) -> bool:
    """An appointment with a when: "next session Tuesday" (not "weekly sessions", not
    "listen to session recording")."""
    match = _APPOINTMENT_RE.match(body)
    if match is None or not match.group(2).strip():
        return False
    when = lx.words(match.group(2))
    if when and not (when[0] in lx.TIME_STARTS or when[0] in lx.WEEKDAYS_MONTHS or when[0] == "same"
                     or when[0] in _MODALITY_MODIFIERS or when[0] in ("again", "via", "by")
                     or re.match(r"[#\d(]", match.group(2).strip())):
        return False  # "daily check-in with critic part": homework, not an appointment
    leading = lx.words(body[: match.end(1)])[:-1]
    return not any(w in lx.PREPOSITIONS or w in lx.BASE_VERBS or w in lx.PAST_VERBS
                   or w in ("and", "or") for w in leading
                   if w != "next" and w not in _MODALITY_MODIFIERS)


def someone_elses_meeting(body: str, service: str) -> bool:
    """"library moms group Thurs", "yoga class Sat" outside a group session: something the
    client goes to, not the next session with the clinician."""
    match = _APPOINTMENT_RE.match(body)
    if match is None or service == "group" or lx.words(body)[:1] == ["next"]:
        return False
    words = lx.words(match.group(1))
    return bool(words) and words[-1] in ("group", "class") and any(
        w not in ("the", "a", "an") and w not in _MODALITY_MODIFIERS for w in words[:-1])


# How a session is held, as a modifier ("phone session") or at the end ("in 1 week telehealth").
_MODALITY_MODIFIERS = frozenset({"phone", "telehealth", "video", "virtual", "in-person"})
_TRAILING_MODALITY_RE = re.compile(r"\s+(telehealth|video|virtual|phone|in[ -]person)\s*$",
                                   re.IGNORECASE)
_MODALITY_PHRASES = {"telehealth": "via telehealth", "video": "by video", "virtual": "virtually",
                     "phone": "by phone", "in person": "in person", "in-person": "in person"}


def appointment(body: str, voice: Voice) -> list[Segment]:
    """"next session in one week" -> "The next session will be in one week"."""
    match = _APPOINTMENT_RE.match(body)
    assert match is not None
    lead = body[: match.start(1)].strip()
    noun, when = match.group(1), match.group(2).strip()
    numbered = re.match(r"(#?\d+)\s+(?=next|this|on|in|tomorrow|[A-Z])", when)
    if numbered:  # "PE session 7 next week"
        noun, when = f"{noun} {numbered.group(1)}", when[numbered.end():]
    plural = is_plural(noun.split()[-1])
    nxt = lead.lower().endswith("next")
    out: list[Segment] = []
    when_next = lx.words(when)[:1] == ["next"]
    if nxt:
        out.append("The next " + lower_first(noun))
    elif numbered:  # "Session 7 will be next Tuesday."
        out.append(noun[0].upper() + noun[1:])
    elif noun.lower() == "group":  # "The next group will meet on 2/25."
        out += [Choice(("The next ", "The "), 0, "article"), "group"]
    elif plural:
        out.append(noun[0].upper() + noun[1:])
    elif noun.split()[-1].lower() in _SESSION_NOUNS and not when_next:
        # "session in 3 days" is the next session: naming it so is the reader's own inference
        out += [Choice(("The next ", f"{article_for(noun).capitalize()} ", "The "), 0,
                       "article"), lower_first(noun)]
    elif noun.lower() == "follow-up":
        out += [Choice(("", "A ", "The "), 0, "article"), "follow-up"]
    else:
        out += [Choice((f"{article_for(noun).capitalize()} ", "The "), 0, "article"),
                lower_first(noun)]
    verb = "will be" if plural else None
    leading_modality = re.match(r"(telehealth|video|virtual|phone|in[ -]person)\s+(?=\S)", when,
                                re.IGNORECASE)
    if leading_modality:  # "f/u phone 3/12" -> "on 3/12 by phone"
        when = f"{when[leading_modality.end():]} {leading_modality.group(1)}"
    trailing = _TRAILING_MODALITY_RE.search(when)
    if trailing and trailing.start() > 0:  # "in 1 week telehealth" -> "in 1 week via telehealth"
        when = when[:trailing.start()] + " " + _MODALITY_PHRASES[trailing.group(1).lower()]
    # "2/10 4 pm" -> "2/10 at 4 pm"
    when = re.sub(r"(\d{1,2}/\d{1,2}|day)\s+(?=\d{1,2}(?::\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.)(?!\w))",
                  r"\1 at ", when, count=1)
    again = re.match(r"again\s+", when, re.IGNORECASE)
    if again:  # "again next week": "will take place again next week"
        when = when[again.end():]
        verb = "will take place again"
    if again:  # not "the next" session, but another one
        out = [f"{article_for(noun).capitalize()} ", lower_first(noun)]
    first = lx.words(when)[0] if lx.words(when) else ""
    if first in lx.WEEKDAYS_MONTHS or re.match(r"\d{1,2}/\d{1,2}", when):
        prep = "on "
    elif re.match(r"(?:\d+|one|two|three|four|five|six|a)\s+(?:days?|weeks?|months?|hours?)\b",
                  when, re.IGNORECASE):
        prep = "in "  # "f/u 1 wk" -> "in 1 week"
    else:
        prep = ""
    if verb:
        return out + lit(f" {verb} ", prep) + slots(when, voice)
    verbs = ("will meet ", "will be ") if noun.split()[-1].lower() == "group" else (
        "will be ", "will take place ")
    return out + lit(" ", Choice(verbs, 0, "verb"), prep) + slots(when, voice)
