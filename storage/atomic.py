"""Atomic, owner-only file writes: a crash or a full disk never leaves a half-written file.

The bytes go to a temporary file in the same folder, are fsynced, then renamed over the target;
the folder is fsynced so the rename itself survives a power cut.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from models.errors import StillnoteError, StorageFull

OWNER_ONLY = 0o600


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
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
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


def _as_user_error(exc: OSError, target: Path) -> StillnoteError:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return StorageFull(f"The disk is full, so {target.name} was not written; nothing was lost.")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return StorageFull(f"Stillnote may not write to {target.parent}; choose another folder.")
    return StorageFull(f"{target.name} could not be written ({exc.strerror or 'I/O error'}).")
