"""`stillnote demo | export practice | import practice | backup | restore | audit`."""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from app import vaults
from app.commands.vault_access import open_for_command, open_from_args, vault_arg, vault_dir_of
from app.demo import build_demo_practice
from app.passphrase import passphrase_from_environment_or_prompt
from app.practice_json import export_practice, import_practice, load_practice_file, parse_practice
from app.practice_seal import key_line
from models.errors import VaultError
from storage import files
from storage.head import HEAD_FILE
from storage.record_check import check_record

if TYPE_CHECKING:
    from app.cli import CommandGroups
    from storage.vault import Vault


def register(groups: CommandGroups) -> None:
    demo = groups.top.add_parser("demo", help="create a vault holding a fictitious practice")
    demo.add_argument("--vault", help="vault folder (default: the demo vault in the data dir)")
    demo.set_defaults(func=cmd_demo)

    export = groups.export.add_parser("practice", help="the whole practice as JSON")
    vault_arg(export)
    export.add_argument("--out", required=True, help="JSON file to write")
    export.add_argument("--include-process-notes", action="store_true",
                        help="also export private psychotherapy (process) notes")
    export.set_defaults(func=cmd_export_practice)

    imp = groups.import_.add_parser("practice", help="load a practice JSON into an empty vault")
    vault_arg(imp)
    imp.add_argument("file", help="JSON file written by `stillnote export practice`")
    imp.set_defaults(func=cmd_import_practice)

    backup = groups.top.add_parser("backup", help="write an encrypted backup file")
    vault_arg(backup)
    backup.add_argument("--out", required=True, help="backup file to write")
    backup.set_defaults(func=cmd_backup)

    restore = groups.top.add_parser(
        "restore", help="replace the vault by a backup (the current vault is kept aside)")
    vault_arg(restore)
    restore.add_argument("file", help="backup file")
    restore.set_defaults(func=cmd_restore)

    audit = groups.top.add_parser("audit", help="the audit log").add_subparsers(
        dest="audit_command", required=True, parser_class=groups.top._parser_class)
    verify = audit.add_parser(
        "verify", help="check the audit log, the vault's last known state and every signature")
    vault_arg(verify)
    verify.set_defaults(func=cmd_audit_verify)
    accept = audit.add_parser(
        "accept", help="keep working with a vault that lost changes, as it now is (recorded)")
    vault_arg(accept)
    accept.set_defaults(func=cmd_audit_accept)


def _create_for_command(vault_dir: Path) -> tuple[Vault, str]:
    if vaults.vault_exists(vault_dir):
        raise VaultError(f"A vault already exists in {vault_dir}.")
    return vaults.create_vault(vault_dir, passphrase_from_environment_or_prompt(
        "Passphrase for the new vault: "))


def _remove_new_vault(vault_dir: Path) -> None:
    for name in (files.KEYS_FILE, files.DB_FILE, f"{files.DB_FILE}-wal", f"{files.DB_FILE}-shm",
                 HEAD_FILE):
        (vault_dir / name).unlink(missing_ok=True)
    with contextlib.suppress(OSError):
        vault_dir.rmdir()  # only if nothing else is in it


def _print_recovery_key(recovery_key: str) -> None:
    print(f"Recovery key (shown once; keep it somewhere safe): {recovery_key}")


def cmd_demo(args: argparse.Namespace) -> int:
    vault_dir = vault_dir_of(args, files.demo_vault_dir())
    vault, recovery_key = _create_for_command(vault_dir)
    with vault:
        counts = build_demo_practice(vault)
    print(f"Demo practice created in {vault_dir}: {counts['clients']} clients, "
          f"{counts['appointments']} appointments, {counts['signed']} signed notes, "
          f"{counts['drafts']} drafts.")
    _print_recovery_key(recovery_key)
    return 0


def cmd_export_practice(args: argparse.Namespace) -> int:
    """Exit 1 (after writing the file) when a signed note failed its signature check: it is
    exported as stored, named here, and refused by any import."""
    problems: list[str] = []
    with open_from_args(args) as vault:
        counts = export_practice(vault, Path(args.out), args.include_process_notes, problems)
    print(f"Exported {counts['clients']} clients, {counts['appointments']} appointments and "
          f"{counts['notes']} notes to {args.out}.")
    for problem in problems:
        sys.stderr.write(f"stillnote: {problem} It was exported as stored; an import will "
                         "refuse it.\n")
    return 1 if problems else 0


def cmd_import_practice(args: argparse.Namespace) -> int:
    # A bad file is refused before the vault is unlocked or created: nothing changes.
    data = parse_practice(load_practice_file(Path(args.file)))
    vault_dir = vault_dir_of(args)
    recovery_key = ""
    if vaults.vault_exists(vault_dir):
        vault = open_for_command(vault_dir)
    else:
        vault, recovery_key = _create_for_command(vault_dir)
    try:
        with vault:
            counts = import_practice(vault, data)
    except BaseException:
        if recovery_key:  # we made this vault for the import: leave no empty vault behind
            _remove_new_vault(vault_dir)
        raise
    print(f"Imported {counts['clients']} clients, {counts['appointments']} appointments and "
          f"{counts['notes']} notes into {vault_dir}.")
    if data.sealed_by:
        print(key_line(data.sealed_by))
    if recovery_key:
        _print_recovery_key(recovery_key)
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    with open_from_args(args) as vault:
        out = vaults.back_up(vault, Path(args.out))
    print(f"Encrypted backup written to {out}.")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    vault_dir = vault_dir_of(args)
    passphrase = passphrase_from_environment_or_prompt("Passphrase of the backup: ")
    kept = vaults.restore_backup(vault_dir, Path(args.file), passphrase)  # audited by the vault
    where = f"; the previous vault was kept in {kept}" if kept else ""
    print(f"Restored the backup into {vault_dir}{where}. It unlocks with the passphrase "
          "it had when the backup was made (the one just used) or its recovery key.")
    return 0


def cmd_audit_verify(args: argparse.Namespace) -> int:
    """Exit 1 with one line naming what failed: an altered signed note, a cut or rewritten
    chain, or a database older than the vault's last known state."""
    with open_from_args(args, tell=False) as vault:
        verdict = check_record(vault)
    if verdict.ok:
        print(verdict.message)
        return 0
    sys.stderr.write(f"stillnote: {verdict.message}\n")
    return 1


def cmd_audit_accept(args: argparse.Namespace) -> int:
    with open_from_args(args, tell=False) as vault:
        if vault.problem is None:
            print("The vault matches its last known state; there is nothing to accept.")
            return 0
        what = vault.problem.what
        with vault.accept_as_is():
            pass
    print(f"Accepted the vault as it is ({what[0].lower()}{what[1:-1]}); this was recorded in "
          "its audit log, and it can be written again.")
    return 0
