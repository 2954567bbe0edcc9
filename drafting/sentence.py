"""A sentence as the realizer plans it: fixed text and choices between faithful alternatives.

Every option of every choice keeps all of the therapist's content words; they differ only in
articles, a frame verb from a closed set, a connective, one sentence or two. Whichever option
is taken (by the model's ranking, or the realizer's default without a model) the sentence is
faithful, so the ranking can only make it read better.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from drafting.clause_types import Clause


@dataclass(frozen=True)
class Choice:
    options: tuple[str, ...]
    default: int = 0
    kind: str = "article"  # article, verb, connective, subject, copula: for the benchmark

    def __post_init__(self) -> None:
        if not self.options or not 0 <= self.default < len(self.options):
            raise ValueError("a choice needs options and a default among them")


Segment = str | Choice


def lit(*parts: Segment) -> list[Segment]:
    """A list of segments (typed as such, so that lists of them can be concatenated)."""
    return list(parts)


@dataclass
class Sentence:
    segments: list[Segment]
    clauses: list[Clause] = field(default_factory=list)  # the facts it says
    fixed: bool = False  # a sentence the pipeline says itself ("No risk assessment ...")

    def choices(self) -> list[Choice]:
        return [s for s in self.segments if isinstance(s, Choice)]

    def render(self, picks: Sequence[int] | None = None) -> str:
        """The sentence with ``picks`` (one per choice, in order), else every default."""
        out: list[str] = []
        index = 0
        for segment in self.segments:
            if isinstance(segment, Choice):
                pick = picks[index] if picks is not None else segment.default
                out.append(segment.options[pick])
                index += 1
            else:
                out.append(segment)
        return finish("".join(out))


_QUOTED_RE = re.compile(r'("[^"]*"|“[^”]*”)')


def finish(text: str) -> str:
    """Spaces, capital, and one final period (inside a closing quotation mark)."""
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s+([,;:.)])", r"\1", text)
    text = re.sub(r"([(])\s+", r"\1", text)
    text = re.sub(r"(?<!\.)\.\s*\.(?!\.)", ".", text)  # a doubled stop, not an ellipsis
    # 'mood "empty.", affect', 'mood "empty." and': the stop of a quoted sentence goes mid-way
    text = re.sub(r"(?<!\.)\.([\"”])(?=,|\s+(?:and|but|then)\b)", r"\1", text)
    # A sentence joined or split by a choice: a capital after its own full stop.
    text = "".join(part if i % 2 else re.sub(  # never inside the client's quoted words
        r"(?<!\b[a-z]\.[a-z])(?<!\b(?:Dr|Mr|Ms|St))(?<!\bMrs)(?<!\bincl)(?<!\bapprox)"
        r"(?<!\b[A-Z])"  # an initial: "member R. said", "D. acknowledged"
        r"(?<!\.\.)([.!?] )([a-z])",
        lambda m: m.group(1) + m.group(2).upper(), part)
        for i, part in enumerate(_QUOTED_RE.split(text)))
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    text = text.rstrip(" ,;:")
    if text.endswith(("\"", "”")) and len(text) > 1 and text[-2] not in ".!?":
        return text[:-1] + "." + text[-1]
    if text.endswith(("\"", "”")):
        return text
    return text if text.endswith((".", "!", "?")) else text + "."


def capitalize_next(segments: list[Segment]) -> None:
    """Capitalise the first letter of a sentence that starts with a fixed segment."""
    for i, segment in enumerate(segments):
        if isinstance(segment, str) and segment.strip():
            stripped = segment.lstrip()
            segments[i] = segment[: len(segment) - len(stripped)] + stripped[0].upper() \
                + stripped[1:]
            return
        if isinstance(segment, Choice):
            return
