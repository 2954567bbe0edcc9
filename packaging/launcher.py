"""The bundle's entry point: the `stillnote` command (no subcommand opens the window)."""

from app.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
