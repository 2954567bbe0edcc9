"""Choose the vault passphrase: typed twice, with a strength hint."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QProgressBar, QVBoxLayout, QWidget

from ui.passphrase_strength import choice_problem, strength_hint
from ui.widgets import hint_label


class PassphrasePage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        intro = QLabel(
            "Your practice is stored encrypted on this computer. Choose a passphrase to unlock it. "
            "Nobody, including Stillnote, can recover it for you — the next step gives you a "
            "recovery key for that.")
        intro.setWordWrap(True)
        self.first = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.second = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.meter = QProgressBar(maximum=3, textVisible=False)
        self.meter.setObjectName("strengthMeter")
        self.meter.setFixedHeight(6)
        self.hint = hint_label()
        form = QFormLayout()
        form.addRow("Passphrase", self.first)
        form.addRow("Type it again", self.second)
        form.addRow("", self.meter)
        form.addRow("", self.hint)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addStretch(1)
        self.first.textChanged.connect(self._update_hint)
        self._update_hint("")

    def _update_hint(self, text: str) -> None:
        score, sentence = strength_hint(text)
        self.meter.setValue(score)
        self.meter.setProperty("score", score)
        self.meter.style().unpolish(self.meter)
        self.meter.style().polish(self.meter)
        self.hint.setText(sentence)

    def problem(self) -> str | None:
        return choice_problem(self.first.text(), self.second.text())

    def passphrase(self) -> str:
        return self.first.text()

    def clear(self) -> None:
        self.first.clear()
        self.second.clear()
