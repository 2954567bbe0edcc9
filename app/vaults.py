"""The one way to create, open and unlock a vault, for the window and the command line alike.

The window (app.workspace) and every command (app.commands.vault_access) come through here, so
both say the same sentence for a missing file and leave the same audit trace (the vault records
each unlock itself). Backups, restoring, the passphrase and the demo practice live here too.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from models.errors import KeyringUnavailable
from models.practice import PracticeProfile
from storage.files import is_vault, write_text_atomic
from storage.recovery import finish_interrupted_restore

if TYPE_CHECKING:
    from storage.vault import Vault

DEMO_PASSPHRASE = "stillnote-demo"


def _vault_class() -> type[Vault]:
    # Imported on first use for start-up time: SQLCipher, argon2 and keyring take about 180 ms,
    # and the unlock screen is up while the passphrase is typed.
    from storage.vault import Vault

    return Vault


def vault_exists(vault_dir: Path) -> bool:
    # A restore killed between its two renames left no vault at the path: finish it first.
    finish_interrupted_restore(Path(vault_dir))
    return is_vault(Path(vault_dir))


def check_vault_present(vault_dir: Path) -> None:
    """VaultError naming what is missing, before anyone is asked for a passphrase."""
    _vault_class().check_present(Path(vault_dir))


def create_vault(vault_dir: Path, passphrase: str,
                 profile: PracticeProfile | None = None) -> tuple[Vault, str]:
    """A new vault (holding ``profile``, if given) and its recovery key, shown once."""
    vault, recovery_key = _vault_class().create(Path(vault_dir), passphrase)
    if profile is not None:
        try:
            vault.practice.save(profile)
        except BaseException:
            vault.close()
            raise
    return vault, recovery_key


def open_vault(vault_dir: Path, passphrase: str) -> Vault:
    return _vault_class().open(Path(vault_dir), passphrase)


def open_vault_with_recovery_key(vault_dir: Path, recovery_key: str) -> Vault:
    return _vault_class().open_with_recovery_key(Path(vault_dir), recovery_key.strip())


def open_vault_from_keyring(vault_dir: Path) -> Vault | None:
    """The vault if this device remembers its key, else None (no keyring is the normal case)."""
    from storage.vault import open_vault_with_keyring  # start-up time, as _vault_class

    try:
        return open_vault_with_keyring(Path(vault_dir))
    except KeyringUnavailable:
        return None


def change_passphrase(vault: Vault, old: str, new: str) -> None:
    """Re-wrap the key for ``new`` (WrongPassphrase if ``old`` is wrong); nothing re-encrypted."""
    vault.change_passphrase(old, new)


def back_up(vault: Vault, out: Path) -> Path:
    """An encrypted single-file backup of the open vault at ``out``."""
    from storage.backup import backup_vault  # start-up time, as _vault_class

    return backup_vault(vault, Path(out))


def restore_backup(vault_dir: Path, backup: Path, passphrase: str) -> Path | None:
    """Replace the vault at ``vault_dir`` with ``backup``; where the old one was kept (or None)."""
    from storage.backup import restore_vault  # start-up time, as _vault_class

    kept = restore_vault(Path(vault_dir), Path(backup), passphrase)
    return Path(kept) if kept is not None else None


def ensure_demo_vault(vault_dir: Path, passphrase: str = DEMO_PASSPHRASE) -> None:
    """Create the fictitious demo practice at ``vault_dir`` unless it is already there."""
    if vault_exists(vault_dir):
        return
    from app.demo import build_demo_practice  # start-up time: the demo's data, rarely wanted

    vault, _recovery_key = create_vault(vault_dir, passphrase)  # a demo needs no recovery key
    with vault:
        build_demo_practice(vault)


def save_recovery_key(path: Path, recovery_key: str) -> None:
    """Write the recovery key where the therapist chose (owner-only, atomic)."""
    text = ("Stillnote recovery key\n\n" + recovery_key + "\n\n"
            "Keep this somewhere safe and offline. It unlocks your practice if you forget "
            "the passphrase.\n")
    write_text_atomic(Path(path), text)
