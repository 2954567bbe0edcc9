"""The verb a plan item written as a bare noun phrase takes ("new window 11:30p-6:15a" ->
"will follow the new window ..."; "pharmacy auto-refill" -> "will use pharmacy auto-refill").

Blind reviews marked a plan of bare fragments ("Pharmacy auto-refill. Humming/headphones.")
as shorthand in every note. The verb comes from the item's head noun, through a closed table:
only heads whose verb is plain (a window is followed, a timer used, a worksheet completed) get
one. Anything else (a medication, a place, a measure, someone's task) stays as written.
"""

from __future__ import annotations

import re

from drafting import lexicon as lx
from drafting.lexicon import wordset

# The verb for each head, first the default; a second option is the model's to pick.
_VERBS_BY_HEAD: dict[tuple[str, ...], frozenset[str]] = {
    ("follow",): wordset("window tib rule rules routine protocol curfew"),
    ("use",): wordset("""
        timer alarm auto-refill refill refills flashcard flashcards headphones humming app
        organizer box signal cue
        """),
    ("practice", "use"): wordset("defusion grounding mindfulness scan self-compassion"),
    ("complete", "do"): wordset("cbw cbws cqw cqws sheet sheets srm block blocks packet form"),
    ("have",): wordset("days breakfast lunch meal meals weigh-in weigh-ins"),
    ("attend",): wordset("iop php tutoring class classes"),
}
# A "no" item the client keeps: "no naps" -> "will take no naps".
_NO_ITEMS: dict[str, tuple[str, ...]] = {"naps": ("take", "have"), "nap": ("take", "have"),
                                         "caffeine": ("have",), "alcohol": ("have",)}
# Leading words that say when, not what: "daily SRM", "new window".
_LEADING = wordset("daily weekly nightly new")
# Where the head noun ends: "shower timer 15 minutes", "IOP M/W/F", "grounding when zoning out".
_ENDS = lx.PREPOSITIONS | lx.WEEKDAYS_MONTHS | frozenset(lx.NUMBER_WORDS) | wordset("""
twice once daily weekly nightly every each a per this next tonight tomorrow today if when
whenever until before after as and or
""")
_DAYS_RE = re.compile(r"^(?:[mtwfsu]|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|am|pm)"
                      r"(?:/(?:[mtwfsu]|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|am|pm))*$")


def item_head(words: list[str]) -> str:
    """The noun a plan item is about: "timer" in "shower timer 15 minutes", "check-in" in
    "weekly 15-minute budget check-in Sunday", "headphones" in "humming/headphones"."""
    at = 0
    while at < len(words) - 1 and (words[at] in _LEADING or lx.NUMBER_RE.match(words[at])
                                   or re.match(r"^\d+-\w+$", words[at])):
        at += 1  # "daily", "1", "10-minute": before the noun
    head = words[at] if at < len(words) else ""
    for word in words[at + 1:]:
        if word in _ENDS or lx.NUMBER_RE.match(word) or _DAYS_RE.match(word) or \
                word.startswith("("):
            break
        head = word
    return head.split("/")[-1]


def item_verbs(words: list[str]) -> tuple[str, ...] | None:
    """The verbs a bare plan item may take, the default first; None where none is plain."""
    if not words:
        return None
    if words[0] == "no":
        return _NO_ITEMS.get(words[1]) if len(words) > 1 else None
    head = item_head(words)
    for verbs, heads in _VERBS_BY_HEAD.items():
        if head in heads:
            return verbs
    return None
