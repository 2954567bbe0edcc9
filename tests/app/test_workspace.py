"""The window's handle on an unlocked practice: use cases run on the open vault, never after
the lock; unlocking remembers the key on this device only where there is a keyring."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.clients import add_client, find_clients
from app.settings import DeviceSettings, remember_on_device, remembered_on_device
from app.vaults import open_vault_from_keyring
from app.workspace import create_workspace, open_workspace
from models.client import Client
from models.errors import KeyringUnavailable, VaultError
from models.practice import PracticeProfile
from tests.conftest import MemoryKeyring

PASSPHRASE = "correct horse battery staple"


def _practice(tmp_path: Path) -> Path:
    workspace, _key = create_workspace(tmp_path / "vault", PASSPHRASE,
                                       PracticeProfile(clinician_name="Dana Whitfield"))
    workspace.lock()
    return tmp_path / "vault"


def test_use_cases_run_on_the_open_vault_and_fail_plainly_once_locked(tmp_path: Path) -> None:
    workspace = open_workspace(_practice(tmp_path), PASSPHRASE)
    workspace.settings = DeviceSettings()
    added = workspace.do(add_client, Client(legal_name="Ada Quill"))
    assert workspace.do(find_clients) == [added]
    workspace.lock()
    assert workspace.is_locked
    with pytest.raises(VaultError, match="locked"):
        workspace.do(find_clients)
    workspace.lock()  # twice is fine


def test_without_a_keyring_unlock_succeeds_and_nothing_is_remembered(tmp_path: Path) -> None:
    vault_dir = _practice(tmp_path)
    workspace = open_workspace(vault_dir, PASSPHRASE, remember=True)
    assert not workspace.do(remembered_on_device)
    with pytest.raises(KeyringUnavailable):
        workspace.do(remember_on_device, True)
    assert not workspace.do(remembered_on_device)
    workspace.lock()
    assert open_vault_from_keyring(vault_dir) is None


def test_remembered_on_this_device_opens_without_the_passphrase_until_forgotten(
        tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    vault_dir = _practice(tmp_path)
    workspace = open_workspace(vault_dir, PASSPHRASE, remember=True)
    assert workspace.do(remembered_on_device) and memory_keyring.secrets
    workspace.lock()
    reopened = open_vault_from_keyring(vault_dir)
    assert reopened is not None
    with reopened:
        assert "no longer remembers" in remember_on_device(reopened, False)
        assert not remembered_on_device(reopened)
    assert open_vault_from_keyring(vault_dir) is None
