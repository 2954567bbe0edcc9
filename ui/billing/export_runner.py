"""Run one billing export on a worker, asking about unsigned notes when the export names them.

The export is a function of the therapist's UnsignedChoice: first tried with ASK; if it raises
UnsignedSessions the window asks (leave them out, bill them anyway, or cancel) and runs it
again with that answer. ``finished`` is emitted once, when the export is over.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from app.billing.unsigned import UnsignedChoice
from models.errors import MissingBillingData, UnsignedSessions
from ui.billing import unsigned_choice
from ui.billing.common import StatusLine
from ui.errors import message_for
from ui.worker import Operation


def missing_text(exc: MissingBillingData) -> str:
    return f"Not made. {exc.document} needs:\n" + "\n".join(f"• {m}" for m in exc.missing)


class ExportRunner(QObject):
    finished = Signal()
    started = Signal()

    def __init__(self, parent: QWidget, status: StatusLine) -> None:
        super().__init__(parent)
        self._parent = parent
        self.status = status
        self.operation: Operation | None = None
        self._again = False

    @property
    def running(self) -> bool:
        return self.operation is not None and self.operation.running

    def run(self, work: Callable[[UnsignedChoice], Any], done: Callable[[Any], None],
            busy_text: str, choice: UnsignedChoice = UnsignedChoice.ASK) -> None:
        self.status.ok(busy_text)
        self.started.emit()
        op = Operation(lambda: work(choice), self)
        op.success(done).failure(lambda exc: self._failed(exc, work, done, busy_text))
        op.finished.connect(self._done)
        self.operation = op.run()

    def _failed(self, exc: BaseException, work: Callable[[UnsignedChoice], Any],
                done: Callable[[Any], None], busy_text: str) -> None:
        if isinstance(exc, UnsignedSessions):
            choice = unsigned_choice.ask_unsigned(self._parent, exc)
            if choice is None:
                self.status.problem(f"Not made: {exc}")
                return
            self._again = True  # the first run's finished is not the end
            QTimer.singleShot(0, lambda: self.run(work, done, busy_text, choice))
        elif isinstance(exc, MissingBillingData):
            self.status.problem(missing_text(exc))
        else:
            self.status.problem(message_for(exc))

    def _done(self) -> None:
        if self._again:
            self._again = False
            return
        self.finished.emit()
