"""A line about the session itself (context.py tells which lines are), as its sentence."""

from __future__ import annotations

import re

from drafting import context
from drafting import lexicon as lx
from drafting.phrases import article_for, lower_first, slots
from drafting.sentence import Choice, Segment, lit
from drafting.voice import Voice


def context_sentence(body: str, voice: Voice) -> list[Segment]:
    """"This was a family session with the client and her mother." or "This was week 4 of 8."
    or "The session was by phone due to a car in the shop." as the line says."""
    body = lower_first(body)
    if context.about_the_session_itself(body):
        rest = body.split(None, 1)[1]
        rest = rest[4:] if rest.startswith("was ") else rest
        return lit("The session was ") + slots(rest, voice, object_start=True, after="was")
    if context.starts_with_course(body):
        # "session 5 PE" -> "This was session 5 of PE."
        body = re.sub(r"^((?:week|wk|session|module|phase)\s+#?\d+)\s+([A-Z][A-Z0-9-]+)$",
                      r"\1 of \2", body)
        return lit("This was ") + slots(body, voice)
    if context.numbered_meeting(body):  # "This was skills group week 6 of the module."
        if lx.words(body)[:1] and lx.words(body)[0] in lx.CLIENT_WORDS:
            return slots(body[:1].upper() + body[1:], voice)  # "Client is in session 5 of PE"
        return lit("This was ") + slots(body, voice)
    present = re.match(r"^(\w+)\s+(members?)\s+present\b(.*)$", body)
    if present:  # "7 members present" -> "7 members were present."
        verb = "was" if present.group(2) == "member" else "were"
        return lit(f"{present.group(1)} {present.group(2)} {verb} present") + slots(
            present.group(3), voice)
    first = body.split()[0]
    article = Choice((f"{article_for(first)} ", "the "), 0)  # "a family session", "an IOP group"
    if re.fullmatch(r"\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|last|final", first):
        article = Choice(("the ",), 0)  # "the 3rd family session"
    return lit("This was ", article) + slots(body, voice)
