"""An unlocked practice, as the window holds it: the open vault plus this device's settings.

The window never imports storage/; it asks this module to create, open, back up and restore a
vault, and keeps the resulting Workspace until it locks. Locking closes the vault, after which
every use of ``workspace.vault`` fails loudly instead of quietly reading a closed connection.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from app.settings import DeviceSettings, load_settings
from models.errors import KeyringUnavailable, VaultError
from models.practice import PracticeProfile

log = logging.getLogger(__name__)

DEMO_PASSPHRASE = "stillnote-demo"


class Workspace:
    """One unlocked vault and the device settings the window runs with."""

    def __init__(self, vault: Any, settings: DeviceSettings | None = None) -> None:
        self._vault: Any | None = vault
        self.settings: DeviceSettings = settings if settings is not None else load_settings()

    @property
    def vault(self) -> Any:
        if self._vault is None:
            raise VaultError("The practice is locked; unlock it to continue.")
        return self._vault

    @property
    def vault_dir(self) -> Path:
        return Path(self.vault.path)

    @property
    def is_locked(self) -> bool:
        return self._vault is None

    def practice(self) -> PracticeProfile:
        profile: PracticeProfile = self.vault.practice.get()
        return profile

    def lock(self) -> None:
        """Close the vault; the key and connection go with it. Safe to call twice."""
        vault, self._vault = self._vault, None
        if vault is not None:
            try:
                vault.close()
            except Exception as exc:  # a failing close must not keep the practice open
                log.warning("closing the vault failed: %s", type(exc).__name__)

    def has_records(self) -> bool:
        """Whether the practice holds any client (an import needs an empty practice)."""
        return bool(self.vault.clients.count())

    def export_practice(self, out: Path) -> dict[str, int]:
        """The whole practice as JSON at ``out`` (plain text: the user chose to take it out)."""
        from app.practice_json import export_practice

        return export_practice(self.vault, Path(out))

    def import_practice(self, source: Path) -> dict[str, int]:
        """Load a practice JSON file into this (empty) practice; all or nothing."""
        from app.practice_json import import_practice, load_practice_file

        data = load_practice_file(Path(source))
        return import_practice(self.vault, data)

    def backup(self, out: Path) -> Path:
        from storage.backup import backup_vault

        backup_vault(self.vault, out)
        return out


def vault_exists(vault_dir: Path) -> bool:
    from storage.vault import Vault

    return bool(Vault.exists(vault_dir))


def create_workspace(vault_dir: Path, passphrase: str,
                     profile: PracticeProfile) -> tuple[Workspace, str]:
    """A new vault holding ``profile``; returns the workspace and the recovery key (shown once)."""
    from storage.vault import Vault

    vault, recovery_key = Vault.create(vault_dir, passphrase)
    try:
        vault.practice.save(profile)
    except Exception:
        vault.close()
        raise
    return Workspace(vault), recovery_key


def open_workspace(vault_dir: Path, passphrase: str) -> Workspace:
    from storage.vault import Vault

    return Workspace(Vault.open(vault_dir, passphrase))


def open_workspace_with_recovery_key(vault_dir: Path, recovery_key: str) -> Workspace:
    from storage.vault import Vault

    return Workspace(Vault.open_with_recovery_key(vault_dir, recovery_key.strip()))


def open_workspace_from_keyring(vault_dir: Path) -> Workspace | None:
    """The workspace if this device remembers the key, else None (no keyring is normal)."""
    from storage.vault import open_vault_with_keyring

    try:
        vault = open_vault_with_keyring(vault_dir)
    except KeyringUnavailable:
        return None
    return Workspace(vault) if vault is not None else None


def keyring_available() -> bool:
    """Whether this device has an OS keyring service (headless Linux usually has none).

    Only the chosen backend's priority is looked at: asking it for a secret here could pop up
    a desktop "unlock your keyring" prompt just for drawing a checkbox.
    """
    import keyring

    try:
        backend = keyring.get_keyring()
        return float(getattr(backend, "priority", 0)) > 0
    except Exception:  # a broken keyring backend is the same as none for the user
        return False


def restore_backup(vault_dir: Path, backup: Path, passphrase: str) -> Path | None:
    """Replace the vault at ``vault_dir`` with ``backup``; where the old one was kept (or None)."""
    from storage.backup import restore_vault

    kept = restore_vault(vault_dir, backup, passphrase)
    return Path(kept) if kept is not None else None


def ensure_demo_vault(vault_dir: Path, passphrase: str = DEMO_PASSPHRASE) -> None:
    """Create the fictitious demo practice at ``vault_dir`` unless it is already there."""
    if vault_exists(vault_dir):
        return
    from app.demo import build_demo_practice
    from storage.vault import Vault

    vault, _recovery_key = Vault.create(vault_dir, passphrase)  # a demo needs no recovery key
    with vault:
        build_demo_practice(vault)


def save_recovery_key(path: Path, recovery_key: str) -> None:
    """Write the recovery key where the therapist chose (owner-only, atomic)."""
    from storage.files import write_text_atomic

    text = ("Stillnote recovery key\n\n" + recovery_key + "\n\n"
            "Keep this somewhere safe and offline. It unlocks your practice if you forget "
            "the passphrase.\n")
    write_text_atomic(path, text)
