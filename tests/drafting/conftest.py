"""The real default model, loaded once per module for the end-to-end drafting tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from drafting.pipeline import DraftPipeline


@pytest.fixture(scope="module")
def pipeline(default_model_path: Path) -> Iterator[DraftPipeline]:
    pipe = DraftPipeline(default_model_path)
    pipe.load()
    yield pipe
    pipe.close()
