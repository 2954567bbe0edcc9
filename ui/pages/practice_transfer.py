"""Settings → "Move a practice": export the whole practice as JSON, or import one.

Both run on a worker (a ten-year practice takes a while) behind a busy bar; a bad file is
reported in one sentence and changes nothing (the import is one transaction). Import only goes
into an empty practice, so it can never mix two practices or overwrite anything.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QGroupBox, QMessageBox, QPushButton, QVBoxLayout, QWidget

from app.export_names import practice_export_name
from app.practice import export_practice_file, has_clients, import_practice_file
from app.workspace import Workspace
from ui.errors import message_for
from ui.widgets import busy_bar, button_row, error_label, hint_label
from ui.worker import Operation

EXPLANATION = ("Export writes every client, appointment and note to one JSON file that is not "
               "encrypted; import loads such a file into a practice that has no clients yet.")
PLAIN_TEXT_WARNING = ("The exported file is not encrypted: anyone who opens it can read every "
                      "client's details and notes. Export anyway?")
NOT_EMPTY = ("This practice already has clients, so nothing was imported; import into a newly "
             "set-up practice instead.")


def _counts(counts: dict[str, int]) -> str:
    return (f"{counts.get('clients', 0)} clients, {counts.get('appointments', 0)} appointments "
            f"and {counts.get('notes', 0)} notes")


class PracticeTransferBox(QGroupBox):
    """Emits ``imported`` after a practice was loaded, so every page shows it."""

    imported = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__("Move a practice", parent)
        self.workspace = workspace
        self.operation: Operation | None = None
        self.export_button = QPushButton("Export practice…")
        self.export_button.setToolTip("Save the whole practice as a JSON file")
        self.import_button = QPushButton("Import practice…")
        self.import_button.setToolTip("Load a practice JSON file into this empty practice")
        self.busy = busy_bar()
        self.status = hint_label(EXPLANATION)
        self.error = error_label()
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(button_row(self.export_button, self.import_button))
        layout.addWidget(self.busy)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        self.export_button.clicked.connect(self.export_practice)
        self.import_button.clicked.connect(self.import_practice)

    def is_busy(self) -> bool:
        return self.operation is not None and self.operation.running

    def export_practice(self) -> None:
        if self.is_busy():
            return
        answer = QMessageBox.question(self, "Export practice", PLAIN_TEXT_WARNING)
        if answer != QMessageBox.StandardButton.Yes:
            return
        name, _ = QFileDialog.getSaveFileName(
            self, "Export the practice", str(Path.home() / practice_export_name(date.today())),
            "Practice files (*.json);;All files (*)")
        if not name:
            return
        out = Path(name)
        workspace = self.workspace
        self._run("Exporting…", lambda: workspace.do(export_practice_file, out),
                  lambda counts: self._done(f"Exported {_counts(counts)} to {out}."))

    def import_practice(self) -> None:
        if self.is_busy():
            return
        try:
            not_empty = self.workspace.do(has_clients)
        except Exception as exc:
            self._failed(exc)
            return
        if not_empty:
            self._show_error(NOT_EMPTY)
            return
        name, _ = QFileDialog.getOpenFileName(
            self, "Import a practice", str(Path.home()), "Practice files (*.json);;All files (*)")
        if not name:
            return
        source = Path(name)
        workspace = self.workspace
        self._run("Importing…", lambda: workspace.do(import_practice_file, source),
                  self._imported)

    def _run(self, doing: str, work: Callable[[], Any], on_success: Callable[[Any], None]) -> None:
        self.error.hide()
        self.status.setText(doing)
        self.busy.show()
        self.export_button.setEnabled(False)
        self.import_button.setEnabled(False)
        # The vault's own lock serializes this worker with the pages on the UI thread.
        op = Operation(work, self)
        op.success(on_success).failure(self._failed)
        op.finished.connect(self._finished)
        self.operation = op.run()

    def _imported(self, counts: dict[str, int]) -> None:
        self._done(f"Imported {_counts(counts)}.")
        self.imported.emit()

    def _done(self, sentence: str) -> None:
        self.status.setText(sentence)

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(EXPLANATION)
        self._show_error(message_for(exc))

    def _show_error(self, sentence: str) -> None:
        self.error.setText(sentence)
        self.error.show()

    def _finished(self) -> None:
        self.busy.hide()
        self.export_button.setEnabled(True)
        self.import_button.setEnabled(True)
