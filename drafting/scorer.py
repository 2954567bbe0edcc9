"""How likely the model finds each of a few continuations of one text: the ranking primitive.

The text before the continuations (instructions, style examples, the note so far) stays in
llama.cpp's KV cache between calls, so each call evaluates only what changed since the last
one, then each continuation with logits for its own tokens, and rolls the cache back. Only
logits are read; nothing is generated. One Scorer belongs to the worker thread that owns the
model, like the Engine it comes from.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Any

import numpy as np

# Prompt tokens evaluated between two looks at the cancel event (~0.1 s on 2 cores).
CHUNK_TOKENS = 64


class Cancelled(Exception):
    """The user cancelled while the scorer was evaluating."""


class Scorer:
    def __init__(self, llm: Any) -> None:
        from llama_cpp import _internals  # start-up: llama.cpp loads with the model

        self._llm = llm
        self._ctx = llm._ctx
        self._n_vocab = llm.n_vocab()
        self._n_ctx: int = llm.n_ctx()
        self._batch = _internals.LlamaBatch(n_tokens=max(CHUNK_TOKENS, 256), embd=0,
                                            n_seq_max=1, verbose=False)
        self._capacity = max(CHUNK_TOKENS, 256)
        self._cached: list[int] = []  # the tokens whose keys and values are in the cache
        self._last_row: np.ndarray | None = None  # log-probabilities after the cache's end
        self.evaluated_tokens = 0  # for the benchmark: tokens run through the model
        self.scored_rows = 0
        # For the benchmark only: every cache operation, so the same work can be replayed
        # through bare llama.cpp calls and compared.
        self.record: list[tuple[str, list[int], int, bool, bool]] | None = None

    def tokenize(self, text: str) -> list[int]:
        tokens: list[int] = self._llm.tokenize(text.encode("utf-8"), add_bos=True,
                                               special=False)
        return tokens

    def fits(self, tokens: Sequence[int], extra: int) -> bool:
        return len(tokens) + extra < self._n_ctx - 8

    def reset(self) -> None:
        """Forget the cache (another user of the context, such as a free-writing model,
        changed it)."""
        self._ctx.kv_cache_clear()
        self._cached = []
        self._last_row = None

    def score(self, prefix: Sequence[int], continuations: Sequence[Sequence[int]],
              cancel: threading.Event | None = None) -> list[list[float]]:
        """Log-probability of each token of each continuation after ``prefix``."""
        self._extend(prefix, cancel)
        assert self._last_row is not None
        base = len(self._cached)
        results: list[list[float]] = []
        for continuation in continuations:
            if not continuation:
                results.append([])
                continue
            logprobs = [float(self._last_row[continuation[0]])]
            body = list(continuation[:-1])
            for start in range(0, len(body), self._capacity):
                part = body[start:start + self._capacity]
                self._decode(part, base + start, logits=True)
                for j in range(len(part)):
                    row = self._log_softmax(self._row(j))
                    logprobs.append(float(row[continuation[start + j + 1]]))
                self.scored_rows += len(part)
            self._remove_from(base)
            results.append(logprobs)
        return results

    # -- the cache ----------------------------------------------------------------------------
    def _extend(self, prefix: Sequence[int], cancel: threading.Event | None) -> None:
        """Make the cache hold exactly ``prefix`` and remember the next-token distribution."""
        common = 0
        for old, new in zip(self._cached, prefix, strict=False):
            if old != new:
                break
            common += 1
        if common == len(prefix) and common == len(self._cached) and self._last_row is not None:
            return
        common = min(common, len(prefix) - 1)  # re-evaluate the last token for its logits
        self._remove_from(common)
        self._cached = list(prefix[:common])
        rest = list(prefix[common:])
        self._last_row = None
        for start in range(0, len(rest), CHUNK_TOKENS):
            if cancel is not None and cancel.is_set():
                self._remove_from(len(self._cached))
                raise Cancelled
            part = rest[start:start + CHUNK_TOKENS]
            last = start + len(part) >= len(rest)
            self._decode(part, len(self._cached), logits=False, last_logits=last)
            self._cached += part
            if last:
                self._last_row = self._log_softmax(self._row(len(part) - 1))

    def _remove_from(self, position: int) -> None:
        self._ctx.kv_cache_seq_rm(0, position, -1)
        if self.record is not None:
            self.record.append(("rm", [], position, False, False))

    def _decode(self, tokens: Sequence[int], pos0: int, logits: bool,
                last_logits: bool = False) -> None:
        if self.record is not None:
            self.record.append(("decode", list(tokens), pos0, logits, last_logits))
        batch = self._batch.batch
        batch.n_tokens = len(tokens)
        for i, token in enumerate(tokens):
            batch.token[i] = token
            batch.pos[i] = pos0 + i
            batch.seq_id[i][0] = 0
            batch.n_seq_id[i] = 1
            batch.logits[i] = logits
        if last_logits and tokens:
            batch.logits[len(tokens) - 1] = True
        self._ctx.decode(self._batch)
        self.evaluated_tokens += len(tokens)

    def _row(self, index: int) -> np.ndarray:
        pointer = self._ctx.get_logits_ith(index)
        return np.ctypeslib.as_array(pointer, shape=(self._n_vocab,))

    @staticmethod
    def _log_softmax(row: np.ndarray) -> np.ndarray:
        top = float(row.max())
        return row - (top + float(np.log(np.exp(row - top).sum())))

    def close(self) -> None:
        self._batch.close()  # type: ignore[no-untyped-call]
