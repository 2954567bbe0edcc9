"""SQLite failures reach the user as one plain sentence of the right kind."""

from __future__ import annotations

import pytest
from sqlcipher3 import dbapi2

from models.errors import NoteLocked, StorageFull, VaultError
from storage.connection import translate


@pytest.mark.parametrize(("message", "kind", "words"), [
    ("database or disk is full", StorageFull, "disk is full"),
    ("file is not a database", VaultError, "damaged"),
    ("database disk image is malformed", VaultError, "damaged"),
    ("database is locked", VaultError, "in use"),
    ("signed note is locked: add an addendum instead", NoteLocked, "addendum"),
])
def test_translation(message: str, kind: type[Exception], words: str) -> None:
    err = translate(dbapi2.OperationalError(message))
    assert type(err) is kind
    assert words in str(err)
    assert str(err).endswith(".") and "\n" not in str(err)
