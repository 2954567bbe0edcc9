"""The recovery key, shown exactly once: save it, print it, and confirm it is stored."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont, QFontDatabase, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.export_names import recovery_key_name
from app.vaults import save_recovery_key
from ui.errors import show_error
from ui.widgets import button_row


class RecoveryKeyPage(QWidget):
    confirmed_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        intro = QLabel(
            "This recovery key opens your practice if you ever forget the passphrase. "
            "It is shown only now. Save it to a USB stick or print it, and keep it somewhere "
            "safe — not on this computer.")
        intro.setWordWrap(True)
        self.key_field = QLineEdit(readOnly=True)
        self.key_field.setObjectName("recoveryKey")
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSize(max(mono.pointSize(), 12))
        mono.setWeight(QFont.Weight.DemiBold)
        self.key_field.setFont(mono)
        self.save_button = QPushButton("Save to file…")
        self.print_button = QPushButton("Print…")
        self.stored = QCheckBox("I stored the recovery key somewhere safe")
        self.saved_label = QLabel()
        self.saved_label.setObjectName("hint")
        buttons = button_row(self.save_button, self.print_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.key_field)
        layout.addLayout(buttons)
        layout.addWidget(self.saved_label)
        layout.addSpacing(12)
        layout.addWidget(self.stored)
        layout.addStretch(1)
        self.save_button.clicked.connect(self.save_to_file)
        self.print_button.clicked.connect(self.print_key)
        self.stored.toggled.connect(self.confirmed_changed)

    def set_key(self, key: str) -> None:
        self.key_field.setText(key)
        self.stored.setChecked(False)
        self.saved_label.clear()

    def key(self) -> str:
        return self.key_field.text()

    def save_to_file(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, "Save recovery key", str(Path.home() / recovery_key_name()),
            "Text files (*.txt)")
        if not name:
            return
        try:
            save_recovery_key(Path(name), self.key())
        except Exception as exc:
            show_error(self, exc)
            return
        self.saved_label.setText(f"Saved to {name}.")

    def print_key(self) -> None:
        printer = QPrinter()
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        doc = QTextDocument()
        doc.setPlainText("Stillnote recovery key\n\n" + self.key() + "\n\nKeep this safe.")
        doc.print_(printer)
        self.saved_label.setText("Sent to the printer.")
