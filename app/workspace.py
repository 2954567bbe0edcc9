"""An unlocked practice as the window holds it: the open vault and this device's settings.

The window never touches the vault. It calls a use case through its workspace, which hands the
use case the open vault::

    appointments = workspace.do(calendar.day_schedule, today)

``do`` is typed (mypy checks the use case's arguments and result), and after ``lock`` it raises
VaultError, so a page that outlives the lock fails loudly instead of reading a closed vault.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Concatenate, ParamSpec, TypeVar

from app import vaults
from app.settings import DeviceSettings, load_settings, remember_on_device
from models.errors import KeyringUnavailable, VaultError
from models.practice import PracticeProfile

if TYPE_CHECKING:
    from storage.vault import Vault

log = logging.getLogger(__name__)

P = ParamSpec("P")
R = TypeVar("R")


class Workspace:
    """One unlocked vault and the device settings the window runs with."""

    def __init__(self, vault: Vault, settings: DeviceSettings | None = None) -> None:
        self._vault: Vault | None = vault
        self.settings: DeviceSettings = settings if settings is not None else load_settings()

    @property
    def vault(self) -> Vault:
        """The open vault, for app/ and tests; ui/ calls ``do`` instead (a test enforces it)."""
        if self._vault is None:
            raise VaultError("The practice is locked; unlock it to continue.")
        return self._vault

    def do(self, use_case: Callable[Concatenate[Vault, P], R], /,
           *args: P.args, **kwargs: P.kwargs) -> R:
        """Run one use case of app/ on the open vault."""
        return use_case(self.vault, *args, **kwargs)

    @property
    def is_locked(self) -> bool:
        return self._vault is None

    @property
    def read_only_reason(self) -> str:
        """"" normally; the sentence saying why when the vault failed its checks on unlock."""
        return self.vault.read_only_reason

    @property
    def notices(self) -> list[str]:
        """What the unlock found that the therapist should read (a finished restore, a vault
        open read-only because it lost changes)."""
        return list(self.vault.notices)

    def lock(self) -> None:
        """Close the vault; the key and connection go with it. Safe to call twice."""
        vault, self._vault = self._vault, None
        if vault is not None:
            try:
                vault.close()
            except Exception as exc:  # a failing close must not keep the practice open
                log.warning("closing the vault failed: %s", type(exc).__name__)


def create_workspace(vault_dir: Path, passphrase: str,
                     profile: PracticeProfile) -> tuple[Workspace, str]:
    """A new vault holding ``profile``; returns the workspace and the recovery key (shown once)."""
    vault, recovery_key = vaults.create_vault(vault_dir, passphrase, profile)
    return Workspace(vault), recovery_key


def open_workspace(vault_dir: Path, secret: str, *, recovery_key: bool = False,
                   remember: bool = False) -> Workspace:
    """Unlock with the passphrase (or the recovery key); ``remember`` keeps the key on this
    device, which is only a convenience: without a keyring the unlock still succeeds."""
    vault = (vaults.open_vault_with_recovery_key(vault_dir, secret) if recovery_key
             else vaults.open_vault(vault_dir, secret))
    workspace = Workspace(vault)
    if remember:  # without a keyring the unlock screen already said it cannot remember
        with contextlib.suppress(KeyringUnavailable):
            workspace.do(remember_on_device, True)
    return workspace


def open_workspace_from_keyring(vault_dir: Path) -> Workspace | None:
    """The workspace if this device remembers the key, else None (no keyring is normal)."""
    vault = vaults.open_vault_from_keyring(vault_dir)
    return Workspace(vault) if vault is not None else None
