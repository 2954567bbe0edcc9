"""Run slow work (unlock, backup, restore) off the UI thread, Anki-style.

    Operation(lambda: open_workspace(d, p), parent=self).success(on_open).failure(on_error).run()

``fn`` runs on the global QThreadPool; ``success(result)`` / ``failure(exc)`` and ``finished``
are delivered on the UI thread (the Operation lives there, so the queued slots run there).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

# Operations in flight, kept alive until they deliver their result.
_RUNNING: set[Operation] = set()


class _Relay(QObject):
    """Created on the UI thread; its signals are emitted from the pool thread (queued)."""

    done = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._fn = fn
        self._relay = relay
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self._fn()
        except BaseException as exc:  # delivered to the UI thread, shown there
            self._emit(self._relay.failed, exc)
            return
        self._emit(self._relay.done, result)

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

    def __init__(self, fn: Callable[[], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fn = fn
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
        QThreadPool.globalInstance().start(_Task(self._fn, self._relay))
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
    """Block until the pool is idle (used when quitting, never in the normal UI flow)."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
