"""The `stillnote` command. Without a subcommand it opens the window.

Each file in app/commands/ adds its subcommands through ``register(groups)``; a handler returns
the exit code. Every failure a user can cause ends as one line on stderr and a non-zero exit
code, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence
from dataclasses import dataclass

from app.__main__ import main as gui_main
from app.settings import load_settings
from models.common import set_date_style
from models.errors import StillnoteError, bug_description

EXIT_USER_ERROR = 2
EXIT_INTERNAL_ERROR = 70

# Modules under app/commands/ that contribute subcommands.
COMMAND_MODULES: tuple[str, ...] = (
    "app.commands.practice",  # demo, export/import practice, backup, restore, audit
    "app.commands.draft",  # draft
    "app.commands.notes",  # export note
    "app.commands.billing",  # export superbill, export superbills, export ics
    "app.commands.billing_documents",  # export gfe, statement, receipt, cms1500
    "app.commands.measures",  # export measures
)


@dataclass
class CommandGroups:
    """The argparse sub-parser groups a command module may add to."""

    top: argparse._SubParsersAction  # type: ignore[type-arg]
    export: argparse._SubParsersAction  # type: ignore[type-arg]
    import_: argparse._SubParsersAction  # type: ignore[type-arg]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        # argparse prints usage on stderr; keep it to one line as every other failure.
        sys.stderr.write(f"stillnote: {message}\n")
        raise SystemExit(EXIT_USER_ERROR)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="stillnote", description="Private progress notes for solo therapists.")
    top = parser.add_subparsers(dest="command", parser_class=_Parser)
    export = top.add_parser("export", help="export from the vault").add_subparsers(
        dest="what", required=True, parser_class=_Parser)
    import_ = top.add_parser("import", help="import into the vault").add_subparsers(
        dest="what", required=True, parser_class=_Parser)
    gui = top.add_parser("gui", help="open the window (the default)")
    gui.add_argument("--vault", help="vault folder")
    gui.add_argument("--demo", action="store_true", help="open a demo practice")
    groups = CommandGroups(top=top, export=export, import_=import_)
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue  # that capability is not built yet
        module.register(groups)
    return parser


def run_gui(argv: Sequence[str]) -> int:
    return gui_main(list(argv))


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] in ("gui",) or argv[0].startswith("--"):
        return run_gui(argv[1:] if argv and argv[0] == "gui" else argv)
    logging.basicConfig(level=logging.WARNING, format="stillnote: %(message)s")
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "func", None)
    set_date_style(load_settings().date_style)  # PDFs read as the window does
    if handler is None:
        parser.print_help(sys.stderr)
        return EXIT_USER_ERROR
    try:
        return int(handler(args))
    except StillnoteError as exc:
        sys.stderr.write(f"stillnote: {exc}\n")
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        sys.stderr.write("stillnote: interrupted; nothing was left half-written.\n")
        return 130
    except Exception as exc:  # our bug: say so plainly, without PHI or a traceback
        sys.stderr.write("stillnote: an internal error stopped the command "
                         f"({bug_description(exc)}); nothing already saved was changed.\n")
        return EXIT_INTERNAL_ERROR


if __name__ == "__main__":
    raise SystemExit(main())
