"""Change the vault passphrase (the data key is re-wrapped; nothing is re-encrypted)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.vaults import change_passphrase
from app.workspace import Workspace
from models.errors import WrongPassphrase
from ui.errors import message_for
from ui.passphrase_strength import choice_problem, strength_hint
from ui.widgets import busy_bar, error_label, hint_label
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
        self.hint = hint_label(strength_hint("")[1])
        self.error = error_label()
        self.busy = busy_bar()
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
        problem = choice_problem(self.new.text(), self.again.text(), "new")
        if problem:
            self.error.setText(problem)
            return
        old, new = self.current.text(), self.new.text()
        workspace = self.workspace
        self.busy.show()
        self.buttons.setEnabled(False)
        self.operation = Operation(lambda: workspace.do(change_passphrase, old, new), self)
        self.operation.success(lambda _r: self.accept()).failure(self._failed).run()

    def _failed(self, exc: BaseException) -> None:
        self.busy.hide()
        self.buttons.setEnabled(True)
        self.current.clear()
        wrong = isinstance(exc, WrongPassphrase)
        self.error.setText("The current passphrase is not right." if wrong else message_for(exc))
