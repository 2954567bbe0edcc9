"""The one llama.cpp model of a draft: load once, stream a bounded completion, cancel quickly.

One ``Engine`` belongs to one worker thread (a llama.cpp context is not thread-safe). Prompt
evaluation cannot be interrupted, so callers keep prompts short; generation checks the cancel
event after every token and leaves by closing the stream, after which the next call works.
"""

from __future__ import annotations

import ctypes
import os
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from drafting.scorer import Scorer
from models.errors import ModelError

GGUF_MAGIC = b"GGUF"
# Prompt tokens evaluated between two looks at the cancel event (~0.1 s on 2 cores).
PREFILL_CHUNK_TOKENS = 32


@dataclass
class Completion:
    text: str
    tokens: int
    first_token_s: float | None  # from the call to the first token
    cancelled: bool


def _stop_at(text: str, stop: Sequence[str]) -> str | None:
    """The text before the first stop string, or None if there is none yet."""
    cuts = [text.index(s) for s in stop if s and s in text]
    return text[: min(cuts)] if cuts else None


def default_threads(n_threads: int = 0) -> int:
    # llama.cpp's own default is half the cores, measurably slower here (23 vs 34 tok/s).
    return n_threads if n_threads > 0 else max(1, os.cpu_count() or 1)


def check_gguf_file(path: Path) -> None:
    """ModelError with a plain sentence unless ``path`` looks like a GGUF model file."""
    try:
        with path.open("rb") as handle:
            magic = handle.read(4)
    except FileNotFoundError:
        raise ModelError(f"The model file {path} does not exist.") from None
    except IsADirectoryError:
        raise ModelError(f"The model path {path} is a folder, not a GGUF file.") from None
    except OSError:
        raise ModelError(f"The model file {path} cannot be read.") from None
    if magic != GGUF_MAGIC:
        raise ModelError(f"The file {path.name} is not a GGUF language model.")


_silent_logger: Any = None


def _silence_llama_logs() -> None:
    """Drop llama.cpp's own log lines: stderr belongs to the CLI's one-line messages.

    (llama-cpp-python forwards some load-time warnings even with verbose=False.) The ctypes
    callback is kept in a module global: llama.cpp holds only a raw pointer to it.
    """
    global _silent_logger
    if _silent_logger is not None:
        return
    import llama_cpp  # start-up: the llama.cpp library loads on the first draft, not at launch

    @llama_cpp.llama_log_callback  # type: ignore[untyped-decorator]
    def _drop(level: int, text: bytes, user_data: ctypes.c_void_p) -> None:
        return None

    _silent_logger = _drop
    llama_cpp.llama_log_set(_drop, ctypes.c_void_p(0))


class Engine:
    def __init__(self, path: Path, n_threads: int = 0, n_ctx: int = 2048) -> None:
        check_gguf_file(path)
        try:
            from llama_cpp import Llama  # start-up: loaded with the model, not at launch
        except ImportError:
            raise ModelError("The on-device model runtime (llama-cpp-python) is not "
                             "installed.") from None
        _silence_llama_logs()
        self.path = path
        self.n_threads = default_threads(n_threads)
        started = time.perf_counter()
        try:
            self._llm: Any = Llama(model_path=str(path), n_ctx=n_ctx, n_threads=self.n_threads,
                                   n_threads_batch=self.n_threads, verbose=False)
        except Exception:  # llama.cpp reports a bad file in several ways; all mean the same
            raise ModelError(f"The model file {path.name} is damaged or not a model this app "
                             "can run.") from None
        self.load_s = time.perf_counter() - started
        self._scorer: Scorer | None = None

    def stream(self, prompt: str, max_tokens: int, stop: Sequence[str] = (),
               cancel: threading.Event | None = None,
               on_text: Callable[[str], None] | None = None) -> Completion:
        """Greedy completion of ``prompt``; ``on_text`` gets the text so far after each token.

        Drives ``Llama.generate`` token by token (rather than ``create_completion``) so the
        cancel event is checked after every token even while a multi-byte character is still
        incomplete, and the text is decoded once per token, not re-scanned.
        """
        started = time.perf_counter()
        if cancel is not None and cancel.is_set():
            return Completion("", 0, None, True)
        if self._scorer is not None:
            self._scorer.reset()  # generation manages the cache its own way
        llm = self._llm
        prompt_tokens = llm.tokenize(prompt.encode("utf-8"), add_bos=True, special=False)
        max_tokens = min(max_tokens, llm.n_ctx() - len(prompt_tokens) - 1)
        if max_tokens <= 0:
            return Completion("", 0, None, False)
        if not self._prefill(prompt_tokens, cancel):
            return Completion("", 0, None, True)
        first: float | None = None
        generated: list[int] = []
        text = ""
        cancelled = False
        tokens = llm.generate(prompt_tokens, top_k=1, top_p=1.0, min_p=0.0, temp=0.0,
                              repeat_penalty=1.0)
        try:
            for token in tokens:
                if self._is_end(token):
                    break
                generated.append(token)
                if first is None:
                    first = time.perf_counter() - started
                text = llm.detokenize(generated).decode("utf-8", errors="ignore")
                cut = _stop_at(text, stop)
                if cut is not None:
                    text = cut
                    break
                if on_text is not None:
                    on_text(text)
                if cancel is not None and cancel.is_set():
                    cancelled = True
                    break
                if len(generated) >= max_tokens:
                    break
        finally:
            tokens.close()
        return Completion(text, len(generated), first, cancelled)

    def _prefill(self, prompt_tokens: list[int], cancel: threading.Event | None) -> bool:
        """Evaluate all but the last prompt token in small chunks, checking ``cancel`` between
        them; False if cancelled. One llama.cpp evaluation cannot be interrupted, so the chunk
        bounds how long a cancel waits. ``generate`` then finds these tokens in the KV cache
        (its prefix match) and evaluates only the last one before sampling."""
        if cancel is None:
            return True
        llm = self._llm
        cached = 0
        for old, new in zip(llm.input_ids[: llm.n_tokens], prompt_tokens, strict=False):
            if old != new:
                break
            cached += 1
        cached = min(cached, len(prompt_tokens) - 1)
        if cached < llm.n_tokens:
            if not llm._ctx.kv_cache_seq_rm(-1, cached, -1):
                return not cancel.is_set()  # no partial cache removal: generate() does it all
            llm.n_tokens = cached
        for start in range(cached, len(prompt_tokens) - 1, PREFILL_CHUNK_TOKENS):
            if cancel.is_set():
                return False
            llm.eval(prompt_tokens[start:min(start + PREFILL_CHUNK_TOKENS, len(prompt_tokens) - 1)])
        return not cancel.is_set()

    def scorer(self) -> Scorer:
        """The ranking primitive over this model (one per engine, same thread)."""
        if self._scorer is None:
            self._scorer = Scorer(self._llm)
        return self._scorer

    @property
    def chat_template(self) -> str:
        """The model's chat template, "" for a base model such as the default one."""
        metadata = getattr(self._llm, "metadata", None) or {}
        return str(metadata.get("tokenizer.chat_template", ""))

    def chat_prompt(self, system: str, user: str) -> str | None:
        """``system`` and ``user`` in the model's own chat template; None if it has none or
        the template cannot be applied."""
        template = self.chat_template
        if not template:
            return None
        # start-up: only a chosen instruct model needs the chat formatter
        from llama_cpp.llama_chat_format import Jinja2ChatFormatter

        llm = self._llm
        try:
            eos = llm.detokenize([llm.token_eos()]).decode("utf-8", errors="ignore")
            bos = llm.detokenize([llm.token_bos()]).decode("utf-8", errors="ignore")
            formatter = Jinja2ChatFormatter(template=template, eos_token=eos, bos_token=bos)
            result = formatter(messages=[{"role": "system", "content": system},
                                         {"role": "user", "content": user}])
        except Exception:  # a template llama-cpp-python cannot render: the model only ranks
            return None
        prompt: str = result.prompt
        return prompt[len(bos):] if bos and prompt.startswith(bos) else prompt

    def _is_end(self, token: int) -> bool:
        import llama_cpp  # start-up: loaded once the model is

        model = getattr(self._llm, "_model", None)
        vocab = getattr(model, "vocab", None)
        is_eog = getattr(llama_cpp, "llama_vocab_is_eog", None) or getattr(
            llama_cpp, "llama_token_is_eog", None)
        if vocab is not None and is_eog is not None:
            return bool(is_eog(vocab, token))
        return bool(token == self._llm.token_eos())

    def close(self) -> None:
        if self._scorer is not None:
            self._scorer.close()
            self._scorer = None
        llm, self._llm = self._llm, None
        if llm is not None:
            llm.close()
