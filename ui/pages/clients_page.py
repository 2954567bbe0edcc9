"""Clients: a searchable list (active, discharged, all) beside the chosen client's page."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.clients import find_clients, last_seen
from app.workspace import Workspace
from models.client import Client, ClientStatus
from ui.client_sort import sort_clients
from ui.dialogs.client_editor import ClientEditor
from ui.errors import show_error
from ui.pages.client_detail import ClientDetail
from ui.widgets import EmptyState, page_title, shortcut

FILTERS = (("Active", ClientStatus.ACTIVE), ("Discharged", ClientStatus.DISCHARGED),
           ("All", None))
SORTS = (("By first name", "first"), ("By last name", "last"),
         ("Recently seen first", "recent"), ("Newest clients first", "newest"))


class ClientsPage(QWidget):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.search = QLineEdit()
        self.search.setPlaceholderText("Filter by name, date of birth, diagnosis…")
        self.search.setClearButtonEnabled(True)
        self.filter = QComboBox()
        for label, key in FILTERS:
            self.filter.addItem(label, key)
        self.sort = QComboBox()
        self.sort.setAccessibleName("Sort clients")
        for label, order in SORTS:
            self.sort.addItem(label, order)
        self.list = QListWidget()
        self.list.setObjectName("clientList")
        self.new_button = QPushButton("New client")
        self.new_button.setObjectName("primary")
        self.new_button.setToolTip("Add a client (Ctrl+Shift+N)")
        self.detail = ClientDetail(workspace)
        self.placeholder = EmptyState("Choose a client", "Or add one with “New client”.")
        self.right = QStackedWidget()
        self.right.addWidget(self.placeholder)
        self.right.addWidget(self.detail)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 8, 0)
        filter_row = QHBoxLayout()
        filter_row.addWidget(self.filter, 1)
        filter_row.addWidget(self.new_button)
        left_layout.addWidget(self.search)
        left_layout.addLayout(filter_row)
        left_layout.addWidget(self.sort)
        left_layout.addWidget(self.list, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 700])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(page_title("Clients"))
        layout.addWidget(splitter, 1)

        self.search.textChanged.connect(lambda _t: self._safe_refresh())
        self.filter.currentIndexChanged.connect(lambda _i: self._safe_refresh())
        self.sort.currentIndexChanged.connect(lambda _i: self._safe_refresh())
        self.list.currentItemChanged.connect(self._selected)
        self.new_button.clicked.connect(self.new_client)
        self.detail.changed.connect(self._safe_refresh)
        shortcut("Ctrl+Shift+N", self, self.new_client)
        self.setTabOrder(self.search, self.filter)
        self.setTabOrder(self.filter, self.new_button)
        self.setTabOrder(self.new_button, self.sort)
        self.setTabOrder(self.sort, self.list)
        self.refresh()

    def clients(self) -> list[Client]:
        which = self.filter.currentData()  # Qt hands the enum back as its string value
        status = ClientStatus(which) if which else None
        found = self.workspace.do(find_clients, self.search.text(), status)
        return sort_clients(found, str(self.sort.currentData()),
                            self.workspace.do(last_seen) if self.sort.currentData() == "recent"
                            else {})

    def refresh(self) -> None:
        current = self.list.currentItem()
        current_id = current.data(Qt.ItemDataRole.UserRole) if current else None
        self.list.blockSignals(True)
        self.list.clear()
        for c in self.clients():
            label = c.display_name if c.is_active else f"{c.display_name}  (discharged)"
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, c.id)
            self.list.addItem(item)
            if c.id == current_id:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        if self.list.currentItem() is None:
            self.right.setCurrentWidget(self.placeholder)
        elif current_id is not None:
            self.detail.reload()

    def _safe_refresh(self) -> None:
        try:
            self.refresh()
        except Exception as exc:
            show_error(self, exc)

    def select_client(self, client_id: int) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == client_id:
                self.list.setCurrentRow(row)
                return

    def show_any(self, client_id: int) -> None:
        """Show this client whatever the filter (search found them): all clients, no filter."""
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.filter.setCurrentIndex(len(FILTERS) - 1)  # "All": a discharged client too
        self._safe_refresh()
        self.select_client(client_id)

    def _selected(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        if item is None:
            self.right.setCurrentWidget(self.placeholder)
            return
        try:
            self.detail.show_client(item.data(Qt.ItemDataRole.UserRole))
        except Exception as exc:
            show_error(self, exc)
            return
        self.right.setCurrentWidget(self.detail)

    def new_client(self) -> ClientEditor:
        dialog = ClientEditor(self.workspace, None, self)
        dialog.saved.connect(self._created)
        dialog.open()
        return dialog

    def _created(self, client_id: int) -> None:
        self.search.clear()
        self.filter.setCurrentIndex(0)
        self._safe_refresh()
        self.select_client(client_id)
