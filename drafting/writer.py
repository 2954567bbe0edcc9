"""A larger model writing a section in its own words, kept only where it is provably faithful.

Used only with an instruct model the therapist chose (one with a chat template); the default
model ranks and never writes. The prompt lists the section's facts (the planned sentences,
which already say each fact once) and asks for the section as clinical prose. The answer is
split into sentences and checked as a whole against the section's facts: every sentence
grounded, every fact covered, negations, numbers and risk terms intact. Anything less and the
ranked sentences stand.
"""

from __future__ import annotations

import threading
import time
from typing import TYPE_CHECKING

from drafting import lexicon as lx
from drafting.sentence import Sentence
from drafting.style import StyleProfile
from drafting.verifier import check_coverage, check_form, sentences, source_words, word_allowed

if TYPE_CHECKING:
    from drafting.engine import Engine

INSTRUCTION = (
    "Rewrite these draft sentences of one section of a therapy progress note as the "
    "clinician would write it: concise, professional, third person, past tense for the "
    "session. Keep every fact, word for word where you can; add nothing that is not in the "
    "draft; do not change who did or said what; keep every number and every 'not', 'no' or "
    "'denied'. Answer with the section text only."
)


class FreeWriter:
    def __init__(self, engine: Engine | None, token_budget: int,
                 cancel: threading.Event | None) -> None:
        self.engine = engine
        self.token_budget = token_budget
        self.cancel = cancel
        self.tokens = 0
        self.kept = 0  # sections whose free text was kept
        self.first_token_at: float | None = None
        self.enabled = bool(engine is not None and engine.chat_template and token_budget > 0)

    def section(self, heading: str, planned: list[Sentence], session_words: str,
                style: StyleProfile) -> list[str] | None:
        """The model's text for the section as sentences, or None to use the ranked ones."""
        if not self.enabled or self.engine is None or not any(s.clauses for s in planned):
            return None
        if self.cancel is not None and self.cancel.is_set():
            return None
        draft = " ".join(s.render() for s in planned)
        prompt = self.engine.chat_prompt(INSTRUCTION, f"Section: {heading}\nDraft: {draft}")
        if prompt is None:
            self.enabled = False
            return None

        def on_text(_: str) -> None:
            if self.first_token_at is None:
                self.first_token_at = time.perf_counter()

        result = self.engine.stream(prompt, min(self.token_budget, len(draft) // 2 + 48),
                                    ("\n\n",), self.cancel, on_text)
        self.tokens += result.tokens
        if result.cancelled or not result.text.strip():
            return None
        written = sentences(" ".join(result.text.split()))
        if faithful_section(written, planned, session_words):
            self.kept += 1
            return written
        return None


def faithful_section(written: list[str], planned: list[Sentence], session_words: str) -> bool:
    """Is a freely written section as faithful as the planned one? Every sentence grounded in
    the section's facts (and the session line's details), every fact covered, the negations,
    numbers and risk terms of the whole section the same."""
    clauses = [c for s in planned for c in s.clauses]
    typed = " ".join(c.text for c in clauses)
    if not written or any(check_form(s, typed) for s in written):
        return False
    allowed = source_words(clauses, session_words if any(s.fixed for s in planned) else "")
    planned_text = " ".join(s.render() for s in planned)
    text = " ".join(written)
    extra_numbers = lx.numbers(session_words)
    for sentence in written:
        for word in lx.words(sentence):
            if not word_allowed(word, allowed, extra_numbers):
                return False
    if lx.numbers(text) != lx.numbers(planned_text):
        return False
    if lx.negation_groups(text) != lx.negation_groups(planned_text):
        return False
    if lx.mentions_risk(text) != lx.mentions_risk(planned_text):
        return False
    if "will" in lx.words(text) and "will" not in lx.words(planned_text):
        return False
    return all(check_coverage(text, c).ok for c in clauses) and \
        _same_people(written, planned_text)


def _same_people(written: list[str], planned_text: str) -> bool:
    """Attribution: the people named as subjects are the planned ones (a partner's words stay
    the partner's; nothing the clinician observed becomes something the client reported)."""
    planned = set(lx.words(planned_text))
    reporting = {"reported", "stated", "said", "described", "endorsed", "denied"}
    for sentence in written:
        ws = lx.words(sentence)
        if any(w in reporting and w not in planned for w in ws):
            return False
        people = {w for w in ws[:3] if w in lx.PERSON_NOUNS or w in lx.RELATION_NOUNS}
        if not people <= planned:
            return False
    return True
