"""Fixtures for storage tests: real SQLCipher vaults in the per-test data dir."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from storage.vault import Vault

PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def vault_dir(data_dir: Path) -> Path:
    return data_dir / "vault"


@pytest.fixture
def vault(vault_dir: Path) -> Iterator[Vault]:
    v, _ = Vault.create(vault_dir, PASSPHRASE)
    yield v
    v.close()


def file_hashes(folder: Path) -> dict[str, str]:
    """SHA-256 of every file under ``folder`` (names relative), to prove nothing changed."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}
