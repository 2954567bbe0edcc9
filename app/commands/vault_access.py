"""How a command finds and unlocks the vault: --vault DIR (or the usual one), the passphrase
from STILLNOTE_PASSPHRASE or the terminal. The opening itself is app.vaults, as for the window."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from app import vaults
from app.passphrase import passphrase_from_environment_or_prompt
from storage import files

if TYPE_CHECKING:
    from storage.vault import Vault


def vault_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--vault", help="vault folder (default: the vault in the data dir)")


def vault_dir_of(args: argparse.Namespace, default: Path | None = None) -> Path:
    """The folder given with --vault (~ expanded), else ``default``, else the usual vault."""
    if args.vault:
        return Path(args.vault).expanduser()
    return default if default is not None else files.default_vault_dir()


def open_for_command(vault_dir: Path, *, tell: bool = True) -> Vault:
    """Unlock for one command: the passphrase from STILLNOTE_PASSPHRASE or the terminal.

    What the unlock found (a restore finished, a vault open read-only because it lost changes)
    is said on stderr; ``tell`` off leaves the read-only sentence to a command that reports
    the problem itself.
    """
    vaults.check_vault_present(vault_dir)  # before asking for a passphrase: say what is missing
    # The vault records the unlock in the audit log itself (the window's unlock too).
    vault = vaults.open_vault(vault_dir, passphrase_from_environment_or_prompt())
    for notice in vault.notices:
        if tell or notice != vault.read_only_reason:
            sys.stderr.write(f"stillnote: {notice}\n")
    return vault


def open_from_args(args: argparse.Namespace, *, tell: bool = True) -> Vault:
    """Unlock the vault named by --vault (or the usual one) for one command."""
    return open_for_command(vault_dir_of(args), tell=tell)
