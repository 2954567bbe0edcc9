"""Shared test setup: offscreen Qt, a private data dir and temp dir per test, an in-memory
keyring, and a guard that fails any test whose code opens a network connection."""

from __future__ import annotations

import os
import socket
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("STILLNOTE_PASSPHRASE", None)

import keyring  # noqa: E402
from keyring.backend import KeyringBackend  # noqa: E402
from keyring.errors import PasswordDeleteError  # noqa: E402


class MemoryKeyring(KeyringBackend):
    """A keyring that lives only in this process (what a desktop session's keyring would be)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.secrets.pop((service, username), None) is None:
            raise PasswordDeleteError("not found")


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    """Install an in-memory keyring for one test; without this fixture there is none (headless)."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def no_keyring_by_default() -> Iterator[None]:
    """Headless Linux has no keyring service: that is the normal case tests start from."""
    from keyring.backends.fail import Keyring as FailKeyring

    previous = keyring.get_keyring()
    keyring.set_keyring(FailKeyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh data dir and temp dir per test, so a test can scan them for plaintext PHI."""
    data = tmp_path / "data"
    temp = tmp_path / "tmp"
    data.mkdir()
    temp.mkdir()
    monkeypatch.setenv("STILLNOTE_DATA_DIR", str(data))
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    yield data


@pytest.fixture
def data_dir(private_dirs: Path) -> Path:
    return private_dirs


@pytest.fixture
def temp_dir(private_dirs: Path) -> Path:
    return private_dirs.parent / "tmp"


_real_connect = socket.socket.connect


def _guarded_connect(self: socket.socket, address: object) -> None:
    if self.family == socket.AF_UNIX:
        return _real_connect(self, address)  # type: ignore[arg-type]
    raise AssertionError(f"Stillnote code tried to open a network connection to {address!r}")


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """PHI never leaves the laptop: any attempt to connect anywhere fails the test."""
    monkeypatch.setattr(socket.socket, "connect", _guarded_connect)
    monkeypatch.setattr(socket.socket, "connect_ex", _guarded_connect)
    monkeypatch.setattr(socket, "create_connection", lambda *a, **k: _guarded_connect(
        socket.socket(), a[0] if a else None))


@pytest.fixture(scope="session")
def tiny_gguf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny but real GGUF model (llama architecture), written once per test session."""
    from tests.fixtures.tiny_gguf import write_tiny_gguf

    path = tmp_path_factory.mktemp("models") / "tiny.gguf"
    write_tiny_gguf(path)
    return path


@pytest.fixture(scope="session")
def default_model_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real default model (gemma-3-270m), assembled once into a shared cache for the run."""
    from drafting.default_model import ensure_default_model

    override = os.environ.get("STILLNOTE_TEST_MODEL_CACHE")
    cache = Path(override) if override else tmp_path_factory.getbasetemp() / "default-model"
    return ensure_default_model(cache)
