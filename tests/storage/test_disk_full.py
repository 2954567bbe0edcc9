"""A full disk: the write that does not fit is refused in one sentence, nothing saved is lost.

SQLite reports a full disk (SQLITE_FULL) the same way whether the file system ran out of space or
the database reached its page limit, so `PRAGMA max_page_count` makes a real full-disk condition
on the real SQLCipher file without filling the machine's disk.
"""

from __future__ import annotations

import errno
import os
from datetime import date
from pathlib import Path

import pytest

from models.client import Client
from models.errors import StorageFull
from storage.files import write_bytes_atomic
from storage.vault import Vault

from .conftest import PASSPHRASE


def test_vault_refuses_a_write_that_does_not_fit_and_keeps_what_was_saved(
        vault: Vault, vault_dir: Path) -> None:
    saved = vault.clients.add(Client(legal_name="Ada Lovelace", date_of_birth=date(1990, 1, 2)))
    pages = vault.query_one("PRAGMA page_count")[0]
    vault.connection.execute(f"PRAGMA max_page_count = {pages + 2}")
    huge_address = "x" * 200_000  # a huge paste into one field

    with pytest.raises(StorageFull) as raised:
        for _ in range(5):
            vault.clients.add(Client(legal_name="Overflow", email=huge_address))
    assert str(raised.value) == "The disk is full, so the change was not saved; nothing was lost."
    vault.close()

    reopened = Vault.open(vault_dir, PASSPHRASE)
    try:
        assert [c.legal_name for c in reopened.clients.list()] == [saved.legal_name]
        assert reopened.query_one("PRAGMA integrity_check")[0] == "ok"
        assert reopened.audit.verify().ok
    finally:
        reopened.close()


def test_atomic_write_on_a_full_disk_keeps_the_previous_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "exports" / "calendar.ics"
    write_bytes_atomic(target, b"the previous export")

    def disk_full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(StorageFull, match="disk is full"):
        write_bytes_atomic(target, b"a new export that does not fit")
    monkeypatch.undo()
    assert target.read_bytes() == b"the previous export"
    assert [p.name for p in target.parent.iterdir()] == ["calendar.ics"]  # no temp file left
