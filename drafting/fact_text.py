"""A typed fact's text, rewritten before its shape is read: shorthand written out, a report
told in the past ("passive SI, denies plan" -> "denied plan"), the client's name read as the
client, and the few rewordings a frame needs ("c/o 'wired but tired'" -> "complained of ...",
"back to driving" -> "being back to driving", "Next 3/11" -> "next session 3/11")."""

from __future__ import annotations

import re

from drafting import shapes as sh
from drafting import shorthand as sn
from drafting.clause_types import Setting
from drafting.subjects import client_named

# Fields whose reports are told in the past
TOLD_IN_PAST = frozenset({"presenting_concerns", "client_response", "progress", "risk"})
# The present of a report and its past ("denies SI" is told as "denied SI").
REPORTED = {"denies": "denied", "deny": "denied", "reports": "reported", "endorses": "endorsed",
            "states": "stated", "describes": "described", "says": "said"}
# A reporting verb later in a fact, after a comma or "and" ("both deny SI/HI" too).
_LATER_REPORT_RE = re.compile(r"((?:[,;]|\band|\bboth|\beach)\s+)(denies|deny|reports|endorses|"
                              r"states|describes|says)\b", re.IGNORECASE)
_PER_CLIENT_RE = re.compile(r",?\s+per\s+(?:the\s+)?(?:client|pt|patient)\b(?=\s*[,;.)]|\s*$)",
                            re.IGNORECASE)
_MSE_LABEL_RE = re.compile(r"^(?:mse|mental\s+status(?:\s+exam)?)\s*:\s*", re.IGNORECASE)
_BARE_NEXT_RE = re.compile(
    r"^(next)\s+((?:individual|family|couples?|joint|conjoint)\s+)?(?=\d{1,2}/\d{1,2}\b|"
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b)", re.IGNORECASE)


def rewritten(field: str, fact: str, setting: Setting) -> str:
    """``fact`` of prompt ``field`` as the analysis reads it."""
    if field not in ("plan", "goals"):  # "incr conflict" is increased conflict, not a task
        fact = re.sub(r"\b(incr|decr)\.?\s+(?!to\b|by\b|\d)",
                      lambda m: "increased " if m.group(1) == "incr" else "decreased ", fact)
    text = sn.expand(fact).strip()
    if field in TOLD_IN_PAST:  # "passive SI, denies plan": the whole fact in the past
        text = _LATER_REPORT_RE.sub(lambda m: m.group(1) + REPORTED[m.group(2).lower()], text)
    text = client_named(text, setting.client_names)
    if field == "presenting_concerns":  # "wife 'gave him an ultimatum' per pt": "reported"
        text = _PER_CLIENT_RE.sub("", text)  # already says who told it
        text = re.sub(r"^per\s+(?:the\s+)?(?:client|pt|patient|cl|clt),?\s+", "", text,
                      flags=re.IGNORECASE)  # "Per pt, his wife says ..."
        # "c/o worry re: job review": the frame says "reported"; "complains of" is said once;
        # before a quotation it is the verb, of the session: "complained of "wired but tired""
        complains = re.match(r"^((?:(?:the\s+)?(?:client|pt|patient)\s+)?)(?:c/o|complains of)\s+",
                             text, flags=re.IGNORECASE)
        if complains:
            verb = "complained of " if text[complains.end():][:1] in '"“' else ""
            text = complains.group(1) + verb + text[complains.end():]
    # "clt (PTSD, firefighter) avoiding crowds": what it is, then the aside
    text = re.sub(r"^((?:(?:the\s+)?(?:client|clt|pt|patient)\s+)?)(\([^()]*[A-Za-z][^()]{0,80}\))"
                  r"\s+(\w[^()]*)$",
                  lambda m: f"{m.group(1)}{m.group(3).rstrip('.')} {m.group(2)}", text,
                  flags=re.IGNORECASE)
    if field == "presenting_concerns" and re.match(r"back\s+(?:to|at|in|on)\b", text, re.I):
        text = "being " + text[0].lower() + text[1:]  # "back to driving": "reported being back"
    hesitant = re.match(r"^([A-Za-z]+) but (?=[a-z]+ed\b)", text)
    if hesitant and field in TOLD_IN_PAST and sh.state_word(hesitant.group(1).lower()):
        text = "was " + text[0].lower() + text[1:]  # "hesitant but agreed to ...": the client was
    if field == "plan":  # "Next 3/11", "next indiv Mon": the next session (or group)
        text = _BARE_NEXT_RE.sub(lambda m: f"{m.group(1)} {m.group(2) or ''}" + (
            "group " if setting.service == "group" and not m.group(2) else "session "), text)
    if field == "risk":  # "SI/HI denied by both" -> "both denied SI/HI"
        text = re.sub(r"^(.{1,40}?)\s+denied\s+by\s+(both|each|all|either|both partners|"
                      r"client|pt|the client)\s*$", r"\2 denied \1", text, flags=re.IGNORECASE)
    if field == "mental_status":
        text = sn.mental_status_shorthand(_MSE_LABEL_RE.sub("", text, count=1) or text)
    return text
