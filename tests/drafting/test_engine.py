"""The llama.cpp engine with a tiny real GGUF (no mocks): load, stream, cancel, bad files."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from drafting.engine import Engine
from models.errors import ModelError


def test_tiny_model_loads_and_streams(tiny_gguf: Path) -> None:
    engine = Engine(tiny_gguf, n_threads=1, n_ctx=256)
    try:
        seen: list[str] = []
        result = engine.stream("The client reported", max_tokens=8, on_text=seen.append)
        assert result.tokens == len(seen) > 0
        assert result.tokens <= 8
        assert seen[-1] == result.text
        assert result.first_token_s is not None and not result.cancelled
        # A second call on the same context works (the prefix comes from the KV cache).
        again = engine.stream("The client reported", max_tokens=4)
        assert again.tokens > 0
    finally:
        engine.close()


def test_cancel_from_another_thread_stops_the_stream(tiny_gguf: Path) -> None:
    engine = Engine(tiny_gguf, n_threads=1, n_ctx=2048)
    cancel = threading.Event()
    started = threading.Event()
    result: dict[str, object] = {}

    def work() -> None:
        result["completion"] = engine.stream(
            "The therapist", max_tokens=1900, cancel=cancel, on_text=lambda _t: started.set())

    worker = threading.Thread(target=work)
    worker.start()
    assert started.wait(10)
    cancel.set()
    worker.join(5)
    assert not worker.is_alive()
    completion = result["completion"]
    assert completion.cancelled is True
    assert completion.tokens < 1900
    # After a cancel the next call works.
    assert engine.stream("The client", max_tokens=3).tokens > 0
    engine.close()


def test_non_gguf_file_is_a_model_error(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.gguf"
    bogus.write_bytes(b"this is not a model" * 100)
    with pytest.raises(ModelError) as info:
        Engine(bogus)
    message = str(info.value)
    assert "not a GGUF" in message and "\n" not in message


def test_corrupt_gguf_is_a_model_error(tiny_gguf: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.gguf"
    broken.write_bytes(tiny_gguf.read_bytes()[:5000])  # the header survives, the tensors don't
    with pytest.raises(ModelError) as info:
        Engine(broken)
    assert "damaged" in str(info.value)


def test_missing_file_and_folder_are_model_errors(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="does not exist"):
        Engine(tmp_path / "absent.gguf")
    with pytest.raises(ModelError, match="folder"):
        Engine(tmp_path)
