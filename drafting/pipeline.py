"""Session facts -> draft note: plan faithful sentences, let the model rank, verify, stream.

The realizer plans every section as sentences whose choices are all faithful (realizer.py);
the model ranks each choice in the context of the note so far (ranker.py); the verifier checks
every finished sentence against the facts it says (verifier.py), and a sentence that fails is
replaced by the therapist's own words and flagged. A larger instruct model chosen by the
therapist may write a section freely; its text is kept only where the verifier proves it
faithful (writer.py). Without a usable model every choice takes its default: the same faithful
note, in plainer words.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from drafting import prompt as prompts
from drafting.default_model import (
    DEFAULT_MODEL_SHA256,
    ensure_default_model,
    sha256_of,
    verified_sha256,
)
from drafting.engine import Engine
from drafting.formats import SESSION, is_optional, section_fields
from drafting.ranker import Ranker
from drafting.realizer import ASSESSMENT_HEADINGS, EMPTY_SECTION, FIXED_SENTENCES, Plan, plan_note
from drafting.sentence import Sentence, finish
from drafting.session_line import session_words
from drafting.style import StyleProfile, profile_from_notes
from drafting.types import Draft, DraftProgress, Flag, FlagKind, ModelInfo, Timings
from drafting.verifier import check_sentence
from drafting.writer import FreeWriter
from models.errors import ModelError
from models.note import NoteFormat, NoteSection, field_label
from models.session_facts import SessionFacts

MAX_FIELD_CHARS = 4000
# Seconds the model may spend ranking one draft (a busy laptop is slower); choices past it
# keep their defaults, which are faithful anyway, so a long session still drafts in time.
DEFAULT_TIME_BUDGET_S = 6.0
DEFAULT_TOKEN_BUDGET = 280  # tokens a free-writing model may write per section

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
            label = field_label(name, facts.format)
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
    """Flags about what the therapist left out: empty fields, risk, the clinical impression."""
    flags: list[Flag] = []
    for heading, fields in section_fields(facts.format).items():
        for name in fields:
            if name == SESSION:
                continue
            text = facts.prompt(name)
            label = field_label(name, facts.format)
            if name == "risk":
                if not text:
                    flags.append(Flag(FlagKind.RISK_NOT_ASSESSED, heading,
                                      "No risk assessment was recorded for this session."))
                elif "not assessed" in text.lower() or "not evaluated" in text.lower():
                    flags.append(Flag(FlagKind.RISK_NOT_ASSESSED, heading,
                                      "Risk was not assessed this session.", text))
            elif name == "impression":
                if not text and (heading in ASSESSMENT_HEADINGS
                                 or facts.format is NoteFormat.INTAKE):
                    flags.append(Flag(FlagKind.NO_IMPRESSION, heading,
                                      "Add your clinical impression: progress toward goals, "
                                      "response to treatment, diagnosis and medical "
                                      "necessity.", label))
            elif not text and not is_optional(facts.format, name):
                flags.append(Flag(FlagKind.EMPTY_FIELD, heading,
                                  f"Nothing was entered for {label}.", label))
    return flags


class DraftPipeline:
    """One model, loaded lazily on the worker thread that drafts; see docs/drafting.md."""

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
                         self.time_budget_s, self.token_budget, started)
        draft.timings.load_s = self._load_s if engine else 0.0
        draft.model = self.model_info()
        return draft


def deterministic_draft(facts: SessionFacts, style_examples: Sequence[str] = ()) -> Draft:
    """The draft without any model: for a client who has not consented to AI-assisted
    documentation. No model is loaded and no "no_model" flag is added."""
    return _compose(facts, None, None, style_examples, None, None, 0.0, 0, time.perf_counter())


def _compose(facts: SessionFacts, engine: Engine | None, no_model_reason: str | None,
             style_examples: Sequence[str], on_progress: ProgressCallback | None,
             cancel: threading.Event | None, time_budget_s: float, token_budget: int,
             started: float) -> Draft:
    facts, flags = truncate_fields(facts)
    flags += input_flags(facts)
    style = profile_from_notes(style_examples)
    plan = plan_note(facts, style)
    ready = time.perf_counter()  # first_token_s counts from here: load_s is reported apart
    if no_model_reason is not None:
        flags.append(Flag(FlagKind.NO_MODEL, None, "No language model could be used, so the "
                          "draft is written in plain words without its help.", no_model_reason))
    scorer = None
    if engine is not None:
        try:
            scorer = engine.scorer()
        except (RuntimeError, ValueError, OSError) as exc:
            flags.append(Flag(FlagKind.NO_MODEL, None, "The model could not be used for "
                              "this draft.", type(exc).__name__))
    evaluated_before = scorer.evaluated_tokens if scorer else 0
    ranker = Ranker(scorer, deadline=ready + time_budget_s, cancel=cancel)
    writer = FreeWriter(engine, token_budget, cancel) if engine is not None else None
    run = _Run(plan, style, ranker, writer, prompts.ranking_context(style_examples),
               prompts.note_header(str(facts.format)), on_progress, facts)
    sections = run.sections()
    flags += run.flags
    if ranker.cancelled and cancel is not None and cancel.is_set():
        flags.append(Flag(FlagKind.CANCELLED, None, "Drafting was cancelled; the rest of the "
                          "note keeps its plainest wording."))
    first = ranker.first_score_at or (writer.first_token_at if writer else None)
    timings = Timings(load_s=0.0, first_token_s=None if first is None else first - ready,
                      total_s=time.perf_counter() - started,
                      generated_tokens=writer.tokens if writer else 0,
                      evaluated_tokens=scorer.evaluated_tokens - evaluated_before
                      if scorer else 0)
    return Draft(format=facts.format, sections=sections, flags=flags, model=None,
                 timings=timings, cancelled=ranker.cancelled and bool(cancel and cancel.is_set()),
                 choices=ranker.stats.to_dict(),
                 writer="model" if writer and writer.kept else "ranked")


class _Run:
    """One draft's sentences, decided and verified in order, reported as they are done."""

    def __init__(self, plan: Plan, style: StyleProfile, ranker: Ranker,
                 writer: FreeWriter | None, context: str, header: str,
                 on_progress: ProgressCallback | None, facts: SessionFacts) -> None:
        self.plan = plan
        self.style = style
        self.ranker = ranker
        self.writer = writer
        self.context = context
        self.note = header
        self.on_progress = on_progress
        self.facts = facts
        self.flags: list[Flag] = []
        self.session_words = session_words(facts.session)

    def sections(self) -> list[NoteSection]:
        out: list[NoteSection] = []
        total = len(self.plan.sections)
        for index, (heading, planned) in enumerate(self.plan.sections.items()):
            self._report(heading, "", index, total)
            written = self._free(heading, planned)
            if written is None:
                written = []
                for sentence in planned:
                    text = self._sentence(heading, sentence, written)
                    # a document's next part (a plan's next problem) starts a paragraph
                    new_paragraph = getattr(sentence, "paragraph", False) and written
                    written.append(f"\n{text}" if new_paragraph else text)
                    self._report(heading, self._join(written), index, total)
            text = self._join(written) or EMPTY_SECTION
            self.note += f"{heading}: {' '.join(written)}\n"
            self._report(heading, text, index + 1, total)
            out.append(NoteSection(heading=heading, text=text))
        return out

    def _join(self, sentences: list[str]) -> str:
        if self.style.bullets:
            return "\n".join(f"- {s.lstrip()}" for s in sentences)
        return " ".join(sentences).replace(" \n", "\n")

    def _free(self, heading: str, planned: list[Sentence]) -> list[str] | None:
        """A larger model's own wording of the section, if it proves faithful."""
        if self.writer is None or not self.writer.enabled:
            return None
        return self.writer.section(heading, planned, self.session_words, self.style)

    def _sentence(self, heading: str, sentence: Sentence, written: list[str]) -> str:
        before = f"{self.context}{self.note}{heading}: {' '.join(written)}"
        before = before if before.endswith(": ") else before + " "
        text = self.ranker.realize(sentence, before)
        if sentence.fixed and not sentence.clauses and text in FIXED_SENTENCES:
            return text
        extra = self.session_words if sentence.fixed else ""
        verdict = check_sentence(text, sentence.clauses, extra)
        if verdict.ok:
            return text
        plain = sentence.render()
        if plain != text and check_sentence(plain, sentence.clauses, extra).ok:
            return plain
        # The realizer could not phrase it faithfully (our bug, not the therapist's): their
        # own words, and a flag so that someone reads it.
        own = " ".join(finish(c.text) for c in sentence.clauses) or plain
        self.flags.append(Flag(FlagKind.UNGROUNDED, heading, "This sentence is in your own "
                               "words because it could not be phrased safely; check that it "
                               "reads right.", own))
        return own

    def _report(self, heading: str, text: str, done: int, total: int) -> None:
        if self.on_progress is not None:
            self.on_progress(DraftProgress(heading, text, done, total))
