"""Signing and amending: who signs (name and credentials), what still blocks, and the addendum."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.widgets import named


def _signer_label(name: str, credentials: str) -> QLabel:
    label = QLabel(", ".join(p for p in (name, credentials) if p) or "(no name in the profile)")
    label.setObjectName("signer")
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class SignDialog(QDialog):
    """Shows the signer and either the reasons signing must wait or a Sign button."""

    def __init__(self, signer_name: str, credentials: str, blockers: Sequence[str],
                 parent: QWidget | None = None, ask_for: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle("Sign note")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("You are signing as:"))
        layout.addWidget(_signer_label(signer_name, credentials))
        self.reasons = named(QLabel(), "reasons")
        self.reasons.setWordWrap(True)
        self.reasons.setTextFormat(Qt.TextFormat.PlainText)
        if blockers:
            self.reasons.setText("Before signing:\n" + "\n".join(f"• {b}" for b in blockers))
            self.reasons.setProperty("blocked", True)
        else:
            self.reasons.setText("Once signed, the note is locked: changes are possible only "
                                 "as dated addenda.")
        layout.addWidget(self.reasons)
        # The practice may ask for the passphrase or the PIN again (Settings → Signing).
        self.secret = named(QLineEdit(), "sign_secret")
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setPlaceholderText(f"Your {ask_for}" if ask_for else "")
        self.secret.setVisible(bool(ask_for) and not blockers)
        if ask_for and not blockers:
            layout.addWidget(QLabel(f"Enter your {ask_for} to sign:"))
            layout.addWidget(self.secret)
            self.secret.setFocus()
        buttons = QDialogButtonBox()
        self.sign_button = named(QPushButton("&Sign and lock"), "sign_confirm")
        self.sign_button.setEnabled(not blockers and bool(signer_name.strip()))
        self.sign_button.setDefault(True)
        buttons.addButton(self.sign_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class AddendumDialog(QDialog):
    """A dated, signed addendum; the original note stays as it was."""

    def __init__(self, signer_name: str, credentials: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Add addendum")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Addendum text (dated and signed when you save it):"))
        self.text = named(QPlainTextEdit(), "addendum_text")
        self.text.setTabChangesFocus(True)
        layout.addWidget(self.text)
        layout.addWidget(QLabel("Signed by:"))
        layout.addWidget(_signer_label(signer_name, credentials))
        buttons = QDialogButtonBox()
        self.save_button = named(QPushButton("Sign &addendum"), "addendum_confirm")
        self.save_button.setEnabled(False)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.text.textChanged.connect(
            lambda: self.save_button.setEnabled(bool(self.text.toPlainText().strip())))
        layout.addWidget(buttons)
