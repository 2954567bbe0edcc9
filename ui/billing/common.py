"""Small pieces the billing panels share: a client chooser, date conversions, a status line."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from app.workspace import Workspace


def to_qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def to_date(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class ClientChooser(QComboBox):
    """Clients by name (active first); the item data is the client id."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumContentsLength(24)

    def reload(self, workspace: Workspace) -> None:
        current = self.client_id()
        self.blockSignals(True)
        self.clear()
        clients = workspace.vault.clients.list()
        for client in sorted(clients, key=lambda c: (not c.is_active, c.legal_name.lower())):
            suffix = "" if client.is_active else " (discharged)"
            self.addItem(client.legal_name + suffix, client.id)
        self.blockSignals(False)
        if current is not None:
            self.select(current)
        self.currentIndexChanged.emit(self.currentIndex())

    def client_id(self) -> int | None:
        value = self.currentData()
        return int(value) if value is not None else None

    def select(self, client_id: int) -> None:
        index = self.findData(client_id)
        if index >= 0:
            self.setCurrentIndex(index)


class StatusLine(QLabel):
    """The outcome of the last action, in place (no pop-up to dismiss)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setObjectName("hint")

    def ok(self, text: str) -> None:
        self.setStyleSheet("")
        self.setText(text)

    def problem(self, text: str) -> None:
        self.setStyleSheet("color: #a63a3a;")
        self.setText(text)
