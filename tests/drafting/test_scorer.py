"""The ranking primitive on a real (tiny) GGUF: log-probabilities, the KV cache, cancel."""

from __future__ import annotations

import math
import threading
from pathlib import Path

import pytest

from drafting.engine import Engine
from drafting.ranker import Ranker
from drafting.scorer import Cancelled
from drafting.sentence import Choice, Sentence


@pytest.fixture(scope="module")
def engine(tiny_gguf: Path) -> Engine:
    return Engine(tiny_gguf, n_threads=1, n_ctx=512)


def test_scores_are_log_probabilities_and_the_cache_changes_nothing(engine: Engine) -> None:
    scorer = engine.scorer()
    prefix = scorer.tokenize("Client reported poor sleep and")
    options = [scorer.tokenize(" worry")[1:], scorer.tokenize(" the worry about exams")[1:]]
    first = scorer.score(prefix, options)
    assert all(lp <= 0 and math.isfinite(lp) for lps in first for lp in lps)
    assert [len(x) for x in first] == [len(o) for o in options]
    flat = [lp for lps in first for lp in lps]
    again = scorer.score(prefix, options)  # the prefix now comes from the cache
    assert [lp for lps in again for lp in lps] == pytest.approx(flat, abs=1e-3)
    scorer.reset()
    fresh = scorer.score(prefix, options)  # evaluated from nothing
    assert [lp for lps in fresh for lp in lps] == pytest.approx(flat, abs=1e-3)
    longer = scorer.score(prefix + options[0], [options[1]])  # the cache grows
    assert longer and len(longer[0]) == len(options[1])


def test_cancel_stops_prompt_evaluation(engine: Engine) -> None:
    scorer = engine.scorer()
    scorer.reset()
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled):
        scorer.score(scorer.tokenize("word " * 200), [[1, 2]], cancel)
    assert scorer.score(scorer.tokenize("Client was"), [[1]])  # usable afterwards


def test_the_ranker_decides_and_counts_and_keeps_defaults_without_a_model(
        engine: Engine) -> None:
    sentence = Sentence(["Client will keep ", Choice(("", "a ", "the "), 0), "sleep log."])
    ranker = Ranker(engine.scorer())
    text = ranker.realize(sentence, "Plan: ")
    assert text in ("Client will keep sleep log.", "Client will keep a sleep log.",
                    "Client will keep the sleep log.")
    assert ranker.stats.decided == 1 and ranker.stats.candidates == 3
    plain = Ranker(None)
    assert plain.realize(sentence, "Plan: ") == "Client will keep sleep log."
    assert plain.stats.decided == 0 and plain.stats.choices == 1
    late = Ranker(engine.scorer(), deadline=0.0)  # past its time budget: defaults
    assert late.realize(sentence, "Plan: ") == "Client will keep sleep log."
