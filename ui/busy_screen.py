"""A full-window "working on it" screen for one piece of background work (e.g. building the
demo practice on first use), so the window appears at once instead of after the work."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget

from ui.errors import message_for
from ui.worker import Operation


class BusyScreen(QWidget):
    """Runs ``work`` on a worker; emits ``finished_ok(result)``, or shows the failure sentence
    (prefixed by ``failure_prefix``) in place and emits ``failed(sentence)``."""

    finished_ok = Signal(object)
    failed = Signal(str)

    def __init__(self, sentence: str, work: Callable[[], Any], failure_prefix: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self._prefix = failure_prefix
        self.operation: Operation | None = None
        self.label = QLabel(sentence)
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.bar = QProgressBar(maximum=0, textVisible=False)
        self.bar.setFixedWidth(320)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.label)
        layout.addWidget(self.bar, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

    def start(self) -> None:
        self.operation = Operation(self._work, self)
        self.operation.success(self.finished_ok.emit).failure(self._failed).run()

    def _failed(self, exc: BaseException) -> None:
        sentence = self._prefix + message_for(exc)
        self.bar.hide()
        self.label.setObjectName("error")
        self.label.setText(sentence)
        self.label.style().unpolish(self.label)
        self.label.style().polish(self.label)
        self.failed.emit(sentence)
