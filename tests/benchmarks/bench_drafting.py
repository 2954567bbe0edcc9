"""Drafting speed with the default model on this machine (prints figures, asserts none).

    STILLNOTE_BENCH=1 .venv/bin/python -m pytest tests/benchmarks/bench_drafting.py -s

Prints: model load time, time to first token, total draft time, tokens per second, and the
ratio of Stillnote's total draft time to a bare llama-cpp-python generation of the same number
of tokens with the same model and threads. Skipped unless STILLNOTE_BENCH=1 (it loads the
253 MB model and takes about half a minute on 2 cores).
"""

from __future__ import annotations

import os
import statistics
import time
from pathlib import Path

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


def _bare_generation(model_path: Path, threads: int, n_tokens: int) -> tuple[float, int]:
    """Time a plain llama-cpp-python generation of ``n_tokens`` tokens (EOS ignored)."""
    from llama_cpp import Llama

    llm = Llama(model_path=str(model_path), n_ctx=2048, n_threads=threads,
                n_threads_batch=threads, verbose=False)
    try:
        llm.create_completion("Warm up", max_tokens=2)
        started = time.perf_counter()
        produced = 0
        for _ in llm.create_completion(BARE_PROMPT, max_tokens=n_tokens, temperature=0.0,
                                       stream=True, logit_bias={llm.token_eos(): -1e9}):
            produced += 1
        return time.perf_counter() - started, produced
    finally:
        llm.close()


def test_bench_drafting(default_model_path: Path) -> None:
    threads = default_threads()
    files = sample_files()
    pipeline = DraftPipeline(default_model_path, n_threads=threads)
    started = time.perf_counter()
    pipeline.load()
    load_s = time.perf_counter() - started
    pipeline.draft(facts_from_file(files[0]))  # warm-up: page cache, first prompt prefix
    totals, firsts, tokens = [], [], []
    for path in files:
        draft = pipeline.draft(facts_from_file(path))
        totals.append(draft.timings.total_s)
        tokens.append(draft.timings.generated_tokens)
        if draft.timings.first_token_s is not None:
            firsts.append(draft.timings.first_token_s)
    pipeline.close()
    total_s, total_tokens = sum(totals), sum(tokens)
    bare_s, bare_tokens = _bare_generation(default_model_path, threads, total_tokens)
    print(f"\nStillnote drafting benchmark: default model, {threads} threads, "
          f"{len(files)} sample drafts")
    print(f"  model load time:          {load_s:.2f} s")
    print(f"  time to first token:      {statistics.median(firsts):.2f} s (median)")
    print(f"  total draft time:         {statistics.median(totals):.2f} s median, "
          f"{max(totals):.2f} s max")
    print(f"  generated tokens/draft:   {statistics.median(tokens):.0f} median")
    print(f"  tokens per second:        {total_tokens / total_s:.1f} (whole draft, all work)")
    print(f"  bare llama-cpp-python:    {bare_tokens} tokens in {bare_s:.2f} s "
          f"({bare_tokens / bare_s:.1f} tokens/s)")
    print(f"  ratio Stillnote / bare:   {total_s / bare_s:.2f}")
