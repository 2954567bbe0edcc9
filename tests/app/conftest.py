"""A real (SQLCipher) vault per test for the use cases of app/; tests/app/notes has its own,
holding a small practice to write notes in."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def vault_dir(tmp_path: Path) -> Path:
    return tmp_path / "vault"


@pytest.fixture
def vault(vault_dir: Path) -> Iterator[Any]:
    from storage.vault import Vault

    opened, _ = Vault.create(vault_dir, PASSPHRASE)
    with opened:
        yield opened
