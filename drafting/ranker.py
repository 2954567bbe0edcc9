"""The model's part of a draft: at each choice of a planned sentence, the likeliest option.

For one choice, every option is rendered into the whole sentence (later choices at their
defaults) and scored as the continuation of the note so far. Only the tokens where the
candidates differ, plus a few of the words after them, are scored, normalised by their count,
with a small per-token bonus so an added article is not a cost in itself; the realizer's default
stands unless the model prefers another option by a margin. Choices are decided left to right,
each seeing the ones before it. Every option is faithful (sentence.py), so the ranking
changes how the note reads, never what it says.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from drafting.scorer import Cancelled, Scorer
from drafting.sentence import Sentence

LOOKAHEAD_TOKENS = 3
# Each candidate is scored by the log-probability of its differing tokens and the same few
# words after them, plus a small bonus per token (so an added "a" is not a cost in itself).
# The realizer's default stands unless the model prefers another option by a clear margin.
# Both were set on two sets of choices (docs/drafting.md): 169 labelled by reading (rules
# alone 88%, with the model 91%) and 109 articles whose answer the clinicians' reference notes
# give (rules 69%, with the model 85%).
TOKEN_BONUS = 1.5
MARGIN = 2.0


@dataclass
class RankStats:
    choices: int = 0  # choices in the draft's plan
    decided: int = 0  # choices the model ranked (two or more distinct sentences)
    changed: int = 0  # of those, how many the model decided against the rule's default
    candidates: int = 0  # candidate sentences scored

    def to_dict(self) -> dict[str, int]:
        return {"choices": self.choices, "decided_by_model": self.decided,
                "changed_from_default": self.changed, "candidates_scored": self.candidates}


class Ranker:
    def __init__(self, scorer: Scorer | None, deadline: float = float("inf"),
                 cancel: threading.Event | None = None) -> None:
        self.scorer = scorer
        self.deadline = deadline
        self.cancel = cancel
        self.stats = RankStats()
        self.cancelled = False
        self.first_score_at: float | None = None
        self.trace: list[tuple[list[str], list[list[float]]]] | None = None  # tuning only

    def usable(self) -> bool:
        if self.scorer is None or self.cancelled:
            return False
        if self.cancel is not None and self.cancel.is_set():
            self.cancelled = True
            return False
        return time.perf_counter() < self.deadline

    def realize(self, sentence: Sentence, before: str,
                allow: Callable[[int, int], bool] | None = None) -> str:
        """``sentence`` with its choices decided, as the continuation of ``before``.
        ``allow(choice_index, option)`` may rule options out (no pronoun twice in a row)."""
        choices = sentence.choices()
        picks = [c.default for c in choices]
        self.stats.choices += len(choices)
        for k, choice in enumerate(choices):
            options = [o for o in range(len(choice.options)) if allow is None or allow(k, o)]
            if not options:
                continue
            if picks[k] not in options:
                picks[k] = options[0]
            texts: dict[str, int] = {}
            for option in options:
                trial = picks[:k] + [option] + picks[k + 1:]
                texts.setdefault(sentence.render(trial), option)
            if len(texts) < 2 or not self.usable():
                continue
            try:
                best = self._best(before, list(texts), list(texts.values()).index(
                    picks[k]) if picks[k] in texts.values() else 0)
            except Cancelled:
                self.cancelled = True
                continue
            chosen = list(texts.values())[best]
            self.stats.decided += 1
            self.stats.candidates += len(texts)
            if chosen != choice.default:
                self.stats.changed += 1
            picks[k] = chosen
        return sentence.render(picks)

    def _best(self, before: str, candidates: list[str], default: int = 0) -> int:
        assert self.scorer is not None
        token_lists = [self.scorer.tokenize(before + c) for c in candidates]
        if not self.scorer.fits(token_lists[0], 64):
            raise Cancelled  # the note outgrew the context: defaults for the rest
        lcp = _common_prefix(token_lists)
        lcs = _common_suffix(token_lists, lcp)
        windows = []
        for tokens in token_lists:
            end = min(len(tokens), len(tokens) - lcs + LOOKAHEAD_TOKENS)
            windows.append(tokens[lcp:end])
        prefix = token_lists[0][:lcp]
        scores = self.scorer.score(prefix, windows, self.cancel)
        if self.first_score_at is None:
            self.first_score_at = time.perf_counter()
        values = [sum(s) + TOKEN_BONUS * len(s) if s else float("-inf") for s in scores]
        if self.trace is not None:
            self.trace.append((candidates, [list(x) for x in scores]))
        best = max(range(len(values)), key=lambda i: values[i])
        return best if values[best] - values[default] >= MARGIN else default


def _common_prefix(token_lists: list[list[int]]) -> int:
    shortest = min(len(t) for t in token_lists)
    n = 0
    while n < shortest - 1 and all(t[n] == token_lists[0][n] for t in token_lists):
        n += 1
    return max(1, n)


def _common_suffix(token_lists: list[list[int]], lcp: int) -> int:
    shortest = min(len(t) for t in token_lists)
    n = 0
    while (n < shortest - lcp - 1
           and all(t[-1 - n] == token_lists[0][-1 - n] for t in token_lists)):
        n += 1
    return n
