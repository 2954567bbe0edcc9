"""The window: ``python -m app [--vault DIR] [--demo]``.

``--demo`` builds the fictitious demo practice once (in the demo vault folder unless --vault is
given) and opens it; its passphrase is STILLNOTE_PASSPHRASE or the fixed demo passphrase, which
the unlock screen fills in and explains.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from app import paths


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="stillnote", description="Open the Stillnote window.")
    parser.add_argument("--vault", help="vault folder (default: the one in the data dir)")
    parser.add_argument("--demo", action="store_true",
                        help="open a fictitious demo practice (created on first use)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse(list(sys.argv[1:] if argv is None else argv))
    from app.workspace import DEMO_PASSPHRASE, ensure_demo_vault
    from models.errors import StillnoteError

    demo_passphrase = ""
    if args.demo:
        vault_dir = Path(args.vault) if args.vault else paths.demo_vault_dir()
        demo_passphrase = os.environ.get("STILLNOTE_PASSPHRASE") or DEMO_PASSPHRASE
        try:
            ensure_demo_vault(vault_dir, demo_passphrase)
        except StillnoteError as exc:
            sys.stderr.write(f"stillnote: {exc}\n")
            return 2
    else:
        vault_dir = Path(args.vault) if args.vault else paths.default_vault_dir()
    from ui.application import run

    return run(vault_dir, demo_passphrase=demo_passphrase)


if __name__ == "__main__":
    raise SystemExit(main())
