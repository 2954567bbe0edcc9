"""Drafting speed with the default model on this machine (prints figures, asserts none).

    STILLNOTE_BENCH=1 .venv/bin/python -m pytest tests/benchmarks/bench_drafting.py -s

Prints: model load time, time to the first ranked choice, total draft time (median and max)
over the six samples and a long prose session, how many choices per draft the model decided
and how many it changed from the realizer's defaults, and the ratio of Stillnote's draft time
to a bare llama-cpp-python replay of exactly the same model work (every cache removal and
every decode batch, with the same logits requested) on a second context of the same model.
The ratio is what the realizer, tokenising, ranking and verifying cost on top of the model.
Each draft is followed at once by its bare twin, so load from other processes hits both
alike. Skipped unless STILLNOTE_BENCH=1.
"""

from __future__ import annotations

import os
import statistics
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from drafting.engine import default_threads
from drafting.facts_json import facts_from_file
from drafting.pipeline import DraftPipeline
from tests.drafting.helpers import sample_files

pytestmark = [
    pytest.mark.benchmark,
    pytest.mark.skipif(os.environ.get("STILLNOTE_BENCH") != "1",
                       reason="set STILLNOTE_BENCH=1 to run the drafting benchmark"),
]

LONG_CASE = Path(__file__).resolve().parents[1] / "drafting" / "cases" / "c24.json"


class _BareReplay:
    """The same llama.cpp operations as a draft's, through llama-cpp-python's own objects."""

    def __init__(self, model_path: Path, threads: int) -> None:
        from llama_cpp import Llama, _internals

        self.llm: Any = Llama(model_path=str(model_path), n_ctx=2048, n_threads=threads,
                              n_threads_batch=threads, verbose=False)
        self.batch = _internals.LlamaBatch(n_tokens=512, embd=0, n_seq_max=1, verbose=False)
        self.n_vocab = self.llm.n_vocab()

    def run(self, record: list[tuple[str, list[int], int, bool, bool]]) -> float:
        import numpy as np

        ctx = self.llm._ctx
        ctx.kv_cache_clear()
        started = time.perf_counter()
        for op, tokens, pos0, logits, last in record:
            if op == "rm":
                ctx.kv_cache_seq_rm(0, pos0, -1)
                continue
            b = self.batch.batch
            b.n_tokens = len(tokens)
            for i, token in enumerate(tokens):
                b.token[i], b.pos[i], b.n_seq_id[i] = token, pos0 + i, 1
                b.seq_id[i][0] = 0
                b.logits[i] = logits or (last and i == len(tokens) - 1)
            ctx.decode(self.batch)
            for i in range(len(tokens)):  # read what the draft read: every requested row
                if logits or (last and i == len(tokens) - 1):
                    np.ctypeslib.as_array(ctx.get_logits_ith(i), shape=(self.n_vocab,)).max()
        return time.perf_counter() - started

    def close(self) -> None:
        self.batch.close()
        self.llm.close()


def test_bench_drafting(default_model_path: Path) -> None:
    threads = default_threads()
    files = [*sample_files(), LONG_CASE]
    pipeline = DraftPipeline(default_model_path, n_threads=threads)
    started = time.perf_counter()
    pipeline.load()
    load_s = time.perf_counter() - started
    bare = _BareReplay(default_model_path, threads)
    pipeline.draft(facts_from_file(files[0]))  # warm-up: page cache, the constant context
    engine = pipeline._engine
    assert engine is not None
    scorer = engine.scorer()
    rows = []
    for path in files:
        scorer.record = []
        draft = pipeline.draft(facts_from_file(path))
        record, scorer.record = scorer.record, None
        bare_s = bare.run(record)
        rows.append((path.stem, draft, bare_s))
    cancel_latencies = _cancel_latencies(pipeline, files)
    pipeline.close()
    bare.close()
    totals = [d.timings.total_s for _, d, _ in rows]
    firsts = [d.timings.first_token_s for _, d, _ in rows if d.timings.first_token_s]
    for name, draft, bare_s in rows:
        c = draft.choices
        print(f"  {name}: draft {draft.timings.total_s:.2f} s, bare {bare_s:.2f} s, "
              f"{draft.timings.evaluated_tokens} tokens evaluated, {c['decided_by_model']} "
              f"of {c['choices']} choices decided by the model, {c['changed_from_default']} "
              f"changed from the default")
    decided = [d.choices["decided_by_model"] for _, d, _ in rows]
    changed = [d.choices["changed_from_default"] for _, d, _ in rows]
    print(f"\nStillnote drafting benchmark: default model, {threads} threads, "
          f"{len(rows)} drafts (6 samples + a long prose session), load average "
          f"{os.getloadavg()[0]:.1f}")
    print(f"  model load time:            {load_s:.2f} s")
    print(f"  time to first ranked choice: {statistics.median(firsts):.2f} s (median)")
    print(f"  total draft time:           {statistics.median(totals):.2f} s median, "
          f"{max(totals):.2f} s max")
    print(f"  choices per draft:          {statistics.median(decided):.0f} decided by the "
          f"model (median), {sum(changed)} of {sum(decided)} changed from the default")
    print(f"  bare llama-cpp-python:      {sum(b for _, _, b in rows):.2f} s for the same work")
    print(f"  ratio Stillnote / bare:     {sum(totals) / sum(b for _, _, b in rows):.2f}")
    print(f"  cancel latency:             {statistics.median(cancel_latencies) * 1000:.0f} ms "
          f"median, {max(cancel_latencies) * 1000:.0f} ms max "
          f"({len(cancel_latencies)} drafts cancelled from another thread)")


def _cancel_latencies(pipeline: DraftPipeline, files: list[Path]) -> list[float]:
    """Seconds from cancel.set() on this thread to the drafting thread's draft() returning,
    cancelling each sample at a different point of its draft (after its n-th progress report)."""
    latencies = []
    for nth, path in enumerate(files, start=2):
        cancel = threading.Event()
        reached = threading.Event()
        reports = [0]

        def on_progress(_progress: object, nth: int = nth, reached: threading.Event = reached,
                        reports: list[int] = reports) -> None:
            reports[0] += 1
            if reports[0] >= nth:
                reached.set()

        worker = threading.Thread(target=pipeline.draft, args=(facts_from_file(path),),
                                  kwargs={"on_progress": on_progress, "cancel": cancel})
        worker.start()
        if reached.wait(60):
            cancelled_at = time.perf_counter()
            cancel.set()
            worker.join(60)
            latencies.append(time.perf_counter() - cancelled_at)
        worker.join(60)
    return latencies
