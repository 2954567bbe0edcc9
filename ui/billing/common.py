"""Small pieces the billing panels share: a client chooser, a status line, a records table and
the panel that puts them together."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QLayout,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from app.clients import find_clients
from app.workspace import Workspace
from models.client import Client


class ClientChooser(QComboBox):
    """Clients by name (active first); the item data is the client id. ``only`` keeps the
    clients a panel is for (self-pay for estimates, insured for claims)."""

    def __init__(self, parent: QWidget | None = None,
                 only: Callable[[Client], bool] | None = None) -> None:
        super().__init__(parent)
        self.setMinimumContentsLength(24)
        self.only = only

    def reload(self, workspace: Workspace) -> None:
        current = self.client_id()
        self.blockSignals(True)
        self.clear()
        clients = [c for c in workspace.do(find_clients) if self.only is None or self.only(c)]
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


def save_pdf_as(parent: QWidget, title: str, file_name: str) -> Path | None:
    """Ask where to save a PDF (``file_name`` in the home folder suggested); None: cancelled."""
    name, _ = QFileDialog.getSaveFileName(parent, title, str(Path.home() / file_name),
                                          "PDF files (*.pdf)")
    return Path(name) if name else None


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


def record_table(columns: Sequence[str], stretch: int | None = None) -> QTableWidget:
    """A read-only table of records; the columns share the width, or column ``stretch`` takes
    the room left after the others fit their contents."""
    table = QTableWidget(0, len(columns))
    table.setHorizontalHeaderLabels(columns)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    header = table.horizontalHeader()
    if stretch is None:
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    else:
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


class ClientRecordsPanel(QWidget):
    """A client chooser over a table of that client's records, a form below, a status line.

    Subclasses fill the table in ``reload_table`` (called whenever the client changes) and
    call ``arrange`` with what goes between the table and the status line.
    """

    def __init__(self, workspace: Workspace, columns: Sequence[str],
                 parent: QWidget | None = None, stretch: int | None = None,
                 only: Callable[[Client], bool] | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.client = ClientChooser(only=only)
        self.client.currentIndexChanged.connect(lambda _i: self.reload_table())
        self.table = record_table(columns, stretch)
        self.status = StatusLine()

    def arrange(self, *below_table: QWidget | QLayout) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self.client)
        layout.addWidget(self.table, 1)
        for part in below_table:
            if isinstance(part, QLayout):
                layout.addLayout(part)
            else:
                layout.addWidget(part)
        layout.addWidget(self.status)

    def refresh(self) -> None:
        self.client.reload(self.workspace)

    def reload_table(self) -> None:
        raise NotImplementedError
