"""The therapist's own way of writing, read from their signed notes.

How they name the client ("Client", "The client", "Pt") and themselves ("Clinician",
"Therapist", "This writer"), whether they use the client's pronouns, how they write dates, how
long their sentences run, and whether they write paragraphs or lists. The profile shapes the
wording only: no word of a signed note ever reaches a draft (the realizer writes only the
session's facts and the closed vocabulary), and the notes serve as ranking context too.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

_CLIENT_FORMS = ("The client", "Client", "The patient", "Patient", "Pt")
_CLINICIAN_FORMS = ("This writer", "The therapist", "Therapist", "The clinician", "Clinician",
                    "Writer", "Counselor")
_DATE_PATTERNS = (
    ("long", re.compile(r"\b(?:January|February|March|April|May|June|July|August|September|"
                        r"October|November|December) \d{1,2}, \d{4}\b")),
    ("numeric", re.compile(r"\b\d{2}/\d{2}/\d{4}\b")),
    ("short", re.compile(r"\b\d{1,2}/\d{1,2}/\d{2}\b")),
    ("iso", re.compile(r"\b\d{4}-\d{2}-\d{2}\b")),
)
_SENTENCE_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


@dataclass(frozen=True)
class StyleProfile:
    client: str = "Client"
    clinician: str = "Clinician"
    pronouns: bool = True  # "She reported ..." after "Client ..."
    they_subject: bool = False  # the therapist starts sentences with "They" for one client
    date_style: str = "long"
    max_predicates: int = 3  # facts aggregated into one sentence
    max_words: int = 26  # words of one aggregated sentence
    bullets: bool = False  # each sentence on its own "- " line

    @property
    def describe(self) -> str:
        layout = "lists" if self.bullets else "paragraphs"
        return (f"{self.client} / {self.clinician}, {self.date_style} dates, up to "
                f"{self.max_predicates} facts a sentence, {layout}")


def profile_from_notes(notes: Sequence[str]) -> StyleProfile:
    """The style of ``notes`` (the therapist's signed notes, newest first); the default
    profile when there are none or they show no habit."""
    texts = [n for n in notes if n and n.strip()]
    if not texts:
        return StyleProfile()
    body = "\n".join(texts)
    sentences = [s.strip("-• \t") for t in texts for line in t.splitlines()
                 for s in _SENTENCE_RE.split(line.strip()) if len(s.split()) >= 3]
    starts = Counter[str]()
    for sentence in sentences:
        for form in _CLIENT_FORMS + _CLINICIAN_FORMS:
            if sentence.startswith(form + " "):
                starts[form] += 1
                break
    client = _most(starts, _CLIENT_FORMS, "Client")
    clinician = _most(starts, _CLINICIAN_FORMS, "Clinician")
    pronoun_starts = sum(1 for s in sentences if re.match(r"(?:She|He|They)\b", s))
    they_starts = sum(1 for s in sentences if re.match(r"They\b", s))
    dates = Counter({name: len(p.findall(body)) for name, p in _DATE_PATTERNS})
    date_style = dates.most_common(1)[0][0] if dates and dates.most_common(1)[0][1] else "long"
    lengths = [len(s.split()) for s in sentences] or [14]
    mean = sum(lengths) / len(lengths)
    lines = [line.strip() for t in texts for line in t.splitlines() if line.strip()]
    bullets = sum(1 for line in lines if re.match(r"[-•*]\s", line)) >= max(2, len(lines) // 3)
    return StyleProfile(
        client=client, clinician=clinician,
        pronouns=pronoun_starts > 0 or len(sentences) < 4,
        they_subject=they_starts > 0,
        date_style=date_style,
        max_predicates=1 if mean < 9 else 2 if mean < 14 else 3,
        max_words=max(10, min(34, int(mean * 1.8))),
        bullets=bullets)


def _most(counts: Counter[str], forms: Sequence[str], default: str) -> str:
    found = [(counts[f], f) for f in forms if counts[f]]
    return max(found)[1] if found else default
