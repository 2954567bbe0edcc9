"""Run slow work (unlock, backup, restore) off the UI thread, Anki-style.

    Operation(lambda: open_workspace(d, p), parent=self).success(on_open).failure(on_error).run()

``fn`` runs on the global QThreadPool; ``success(result)`` / ``failure(exc)`` and ``finished``
are delivered on the UI thread (the Operation lives there, so the queued slots run there).

Quitting waits only for work that writes what the therapist asked for (a backup, a restore, an
export, a new vault): ``Operation(fn, parent, abandon_on_quit=True)`` marks work that only
reads or may stop anywhere, as a crash would (a keyring lookup that may hang on D-Bus, the
warm-up import, a search), so that the process never lingers behind a closed window.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

# Operations in flight, kept alive until they deliver their result.
_RUNNING: set[Operation] = set()
# One event per running task that quitting must wait for; set when the task's function returns.
_MUST_FINISH: set[threading.Event] = set()
_must_finish_lock = threading.Lock()


class _Relay(QObject):
    """Created on the UI thread; its signals are emitted from the pool thread (queued)."""

    done = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay,
                 finished: threading.Event | None) -> None:
        super().__init__()
        self._fn = fn
        self._relay = relay
        self._finished = finished
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self._fn()
        except BaseException as exc:  # delivered to the UI thread, shown there
            self._done()
            self._emit(self._relay.failed, exc)
            return
        self._done()
        self._emit(self._relay.done, result)

    def _done(self) -> None:
        if self._finished is not None:
            self._finished.set()
            with _must_finish_lock:
                _MUST_FINISH.discard(self._finished)

    @staticmethod
    def _emit(signal: Any, value: object) -> None:
        try:
            signal.emit(value)
        except RuntimeError:  # whoever asked was closed meanwhile (a lock): nobody to tell
            log.info("background result dropped: its window is gone")


class Operation(QObject):
    """One piece of background work with typed outcome signals."""

    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()

    def __init__(self, fn: Callable[[], Any], parent: QObject | None = None, *,
                 abandon_on_quit: bool = False) -> None:
        super().__init__(parent)
        self._fn = fn
        self.abandon_on_quit = abandon_on_quit
        self._relay = _Relay()
        self._relay.done.connect(self._on_done)
        self._relay.failed.connect(self._on_failed)
        self.running = False

    def success(self, callback: Callable[[Any], None]) -> Operation:
        self.succeeded.connect(callback)
        return self

    def failure(self, callback: Callable[[BaseException], None]) -> Operation:
        self.failed.connect(callback)
        return self

    def run(self) -> Operation:
        self.running = True
        _RUNNING.add(self)
        finished = None if self.abandon_on_quit else threading.Event()
        if finished is not None:
            with _must_finish_lock:
                _MUST_FINISH.add(finished)
        QThreadPool.globalInstance().start(_Task(self._fn, self._relay, finished))
        return self

    @Slot(object)
    def _on_done(self, result: Any) -> None:
        self._finish()
        self.succeeded.emit(result)
        self.finished.emit()

    @Slot(object)
    def _on_failed(self, exc: BaseException) -> None:
        self._finish()
        log.info("background operation failed: %s", type(exc).__name__)
        self.failed.emit(exc)
        self.finished.emit()

    def _finish(self) -> None:
        self.running = False
        _RUNNING.discard(self)


def wait_for_all(timeout_ms: int = 30000) -> bool:
    """Block until the pool is idle (tests; never in the normal UI flow)."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)


def wait_for_writes(timeout_s: float = 120.0) -> bool:
    """Block until every running operation that writes has finished (used when quitting);
    work marked ``abandon_on_quit`` is not waited for."""
    with _must_finish_lock:
        pending = list(_MUST_FINISH)
    return all(event.wait(timeout_s) for event in pending)
