"""The window: ``python -m app [--vault DIR] [--demo] [--self-check] [--startup-time]``.

``--demo`` opens the fictitious demo practice (in the demo vault folder unless --vault is given);
the window builds it on first use, on a worker behind a busy screen. Its passphrase is
STILLNOTE_PASSPHRASE or the fixed demo passphrase, which the unlock screen fills in and explains.
``--self-check`` checks this installation on a throw-away demo vault (app/self_check.py), with
no window on screen; ``--startup-time`` opens the window, prints how long its first screen took
from the process's start, and quits.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from app.vaults import DEMO_PASSPHRASE
from storage import files

if TYPE_CHECKING:
    from app.pdf.measures_pdf import ChartImage


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="stillnote", description="Open the Stillnote window.")
    parser.add_argument("--vault", help="vault folder (default: the one in the data dir)")
    parser.add_argument("--demo", action="store_true",
                        help="open a fictitious demo practice (created on first use)")
    parser.add_argument("--self-check", action="store_true",
                        help="check this installation on a throw-away demo vault, print each "
                             "step's time and exit (0: it works); your practice is not opened")
    parser.add_argument("--startup-time", action="store_true",
                        help="open the window, print how long its first screen took, and quit")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse(list(sys.argv[1:] if argv is None else argv))
    if args.self_check:
        return self_check()
    demo_passphrase = ""
    if args.demo:  # built by the window on first use, so the window shows at once
        vault_dir = Path(args.vault) if args.vault else files.demo_vault_dir()
        demo_passphrase = os.environ.get("STILLNOTE_PASSPHRASE") or DEMO_PASSPHRASE
    else:
        vault_dir = Path(args.vault) if args.vault else files.default_vault_dir()
    # Imported here for start-up time: Qt loads only when the window is wanted, never for a
    # command such as `stillnote export ics` (and this launcher is app's one way up to ui).
    from ui.application import run

    return run(vault_dir, demo_passphrase=demo_passphrase, report_startup=args.startup_time)


def self_check() -> int:
    """`--self-check`: the steps of app/self_check.py, then the window's own (offscreen)."""
    # Imported here for start-up time, as the window is in main(): the checks load everything.
    from app.self_check import run_self_check

    chart = offscreen_chart_image()  # Qt offscreen from here on: no window on screen
    # Imported here for start-up time, after Qt was told to stay offscreen.
    from ui.self_check import window_steps

    return run_self_check(sys.stdout, chart, window_steps())


def offscreen_chart_image() -> ChartImage:
    """The client page's chart component, drawing for a command that has no window
    (`stillnote export measures`): Qt runs offscreen, so no display is needed."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    # Imported here for start-up time, as the window is in main(): Qt and the chart library
    # load only for a command that draws a chart.
    from ui.measures.chart_image import ensure_application, render_chart_png

    ensure_application()
    return render_chart_png


if __name__ == "__main__":
    raise SystemExit(main())
