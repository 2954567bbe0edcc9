"""How long this process has been running, for `--startup-time` (the window reports it when its
first screen is painted): from the process's own start on Linux, which counts the bundle's
loader and Python's start too; elsewhere from the first import of this module."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

_FIRST_IMPORT = time.monotonic()
_START_TIME_FIELD = 19  # starttime, field 22 of /proc/self/stat, counted after the ")"


def seconds_since_process_start() -> float:
    if sys.platform.startswith("linux"):
        try:
            fields = Path("/proc/self/stat").read_text().rpartition(")")[2].split()
            started = int(fields[_START_TIME_FIELD]) / os.sysconf("SC_CLK_TCK")
            return float(Path("/proc/uptime").read_text().split()[0]) - started
        except (OSError, ValueError, IndexError):
            pass
    return time.monotonic() - _FIRST_IMPORT
