"""Import the practice view (pages, note editor, billing, PDF code) off the UI thread.

Those imports take about a second (reportlab alone half of it). The unlock screen does not need
them, so the window shows first and they load in the background while the passphrase is typed;
unlocking waits for them on its worker, never on the UI thread. One lock keeps a single thread
importing at a time.
"""

from __future__ import annotations

import threading

from ui.worker import Operation

_lock = threading.Lock()
_started = False


def import_practice_view() -> None:
    """Import ui.main_view and everything below it (a no-op once done)."""
    with _lock:
        # The whole point, for start-up time: import the practice view here, off the UI thread.
        import ui.main_view  # noqa: F401


def start() -> None:
    """Begin importing in the background, once per run."""
    global _started
    if not _started:
        _started = True
        Operation(import_practice_view, abandon_on_quit=True).run()
