"""Drafting on a worker QThread: progress streams to the editor, Cancel answers within 0.5 s.

The pipeline (and its model, loaded once) is app's (app.notes.draft_note); only one draft runs
at a time, so the pipeline's single model is never used concurrently.
"""

from __future__ import annotations

import copy
import threading
from collections.abc import Sequence

from PySide6.QtCore import QObject, QThread, Signal, Slot

from app.notes import DraftOutcome, draft_note
from app.settings import DeviceSettings
from models.appointment import Appointment
from models.client import Client
from models.note import Note


class _Worker(QObject):
    progress = Signal(object)  # app.notes.DraftProgress
    done = Signal(object)  # DraftOutcome
    failed = Signal(object)  # the exception

    def __init__(self, note: Note, appointment: Appointment | None, client: Client,
                 settings: DeviceSettings, approach: str, cancel: threading.Event,
                 style: Sequence[str]) -> None:
        super().__init__()
        self._style = list(style)
        # The worker drafts into its own copy: the UI thread keeps owning the editor's note.
        self._note = copy.deepcopy(note)
        self._appointment = appointment
        self._client = client
        self._settings = copy.copy(settings)  # as they were when the draft began
        self._approach = approach
        self._cancel = cancel

    @Slot()
    def run(self) -> None:
        try:
            outcome = draft_note(self._note, self._appointment, self._client, self._settings,
                                 approach=self._approach, on_progress=self.progress.emit,
                                 cancel=self._cancel, style=self._style)
        except BaseException as exc:  # shown on the UI thread as one sentence
            self.failed.emit(exc)
            return
        self.done.emit(outcome)


class DraftJob(QObject):
    """One draft on its own QThread. Signals arrive on the UI thread."""

    progress = Signal(object)
    finished = Signal(object)  # DraftOutcome
    failed = Signal(object)

    def __init__(self, note: Note, appointment: Appointment | None, client: Client,
                 settings: DeviceSettings, approach: str = "",
                 parent: QObject | None = None, style: Sequence[str] = ()) -> None:
        super().__init__(parent)
        self.cancel_event = threading.Event()
        self._thread = QThread()
        self._worker = _Worker(note, appointment, client, settings, approach, self.cancel_event,
                               style)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progress.connect(self.progress)
        self._worker.done.connect(self._on_done)
        self._worker.failed.connect(self._on_failed)

    def start(self) -> None:
        self._thread.start()

    def cancel(self) -> None:
        self.cancel_event.set()

    @property
    def running(self) -> bool:
        return self._thread.isRunning()

    def wait(self, ms: int = 30000) -> bool:
        self.cancel_event.set()
        self._thread.quit()
        return bool(self._thread.wait(ms))

    def _stop_thread(self) -> None:
        self._thread.quit()
        self._thread.wait(5000)

    @Slot(object)
    def _on_done(self, outcome: DraftOutcome) -> None:
        self._stop_thread()
        self.finished.emit(outcome)

    @Slot(object)
    def _on_failed(self, exc: BaseException) -> None:
        self._stop_thread()
        self.failed.emit(exc)
