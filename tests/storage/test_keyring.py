"""'Remember on this device' with a keyring, and the normal case without one."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.errors import KeyringUnavailable
from storage.keyring_store import SERVICE
from storage.vault import Vault, open_vault_with_keyring
from tests.conftest import MemoryKeyring


def test_without_keyring_remembering_says_so_plainly(vault: Vault, vault_dir: Path) -> None:
    with pytest.raises(KeyringUnavailable, match="No keyring service"):
        vault.remember_on_device(True)
    assert "Nothing was remembered" in vault.remember_on_device(False)
    assert open_vault_with_keyring(vault_dir) is None


def test_with_keyring_the_vault_opens_without_passphrase(
        vault: Vault, vault_dir: Path, memory_keyring: MemoryKeyring) -> None:
    assert open_vault_with_keyring(vault_dir) is None  # nothing stored yet
    message = vault.remember_on_device(True)
    assert "without the passphrase" in message
    assert (SERVICE, vault.vault_id) in memory_keyring.secrets
    vault.close()
    remembered = open_vault_with_keyring(vault_dir)
    assert remembered is not None
    assert "no longer remembers" in remembered.remember_on_device(False)
    remembered.close()
    assert open_vault_with_keyring(vault_dir) is None


def test_a_stale_remembered_key_is_ignored(vault: Vault, vault_dir: Path,
                                           memory_keyring: MemoryKeyring) -> None:
    memory_keyring.secrets[(SERVICE, vault.vault_id)] = "00" * 32
    vault.close()
    assert open_vault_with_keyring(vault_dir) is None


def test_missing_vault_with_keyring_is_none(data_dir: Path) -> None:
    assert open_vault_with_keyring(data_dir / "nothing") is None
