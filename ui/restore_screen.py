"""Restoring a backup, shown full-window while the vault is closed and replaced off-thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget

from app.vaults import restore_backup
from ui.errors import message_for
from ui.worker import Operation


class RestoreScreen(QWidget):
    """Emits ``done(notice)`` with one sentence for the unlock screen, success or not."""

    done = Signal(str)

    def __init__(self, vault_dir: Path, backup: Path, passphrase: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._job = (vault_dir, backup, passphrase)
        self.operation: Operation | None = None
        label = QLabel("Restoring the backup… Stillnote keeps the current practice aside first.")
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        bar = QProgressBar(maximum=0, textVisible=False)
        bar.setFixedWidth(320)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(label)
        layout.addWidget(bar, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

    def start(self) -> None:
        vault_dir, backup, passphrase = self._job
        self.operation = Operation(lambda: restore_backup(vault_dir, backup, passphrase), self)
        self.operation.success(
            lambda kept: self.done.emit(
                "The backup was restored"
                + (f"; the previous practice was kept in {kept}" if kept else "")
                + ". Unlock it with the passphrase it was made with.")
        ).failure(lambda exc: self.done.emit("Nothing was restored: " + message_for(exc))).run()
