"""Change the vault passphrase (the data key is re-wrapped; nothing is re-encrypted)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from app.workspace import Workspace
from models.errors import WrongPassphrase
from ui.errors import message_for
from ui.passphrase_strength import MIN_LENGTH, strength_hint
from ui.worker import Operation


class ChangePassphraseDialog(QDialog):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.operation: Operation | None = None
        self.setWindowTitle("Change passphrase")
        self.setModal(True)
        password = QLineEdit.EchoMode.Password
        self.current = QLineEdit(echoMode=password)
        self.new = QLineEdit(echoMode=password)
        self.again = QLineEdit(echoMode=password)
        self.hint = QLabel(strength_hint("")[1])
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.busy = QProgressBar(maximum=0, textVisible=False)
        self.busy.setFixedHeight(6)
        self.busy.hide()
        form = QFormLayout()
        form.addRow("Current passphrase", self.current)
        form.addRow("New passphrase", self.new)
        form.addRow("Type it again", self.again)
        form.addRow("", self.hint)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.change)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.busy)
        layout.addWidget(self.buttons)
        self.new.textChanged.connect(lambda t: self.hint.setText(strength_hint(t)[1]))

    def change(self) -> None:
        if len(self.new.text()) < MIN_LENGTH:
            self.error.setText(f"The new passphrase needs at least {MIN_LENGTH} characters.")
            return
        if self.new.text() != self.again.text():
            self.error.setText("The two new passphrases differ; type the same one twice.")
            return
        old, new = self.current.text(), self.new.text()
        vault = self.workspace.vault
        self.busy.show()
        self.buttons.setEnabled(False)
        self.operation = Operation(lambda: vault.change_passphrase(old, new), self)
        self.operation.success(lambda _r: self.accept()).failure(self._failed).run()

    def _failed(self, exc: BaseException) -> None:
        self.busy.hide()
        self.buttons.setEnabled(True)
        self.current.clear()
        wrong = isinstance(exc, WrongPassphrase)
        self.error.setText("The current passphrase is not right." if wrong else message_for(exc))
