"""`stillnote draft`: the drafting pipeline without the window.

    stillnote draft --facts FILE.json [--format soap|dap|birp|girp|pie] [--model FILE.gguf] [--json]

Prints the draft as text, or with --json exactly one JSON object on stdout. Bad input ends as
one line on stderr and exit code 2 (raised as InvalidInput; app.cli prints it).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from app.settings import load_settings
from drafting.facts_json import facts_from_file, facts_from_text, parse_format
from drafting.pipeline import DraftPipeline
from drafting.types import Draft
from models.flags import FlagKind
from models.note import NoteFormat

if TYPE_CHECKING:
    from app.cli import CommandGroups


def register(groups: CommandGroups) -> None:
    parser = groups.top.add_parser("draft", help="draft a progress note from session facts")
    parser.add_argument("--facts", required=True, metavar="FILE",
                        help="session facts as JSON ('-' reads standard input)")
    parser.add_argument("--format", type=str.lower, choices=[f.value for f in NoteFormat],
                        help="note format (default: the one in the facts file, else soap)")
    parser.add_argument("--model", metavar="FILE.gguf",
                        help="a GGUF model file (default: the settings' model, else the "
                             "bundled one)")
    parser.add_argument("--threads", type=int, default=None, help="CPU threads for the model")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(func=run)


def _device_settings() -> tuple[str, int, int]:
    """Model path, threads and context size from the device settings (a damaged file gives the
    defaults: load_settings never fails on it)."""
    settings = load_settings()
    return settings.model_path, settings.n_threads, settings.n_ctx or 2048


def run(args: argparse.Namespace) -> int:
    if args.facts == "-":
        facts = facts_from_text(sys.stdin.read())
    else:
        facts = facts_from_file(Path(args.facts))
    if args.format:
        facts = replace(facts, format=parse_format(args.format))
    model_path, threads, n_ctx = _device_settings()
    if args.model:
        model_path = args.model
    if args.threads is not None:
        threads = args.threads
    pipeline = DraftPipeline(Path(model_path) if model_path else None, n_threads=threads,
                             n_ctx=n_ctx)
    try:
        draft = pipeline.draft(facts)
    finally:
        pipeline.close()
    for flag in draft.flags:
        if flag.kind is FlagKind.NO_MODEL:
            sys.stderr.write(terminal_safe(f"stillnote: {flag.text} The draft uses the "
                                           "therapist's own words.") + "\n")
    if args.json:
        sys.stdout.write(json.dumps(draft.to_json(), ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(render_text(draft))
    sys.stdout.flush()
    return 0


# What a terminal must not receive from note text: control characters (ESC starts escape
# sequences that move the cursor, retitle the window or worse; NUL, C1 controls such as
# U+0085), the Unicode line separators, and the bidirectional overrides that reorder what is
# shown. Newlines and tabs stay.
_TERMINAL_UNSAFE: dict[int, str | None] = {
    c: None for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0),
                      *range(0x202A, 0x202F), *range(0x2066, 0x206A))}
_TERMINAL_UNSAFE.update({0x0D: None, 0x2028: "\n", 0x2029: "\n"})


def terminal_safe(text: str) -> str:
    return text.translate(_TERMINAL_UNSAFE)


def render_text(draft: Draft) -> str:
    """The draft as plain text for a terminal (control characters taken out)."""
    return terminal_safe(_plain_text(draft))


def _plain_text(draft: Draft) -> str:
    lines: list[str] = []
    for section in draft.sections:
        lines += [section.heading, section.text, ""]
    if draft.flags:
        lines.append("Review before signing:")
        for flag in draft.flags:
            where = f"[{flag.section}] " if flag.section else ""
            detail = f" ({flag.text})" if flag.text and flag.kind is not FlagKind.NO_MODEL else ""
            lines.append(f"- {where}{flag.message}{detail}")
    return "\n".join(lines).rstrip() + "\n"
