"""Cut the therapist's shorthand into atomic facts: one clause of meaning each.

Facts end at semicolons, line breaks, bullets, inline numbered lists ("1) ... 2) ...") and
sentence ends (also after a closing quote); "Dr. Lee" and "e.g." do not end a sentence.
"""

from __future__ import annotations

import re

from drafting import shapes as sh

_SPLIT_RE = re.compile(r"[;\n\r]+|(?<=[A-Za-z0-9)%\"”'’][.!?])\s+(?=[A-Za-z\"“'‘~\d])"
                       r"|(?<=\.[\"”])\s+(?=[A-Za-z])"
                       # 'interweave "what would you tell a friend?" moved it': one fact
                       r"|(?<=[!?][\"”])\s+(?=[A-Z])"
                       r"|(?<=[.!?]['’])\s+(?=[A-Za-z])")  # "... seen it.' still holds ..."
# "1) reviewed homework 2) taught grounding" or "1. Reduce ... 2. Improve ...": one list.
_INLINE_LIST_RE = re.compile(r"^\s*\(?1[.)]\s")
_INLINE_ITEM_RE = re.compile(r"(?:^\s*|\s+)\(?\d{1,2}[.)]\s+(?=[A-Za-z])")
# "1." "2)" "(3)": a numbered item; never "(14) school refusal", where the number is an age
_BULLET_RE = re.compile(r"^\s*(?:[-*•·–]+|[0-9]{1,2}[.)]\s|\([1-9]\)\s)\s*")
# A period after these does not end a sentence ("Dr. Lee", "e.g. walks").
_ABBREVIATIONS = frozenset({"dr", "mr", "mrs", "ms", "mx", "st", "vs", "e.g", "i.e", "approx",
                            "jr", "sr", "prof", "mt", "dept", "a.m", "p.m", "etc", "ofc", "det",
                            "sgt", "lt", "capt", "rev", "appt", "incl", "esp", "ch", "pg", "pp",
                            "vol", "sec", "no"})


def split_facts(text: str) -> list[str]:
    """Split shorthand into atomic facts at semicolons, line breaks and sentence ends."""
    facts = []
    if _INLINE_LIST_RE.match(text):
        text = _INLINE_ITEM_RE.sub("\n", text)
    # an abbreviation's period ("Dr.", "member R.") ends no sentence, but a semicolon or a
    # line break after it still ends the fact
    sentences = [part for chunk in re.split(r"[;\n\r]+|\s\|\s", text)  # '2. "be present"' is a
                 for part in _rejoin_abbreviations(  # numbered item, not a sentence "2."
                     _SPLIT_RE.split(_BULLET_RE.sub("", chunk, count=1)))]
    for part in _rejoin_quotes(_rejoin_brackets(sentences)):
        part = _BULLET_RE.sub("", part).strip().strip(" ,;:").strip()
        if not re.search(r"\b(?:a\.m|p\.m|etc|[A-Z])\.$", part):  # "9 a.m." keeps its period
            part = part.rstrip(".!?").strip()
        part = re.sub(r"\s+", " ", part)
        if part and any(ch.isalnum() for ch in part):
            facts.append(part)
    return facts


def _rejoin_brackets(parts: list[str]) -> list[str]:
    """A sentence end inside brackets ("(incl. mom's sertraline)") ends no fact."""
    joined: list[str] = []
    for part in parts:
        if joined and joined[-1].count("(") > joined[-1].count(")"):
            joined[-1] = f"{joined[-1]} {part}"
        else:
            joined.append(part)
    return joined


def _rejoin_quotes(parts: list[str]) -> list[str]:
    """A sentence end inside the client's quoted words ("This is my schema. I don't have to
    text.") ends no fact: the quotation is one, said as typed."""
    joined: list[str] = []
    for part in parts:
        last = joined[-1] if joined else ""
        if last and (last.count('"') % 2 == 1 or last.count("“") > last.count("”")):
            joined[-1] = f"{last} {part}"
        else:
            joined.append(part)
    return joined


def _rejoin_abbreviations(parts: list[str]) -> list[str]:
    joined: list[str] = []
    for part in parts:
        if joined and _ends_with_abbreviation(joined[-1]):
            joined[-1] = f"{joined[-1]} {part}"
        else:
            joined.append(part)
    return joined


def _ends_with_abbreviation(part: str) -> bool:
    if re.search(r"(?:^|\s)[A-Z]\.$", part.strip()):
        return True  # an initial: "group member R. said ..."
    match = re.search(r"([A-Za-z.]+)\.$", part.strip())
    return match is not None and match.group(1).lower() in _ABBREVIATIONS


def split_items(text: str) -> list[str]:
    """Cut a list written with commas and "and" into its items ("anxious, hypervigilant,
    speech pressured at times" -> three), leaving commas inside quotes and parentheses."""
    items: list[str] = []
    current: list[str] = []
    depth, quoted = 0, False
    for ch in text:
        if ch in "(":
            depth += 1
        elif ch in ")":
            depth = max(0, depth - 1)
        elif ch in "\"“”":
            quoted = not quoted
        if ch == "," and depth == 0 and not quoted:
            items.append("".join(current))
            current = []
        else:
            current.append(ch)
    items.append("".join(current))
    return _keep_negated_lists([i.strip() for i in items if i.strip()])


# "no shakes, sweats, seeing/hearing things": the list after a negation is all denied. Cut
# into items, "sweats" and "seeing/hearing things" would read as present.
_NEGATION_RE = re.compile(r"(?:^|[\s:(-])(?:no|denies|denied|denying|without|negative for|"
                          r"not|nor|never|none)\s+\S", re.IGNORECASE)
_OWN_NEGATION_RE = re.compile(r"^(?:no|denies|denied|not|without|never|none)\b", re.IGNORECASE)


def _keep_negated_lists(items: list[str]) -> list[str]:
    kept: list[str] = []
    listing = False  # the last item is a short "no X" list
    for item in items:
        if listing and _bare_noun_item(item):
            kept[-1] = f"{kept[-1]}, {item}"
            continue
        kept.append(item)
        negations = list(_NEGATION_RE.finditer(item))  # the last one heads the list
        listing = bool(negations) and '"' not in item and \
            len(item[negations[-1].end() - 1:].split()) <= 3
    return kept


def _bare_noun_item(item: str) -> bool:
    """"sweats", "seeing/hearing things": a thing that can be denied, not "appeared sober",
    "grounded quickly" or "thoughts ego-dystonic", which say something of their own."""
    words = item.split()
    if len(words) > 1 and not words[0].lower().split("/")[0].endswith("ing"):
        return False  # "thoughts ego-dystonic": a subject and what it was
    return 0 < len(words) <= 3 and not _OWN_NEGATION_RE.match(item) and '"' not in item and \
        not any(w.lower().endswith("ed") for w in words) and not sh.is_state(item) and \
        not sh.verb_first(item)
