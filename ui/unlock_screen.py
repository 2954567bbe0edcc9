"""Unlock the practice: passphrase (or recovery key), optionally remembered on this device.

The key derivation is deliberately slow, so opening runs on a worker thread behind a busy bar.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.settings import NO_KEYRING_SENTENCE, keyring_available
from app.workspace import Workspace, open_workspace
from models.errors import WrongPassphrase
from ui import warmup
from ui.errors import message_for
from ui.widgets import busy_bar, error_label, hint_label
from ui.worker import Operation

REMEMBER_SENTENCE = (
    "Keeps the key in this computer's keyring so Stillnote opens without the passphrase "
    "while you are logged in.")


def _open(vault_dir: Path, secret: str, use_recovery: bool, remember: bool) -> Workspace:
    workspace = open_workspace(vault_dir, secret, recovery_key=use_recovery, remember=remember)
    warmup.import_practice_view()  # here, not on the UI thread when the practice view is built
    return workspace


class UnlockScreen(QWidget):
    """Emits ``unlocked(workspace)``. A wrong secret: one sentence, field cleared, still locked."""

    unlocked = Signal(object)

    def __init__(self, vault_dir: Path, notice: str = "", demo_passphrase: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unlockScreen")
        self.vault_dir = vault_dir
        self.operation: Operation | None = None
        # Asking the OS for its keyring takes a moment (plugins load): done off the UI thread.
        self.has_keyring = False
        self.keyring_answered = False
        self.keyring_check: Operation | None = None

        title = QLabel("Stillnote is locked")
        title.setObjectName("screenTitle")
        title.setIndent(0)
        self.prompt = QLabel()
        self.prompt.setWordWrap(True)
        self.secret = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.secret.setObjectName("secretField")
        self.use_recovery = QCheckBox("Use recovery key instead")
        self.remember = QCheckBox("Remember on this device")
        self.remember.setEnabled(False)
        self.remember_hint = hint_label("Checking whether this computer can remember it…")
        self.notice = hint_label(notice)
        self.notice.setVisible(bool(notice))
        self.error = error_label()
        self.busy = busy_bar()
        self.unlock_button = QPushButton("Unlock")
        self.unlock_button.setDefault(True)
        self.unlock_button.setAutoDefault(True)

        card = QWidget()
        card.setObjectName("card")
        card.setFixedWidth(500)
        layout = QVBoxLayout(card)
        layout.addWidget(title)
        layout.addWidget(self.notice)
        layout.addWidget(self.prompt)
        layout.addWidget(self.secret)
        layout.addWidget(self.use_recovery)
        layout.addWidget(self.remember)
        layout.addWidget(self.remember_hint)
        layout.addWidget(self.error)
        row = QHBoxLayout()
        row.addWidget(self.busy, 1)
        row.addWidget(self.unlock_button)
        layout.addLayout(row)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(10)
        centred = QHBoxLayout()  # not an alignment flag: that would ignore height-for-width
        centred.addStretch(1)
        centred.addWidget(card)
        centred.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(centred)
        outer.addStretch(2)

        self.use_recovery.toggled.connect(self._mode_changed)
        self.secret.returnPressed.connect(self.unlock)
        self.unlock_button.clicked.connect(self.unlock)
        self._mode_changed(False)
        if demo_passphrase:
            self.secret.setText(demo_passphrase)
            self.notice.setText("This is the demo practice; its passphrase "
                                f"“{demo_passphrase}” is filled in for you.")
            self.notice.show()
        self.setFocusProxy(self.secret)
        self.keyring_check = Operation(keyring_available, self, abandon_on_quit=True).success(
            self._keyring_known).run()
        warmup.start()

    def _keyring_known(self, available: bool) -> None:
        self.has_keyring = bool(available)
        self.keyring_answered = True
        self.remember.setEnabled(self.has_keyring and not self.is_busy())
        self.remember_hint.setText(REMEMBER_SENTENCE if self.has_keyring else NO_KEYRING_SENTENCE)

    def _mode_changed(self, recovery: bool) -> None:
        self.secret.clear()
        self.error.clear()
        if recovery:
            self.prompt.setText("Enter the recovery key you saved at setup.")
            self.secret.setEchoMode(QLineEdit.EchoMode.Normal)
            self.secret.setPlaceholderText("Recovery key")
        else:
            self.prompt.setText("Enter your passphrase to open your practice.")
            self.secret.setEchoMode(QLineEdit.EchoMode.Password)
            self.secret.setPlaceholderText("Passphrase")
        self.secret.setFocus()

    def is_busy(self) -> bool:
        return self.operation is not None and self.operation.running

    def unlock(self) -> None:
        if self.is_busy():
            return
        secret = self.secret.text()
        if not secret.strip():
            self.error.setText("Type your passphrase first." if not self.use_recovery.isChecked()
                               else "Type your recovery key first.")
            return
        vault_dir = self.vault_dir
        use_recovery = self.use_recovery.isChecked()
        remember = self.remember.isChecked() and self.has_keyring
        self._set_busy(True)
        self.operation = Operation(lambda: _open(vault_dir, secret, use_recovery, remember), self)
        self.operation.success(self._opened).failure(self._failed).run()

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.unlock_button.setEnabled(not busy)
        self.secret.setEnabled(not busy)
        self.use_recovery.setEnabled(not busy)
        if busy:
            self.error.setText("")

    def _opened(self, workspace: Workspace) -> None:
        self._set_busy(False)
        self.secret.clear()
        self.unlocked.emit(workspace)

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.secret.clear()
        if isinstance(exc, WrongPassphrase):
            self.error.setText(
                "That recovery key does not open this practice." if self.use_recovery.isChecked()
                else "That passphrase does not open this practice; please try again.")
        else:
            self.error.setText(message_for(exc))
        self.secret.setFocus()
