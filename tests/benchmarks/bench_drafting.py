"""Drafting speed with the default model on this machine (prints figures, asserts none).

    STILLNOTE_BENCH=1 .venv/bin/python -m pytest tests/benchmarks/bench_drafting.py -s

Prints: model load time, time to first token, total draft time, tokens per second, and the
ratio of Stillnote's total draft time to a bare llama-cpp-python generation of the same number
of tokens with the same model and threads. Each sample draft is followed at once by its bare
twin so that load from other processes on a shared machine hits both alike. Skipped unless
STILLNOTE_BENCH=1 (it loads the 253 MB model twice and takes about a minute on 2 cores).
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

BARE_PROMPT = "A progress note for a therapy session.\n\nSubjective:"


def _bare_llama(model_path: Path, threads: int) -> Any:
    from llama_cpp import Llama

    llm = Llama(model_path=str(model_path), n_ctx=2048, n_threads=threads,
                n_threads_batch=threads, verbose=False)
    llm.create_completion("Warm up", max_tokens=2)
    return llm


def _bare_generation(llm: Any, n_tokens: int) -> tuple[float, int]:
    """One plain, non-streamed call that writes ``n_tokens`` tokens (EOS suppressed)."""
    llm.reset()
    started = time.perf_counter()
    result = llm.create_completion(BARE_PROMPT, max_tokens=n_tokens, temperature=0.0,
                                   logit_bias={llm.token_eos(): -1e9})
    return time.perf_counter() - started, int(result["usage"]["completion_tokens"])


def test_bench_drafting(default_model_path: Path) -> None:
    threads = default_threads()
    files = sample_files()
    pipeline = DraftPipeline(default_model_path, n_threads=threads)
    started = time.perf_counter()
    pipeline.load()
    load_s = time.perf_counter() - started
    bare = _bare_llama(default_model_path, threads)
    pipeline.draft(facts_from_file(files[0]))  # warm-up: page cache, the constant prefix
    totals, firsts, tokens, bare_s, bare_tokens = [], [], [], [], []
    for path in files:
        draft = pipeline.draft(facts_from_file(path))
        totals.append(draft.timings.total_s)
        tokens.append(draft.timings.generated_tokens)
        if draft.timings.first_token_s is not None:
            firsts.append(draft.timings.first_token_s)
        seconds, produced = _bare_generation(bare, draft.timings.generated_tokens)
        bare_s.append(seconds)
        bare_tokens.append(produced)
    cancel_latencies = _cancel_latencies(pipeline, files)
    pipeline.close()
    bare.close()
    for path, draft_s, n, b_s in zip(files, totals, tokens, bare_s, strict=True):
        print(f"  {path.stem}: draft {draft_s:.2f} s for {n} tokens; bare {b_s:.2f} s")
    total_s, total_tokens = sum(totals), sum(tokens)
    print(f"\nStillnote drafting benchmark: default model, {threads} threads, "
          f"{len(files)} sample drafts, load average {os.getloadavg()[0]:.1f}")
    print(f"  model load time:          {load_s:.2f} s")
    print(f"  time to first token:      {statistics.median(firsts):.2f} s (median)")
    print(f"  total draft time:         {statistics.median(totals):.2f} s median, "
          f"{max(totals):.2f} s max")
    print(f"  generated tokens/draft:   {statistics.median(tokens):.0f} median, "
          f"{total_tokens} in all")
    print(f"  tokens per second:        {total_tokens / total_s:.1f} (whole draft, all work)")
    print(f"  bare llama-cpp-python:    {sum(bare_tokens)} tokens in {sum(bare_s):.2f} s "
          f"({sum(bare_tokens) / sum(bare_s):.1f} tokens/s)")
    print(f"  ratio Stillnote / bare:   {total_s / sum(bare_s):.2f}")
    print(f"  cancel latency:           {statistics.median(cancel_latencies) * 1000:.0f} ms "
          f"median, {max(cancel_latencies) * 1000:.0f} ms max "
          f"({len(cancel_latencies)} drafts cancelled from another thread)")


def _cancel_latencies(pipeline: DraftPipeline, files: list[Path]) -> list[float]:
    """Seconds from cancel.set() on this thread to the drafting thread's draft() returning,
    cancelling each sample at a different point of its draft (after its n-th progress report)."""
    latencies = []
    for nth, path in enumerate(files, start=1):
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
