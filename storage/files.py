"""Files and places: where Stillnote keeps its files on this device, how it writes and hashes them.

The one module for it, shared by storage/, drafting/ (the default model) and app/ (settings,
exports). Places: STILLNOTE_DATA_DIR overrides the platform's user data dir (tests and portable
installs use it). Writes are atomic and owner-only, so a crash or a full disk never leaves a
half-written file: the bytes go to a temporary file in the same folder, are fsynced, then
renamed over the target, and the folder is fsynced so the rename itself survives a power cut.
"""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO, BinaryIO

import platformdirs

from models.errors import StillnoteError, StorageFull

APP_NAME = "Stillnote"
OWNER_ONLY = 0o600
PRIVATE_FOLDER = 0o700


# --- places -----------------------------------------------------------------------------------
def data_dir() -> Path:
    """The folder that holds the vault, the models and the settings (created owner-only)."""
    override = os.environ.get("STILLNOTE_DATA_DIR")
    path = (Path(override) if override
            else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)))
    try:
        path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER)
    except OSError as exc:
        raise _as_user_error(exc, path / "vault") from None
    return path


# A vault is a folder holding these two files (storage.vault owns what is in them).
DB_FILE = "stillnote.db"
KEYS_FILE = "keys.json"


def is_vault(folder: Path) -> bool:
    """Whether ``folder`` holds a vault: cheap, so the window can ask before SQLCipher loads."""
    return (Path(folder) / KEYS_FILE).is_file() and (Path(folder) / DB_FILE).is_file()


def default_vault_dir() -> Path:
    return data_dir() / "vault"


def demo_vault_dir() -> Path:
    return data_dir() / "demo-vault"


def models_dir() -> Path:
    """Where the default model is assembled (created by whoever writes into it)."""
    return data_dir() / "models"


def settings_file() -> Path:
    return data_dir() / "settings.json"


# --- writing ----------------------------------------------------------------------------------
def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # some platforms cannot open a directory; the rename is still atomic there
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomic_with(target: Path, write: Callable[[BinaryIO], None]) -> None:
    """Call ``write(stream)`` on a temp file beside ``target``, then move it into place."""
    target = Path(target)
    folder = target.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        # The process id in the name lets the next open tell a killed writer's leftover from
        # a file another process is writing right now (storage/recovery.py).
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp",
                                        dir=folder)
    except OSError as exc:
        raise _as_user_error(exc, target) from exc
    tmp = Path(tmp_name)
    try:
        os.fchmod(fd, OWNER_ONLY)
        with os.fdopen(fd, "wb") as stream:
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(tmp, target)
        _fsync_dir(folder)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise _as_user_error(exc, target) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_bytes_atomic(target: Path, data: bytes) -> None:
    def write(stream: BinaryIO) -> None:
        stream.write(data)

    write_atomic_with(target, write)


def write_text_atomic(target: Path, text: str) -> None:
    write_bytes_atomic(target, text.encode("utf-8"))


def copy_stream_atomic(source: IO[bytes], target: Path) -> None:
    """Copy everything ``source`` yields into ``target``, atomically and owner-only."""

    def write(stream: BinaryIO) -> None:
        shutil.copyfileobj(source, stream, 1 << 20)

    write_atomic_with(target, write)


def copy_file_atomic(source: Path, target: Path) -> None:
    """A byte copy of ``source`` at ``target`` (an encrypted file stays encrypted)."""
    try:
        with open(source, "rb") as stream:
            copy_stream_atomic(stream, target)
    except OSError as exc:  # the source could not be opened
        raise _as_user_error(exc, Path(target)) from exc


def _as_user_error(exc: OSError, target: Path) -> StillnoteError:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return StorageFull(f"The disk is full, so {target.name} was not written; nothing was lost.")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return StorageFull(f"Stillnote may not write to {target.parent}; choose another folder.")
    return StorageFull(f"{target.name} could not be written ({exc.strerror or 'I/O error'}).")


# --- hashing ----------------------------------------------------------------------------------
def sha256_of(path: Path) -> str:
    """The SHA-256 of a file's bytes, read a megabyte at a time (a model is hundreds of MB)."""
    digest = hashlib.sha256()
    with Path(path).open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
