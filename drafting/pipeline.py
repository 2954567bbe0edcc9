"""Session facts -> draft note: render every fact, let the model rephrase, keep what is faithful.

For each section of the chosen format, every fact has a deterministic sentence (render.py). The
model is asked to rephrase one sentence at a time with a short prompt whose constant part is
cached; the verifier accepts the rewrite only if it is grounded in the fact and keeps all of
it, otherwise the deterministic sentence stands and a flag says so. Risk and mental status are
never given to the model. Without a usable model the whole draft is deterministic.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from drafting import prompt as prompts
from drafting.engine import Engine
from drafting.formats import headings, is_optional, section_fields
from drafting.render import EMPTY_SECTION, Fact, plan_sections
from drafting.types import Draft, DraftProgress, Flag, FlagKind, ModelInfo, Timings
from drafting.verifier import check_sentence
from models.errors import ModelError
from models.note import PROMPT_LABELS, NoteSection
from models.session_facts import SessionFacts

MAX_FIELD_CHARS = 4000
# Tokens the model may write for one draft (about 5 s at 60 tokens/s on 2 cores), and seconds
# it may spend (a busy laptop is slower); facts past either budget keep their deterministic
# sentence, which is faithful anyway, so a long session still drafts in well under 8 s.
DEFAULT_TOKEN_BUDGET = 280
DEFAULT_TIME_BUDGET_S = 6.0

ProgressCallback = Callable[[DraftProgress], None]


def truncate_fields(facts: SessionFacts, limit: int = MAX_FIELD_CHARS,
                    ) -> tuple[SessionFacts, list[Flag]]:
    """Cut absurdly long answers (at a word boundary) so prompts stay short; flag each cut."""
    flags: list[Flag] = []
    prompts_in = dict(facts.prompts)
    for name, text in facts.prompts.items():
        if text and len(text) > limit:
            cut = text[:limit]
            cut = cut[: cut.rfind(" ")] if " " in cut[limit // 2:] else cut
            prompts_in[name] = cut
            label = PROMPT_LABELS.get(name, name)
            flags.append(Flag(FlagKind.FIELD_TRUNCATED, _heading_of(facts, name),
                              f"The answer to {label} was very long; only its first "
                              f"{limit:,} characters were used.", label))
    return replace(facts, prompts=prompts_in), flags


def _heading_of(facts: SessionFacts, field_name: str) -> str | None:
    for heading, fields in section_fields(facts.format).items():
        if field_name in fields:
            return heading
    return None


def input_flags(facts: SessionFacts) -> list[Flag]:
    """Flags about what the therapist left out: empty fields and risk not assessed."""
    flags: list[Flag] = []
    for heading, fields in section_fields(facts.format).items():
        for name in fields:
            if name not in PROMPT_LABELS:
                continue
            text = facts.prompt(name)
            label = PROMPT_LABELS[name]
            if name == "risk":
                if not text:
                    flags.append(Flag(FlagKind.RISK_NOT_ASSESSED, heading,
                                      "No risk assessment was recorded for this session.", ""))
                elif "not assessed" in text.lower() or "not evaluated" in text.lower():
                    flags.append(Flag(FlagKind.RISK_NOT_ASSESSED, heading,
                                      "Risk was not assessed this session.", text))
            elif not text and not is_optional(facts.format, name):
                flags.append(Flag(FlagKind.EMPTY_FIELD, heading,
                                  f"Nothing was entered for {label}.", label))
    return flags


class DraftPipeline:
    """One model, loaded lazily on the worker thread that drafts; see the DRAFTING CONTRACT."""

    def __init__(self, model_path: Path | None = None, n_threads: int = 0, n_ctx: int = 2048,
                 token_budget: int = DEFAULT_TOKEN_BUDGET,
                 time_budget_s: float = DEFAULT_TIME_BUDGET_S) -> None:
        self.model_path = model_path
        self.n_threads = n_threads
        self.n_ctx = n_ctx
        self.token_budget = token_budget
        self.time_budget_s = time_budget_s
        self._engine: Engine | None = None
        self._load_error: ModelError | None = None
        self._load_s = 0.0
        self._tried = False
        self._info: ModelInfo | None = None
        self._known_sha: str | None = None

    # -- the model ---------------------------------------------------------------------------
    def _resolve_path(self) -> Path:
        if self.model_path is not None:
            return Path(self.model_path)
        from drafting.default_model import DEFAULT_MODEL_SHA256, ensure_default_model

        self._known_sha = DEFAULT_MODEL_SHA256
        return ensure_default_model()

    def _ensure_engine(self) -> Engine | None:
        if not self._tried:
            self._tried = True
            started = time.perf_counter()
            try:
                self._engine = Engine(self._resolve_path(), self.n_threads, self.n_ctx)
            except ModelError as exc:
                self._load_error = exc
            except OSError as exc:  # the models folder itself cannot be read
                self._load_error = ModelError(
                    f"The model cannot be read ({exc.strerror or 'input/output error'}).")
            self._load_s = time.perf_counter() - started
        return self._engine

    def load(self) -> None:
        """Load the model now (otherwise the first draft does); ModelError if it cannot be."""
        self._ensure_engine()
        if self._load_error is not None:
            raise self._load_error

    def model_info(self) -> ModelInfo | None:
        engine = self._engine
        if engine is None:
            return None
        if self._info is None:
            path = engine.path
            from drafting.default_model import sha256_of, verified_sha256

            sha = self._known_sha or verified_sha256(path) or sha256_of(path)
            self._info = ModelInfo(name=path.stem, path=path, size_bytes=path.stat().st_size,
                                   sha256=sha)
        return self._info

    def close(self) -> None:
        if self._engine is not None:
            self._engine.close()
        self._engine = None
        self._tried = False

    # -- drafting ------------------------------------------------------------------------------
    def draft(self, facts: SessionFacts, style_examples: Sequence[str] = (),
              on_progress: ProgressCallback | None = None,
              cancel: threading.Event | None = None) -> Draft:
        started = time.perf_counter()
        engine = self._ensure_engine()
        no_model_reason = None
        if engine is None:
            no_model_reason = str(self._load_error) if self._load_error else "No model was given."
        draft = _compose(facts, engine, no_model_reason, style_examples, on_progress, cancel,
                         self.token_budget, self.time_budget_s, started)
        draft.timings.load_s = self._load_s if engine else 0.0
        draft.model = self.model_info()
        return draft


def deterministic_draft(facts: SessionFacts) -> Draft:
    """The draft in the therapist's own words without any model: for a client who has not
    consented to AI-assisted documentation. No model is loaded and no "no_model" flag is added."""
    return _compose(facts, None, None, (), None, None, 0, 0.0, time.perf_counter())


def _compose(facts: SessionFacts, engine: Engine | None, no_model_reason: str | None,
             style_examples: Sequence[str], on_progress: ProgressCallback | None,
             cancel: threading.Event | None, token_budget: int, time_budget_s: float,
             started: float) -> Draft:
    """Render every fact, let ``engine`` (if any) rephrase within the budgets, verify."""
    facts, flags = truncate_fields(facts)
    flags += input_flags(facts)
    plan = plan_sections(facts)
    ready = time.perf_counter()  # first_token_s counts from here: load_s is reported apart
    if no_model_reason is not None:
        flags.append(Flag(FlagKind.NO_MODEL, None, "No language model could be used, so the "
                          "draft is written in the therapist's own words.", no_model_reason))
    run = _Run(engine, prompts.prefix(style_examples), token_budget, ready + time_budget_s,
               cancel, on_progress, len(plan))
    sections = []
    for index, heading in enumerate(headings(facts.format)):
        text = run.section(heading, plan.get(heading, []), index)
        sections.append(NoteSection(heading=heading, text=text or EMPTY_SECTION))
    flags += run.flags
    if run.cancelled:
        flags.append(Flag(FlagKind.CANCELLED, None, "Drafting was cancelled; the rest of the "
                          "note is in the therapist's own words."))
    timings = Timings(load_s=0.0,
                      first_token_s=None if run.first_token_at is None
                      else run.first_token_at - ready,
                      total_s=time.perf_counter() - started, generated_tokens=run.tokens)
    return Draft(format=facts.format, sections=sections, flags=flags, model=None,
                 timings=timings, cancelled=run.cancelled)


class _Run:
    """The state of one draft: budget, timings, flags, progress reporting."""

    def __init__(self, engine: Engine | None, prefix: str, budget: int, deadline: float,
                 cancel: threading.Event | None, on_progress: ProgressCallback | None,
                 sections_total: int) -> None:
        self.engine = engine
        self.prefix = prefix
        self.budget = budget
        self.deadline = deadline
        self.cancel = cancel
        self.on_progress = on_progress
        self.sections_total = sections_total
        self.tokens = 0
        self.first_token_at: float | None = None
        self.flags: list[Flag] = []
        self.cancelled = False

    def _report(self, heading: str, text: str, done: int) -> None:
        if self.on_progress is not None:
            self.on_progress(DraftProgress(heading, text, done, self.sections_total))

    def section(self, heading: str, facts: list[Fact], index: int) -> str:
        written: list[str] = []
        self._report(heading, "", index)
        for fact in facts:
            written.append(self._sentence(heading, fact, written, index))
            self._report(heading, " ".join(written), index)
        self._report(heading, " ".join(written), index + 1)
        return " ".join(written)

    def _sentence(self, heading: str, fact: Fact, written: list[str], index: int) -> str:
        if self.cancel is not None and self.cancel.is_set():
            self.cancelled = True
        limit = prompts.max_tokens_for(fact.sentence)
        if (self.engine is None or not fact.rephrase or self.cancelled
                or self.tokens + limit > self.budget or time.perf_counter() > self.deadline):
            return fact.sentence
        so_far = " ".join(written)

        def on_text(partial: str) -> None:
            if self.first_token_at is None:
                self.first_token_at = time.perf_counter()
            self._report(heading, f"{so_far} {partial.strip()}".strip(), index)

        stop = _StopAt(self.deadline, self.cancel)
        try:
            result = self.engine.stream(prompts.rephrase_prompt(self.prefix, fact.sentence),
                                        limit, prompts.STOP, stop, on_text)
        except (RuntimeError, ValueError, OSError) as exc:
            # llama.cpp failed mid-draft (out of memory, a decode error): finish without it.
            self.engine = None
            self.flags.append(Flag(FlagKind.NO_MODEL, heading, "The model stopped working during "
                                   "drafting, so the rest is in the therapist's own words.",
                                   type(exc).__name__))
            return fact.sentence
        self.tokens += result.tokens
        if result.cancelled:
            # The user's cancel, or the draft's time budget ran out mid-sentence (a busy
            # machine): either way this fact keeps its deterministic sentence.
            self.cancelled = self.cancel is not None and self.cancel.is_set()
            return fact.sentence
        if not result.text.strip():
            return fact.sentence  # the model had nothing to offer; nothing to flag
        verdict = check_sentence(result.text.strip(), fact)
        if verdict.ok:
            return result.text.strip()
        if verdict.kind == "reworded":
            return fact.sentence  # faithful but reworded: the therapist's words, no flag
        message = ("The model's wording left part of this fact out, so the therapist's own "
                   "words were used." if verdict.kind == "lost_fact" else
                   "The model's wording was not supported by the session facts, so the "
                   "therapist's own words were used.")
        self.flags.append(Flag(FlagKind(verdict.kind), heading, message, fact.sentence))
        return fact.sentence


class _StopAt(threading.Event):
    """Set when the user cancels or the draft's deadline passes, so one slow sentence cannot
    push a draft far past its time budget (the engine checks it after every token)."""

    def __init__(self, deadline: float, cancel: threading.Event | None) -> None:
        super().__init__()
        self._deadline = deadline
        self._cancel = cancel

    def is_set(self) -> bool:
        return (super().is_set() or time.perf_counter() > self._deadline
                or (self._cancel is not None and self._cancel.is_set()))
