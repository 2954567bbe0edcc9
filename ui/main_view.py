"""The unlocked practice: a sidebar of pages. Built on unlock, destroyed whole on lock."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.workspace import Workspace
from ui.billing import BillingPage
from ui.errors import show_error
from ui.notes import (
    RiskFollowUpPage,
    UnsignedNotesPage,
    close_all_editors,
    open_note_by_id,
)
from ui.pages.calendar_page import CalendarPage
from ui.pages.clients_page import ClientsPage
from ui.pages.settings_page import SettingsPage
from ui.pages.today_page import TodayPage
from ui.search_dialog import SearchDialog

UNSIGNED = "Unsigned notes"
RISK = "Risk follow-up"


class MainView(QWidget):
    lock_requested = Signal()
    idle_minutes_changed = Signal(int)
    restore_requested = Signal(Path, str)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainView")
        self.workspace = workspace
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setFixedWidth(200)
        self.sidebar.setIconSize(QSize(0, 0))
        self.pages = QStackedWidget()
        self.pages.setObjectName("pageStack")
        self.page_by_name: dict[str, QWidget] = {}  # the pages built so far
        # Pages are built the first time they are shown: unlocking builds Today (and the
        # unsigned queue, for the sidebar's count) instead of every page of a large practice.
        self._factories: dict[str, Callable[[], QWidget]] = {}
        self._add("Today", self._make_today)
        self._add("Clients", lambda: ClientsPage(workspace))
        self._add("Calendar", lambda: CalendarPage(workspace))
        self._add(UNSIGNED, self._make_unsigned)
        self._add(RISK, lambda: RiskFollowUpPage(workspace))
        self._add("Billing", lambda: BillingPage(workspace))
        self._add("Settings", self._make_settings)
        self.page(UNSIGNED)

        brand = QLabel("Stillnote")
        brand.setObjectName("brand")
        self.search_button = QPushButton("Search…   Ctrl+K")
        self.search_button.setObjectName("searchButton")
        self.search_button.setToolTip("Search clients, notes and appointments (Ctrl+K or Ctrl+F)")
        self.search_button.clicked.connect(self.open_search)
        self.search_dialog: SearchDialog | None = None
        lock_button = QPushButton("Lock  (Ctrl+L)")
        lock_button.setObjectName("lockButton")
        lock_button.setToolTip("Lock the practice now; the passphrase opens it again.")
        lock_button.clicked.connect(self.lock_requested)
        side = QWidget()
        side.setObjectName("sidePanel")
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(12, 16, 12, 12)
        side_layout.addWidget(brand)
        side_layout.addWidget(self.search_button)
        side_layout.addWidget(self.sidebar, 1)
        side_layout.addWidget(lock_button)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(side)
        layout.addWidget(self.pages, 1)

        self.sidebar.currentRowChanged.connect(self._page_changed)
        for index in range(self.sidebar.count()):  # Ctrl+1 … Ctrl+7, in sidebar order
            shortcut = QShortcut(QKeySequence(f"Ctrl+{index + 1}"), self)
            shortcut.activated.connect(lambda i=index: self._go_row(i))
        for keys in ("Ctrl+K", "Ctrl+F"):  # one search box, wherever the therapist is
            QShortcut(QKeySequence(keys), self).activated.connect(self.open_search)
        self.sidebar.setCurrentRow(0)

    def _add(self, name: str, factory: Callable[[], QWidget]) -> None:
        item = QListWidgetItem(name)
        item.setData(Qt.ItemDataRole.UserRole, name)
        item.setSizeHint(QSize(180, 38))
        self.sidebar.addItem(item)
        self.pages.addWidget(QWidget())  # stands in until the page is first shown
        self._factories[name] = factory

    def page(self, name: str) -> QWidget:
        """The page called ``name``, built now if it was not yet."""
        built = self.page_by_name.get(name)
        if built is not None:
            return built
        index = list(self._factories).index(name)
        page = self._factories[name]()
        placeholder = self.pages.widget(index)
        self.pages.insertWidget(index, page)
        if placeholder is not None:
            self.pages.removeWidget(placeholder)
            placeholder.deleteLater()
        self.page_by_name[name] = page
        return page

    def _make_today(self) -> TodayPage:
        return TodayPage(self.workspace)

    def _make_unsigned(self) -> UnsignedNotesPage:
        unsigned = UnsignedNotesPage(self.workspace)
        unsigned.count_changed.connect(self._set_unsigned_count)
        self._set_unsigned_count(len(unsigned.items))  # it counted before we listened
        return unsigned

    def _make_settings(self) -> SettingsPage:
        settings = SettingsPage(self.workspace)
        settings.idle_minutes_changed.connect(self.idle_minutes_changed)
        settings.restore_requested.connect(self.restore_requested)
        settings.practice_imported.connect(self.refresh_all)
        settings.look_changed.connect(self.refresh_all)
        return settings

    # The pages by name, built on first use (tests and the window reach them so).
    today = property(lambda self: self.page("Today"))
    clients = property(lambda self: self.page("Clients"))
    calendar = property(lambda self: self.page("Calendar"))
    unsigned = property(lambda self: self.page(UNSIGNED))
    risk = property(lambda self: self.page(RISK))
    billing = property(lambda self: self.page("Billing"))
    settings = property(lambda self: self.page("Settings"))

    def _set_unsigned_count(self, count: int) -> None:
        for row in range(self.sidebar.count()):
            item = self.sidebar.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == UNSIGNED:
                item.setText(f"{UNSIGNED}  ({count})" if count else UNSIGNED)

    def _go_row(self, row: int) -> None:
        if row < self.sidebar.count():
            self.sidebar.setCurrentRow(row)

    def go_to(self, name: str) -> QWidget:
        """Show the page called ``name``, freshly refreshed (built if it was not yet)."""
        for row in range(self.sidebar.count()):
            if self.sidebar.item(row).data(Qt.ItemDataRole.UserRole) == name:
                if row == self.sidebar.currentRow():
                    self._page_changed(row)
                else:
                    self.sidebar.setCurrentRow(row)
        return self.page_by_name[name]

    # -- search everything -----------------------------------------------------------------
    def open_search(self) -> SearchDialog:
        dialog = SearchDialog(self.workspace, self)
        dialog.open_client.connect(self.show_client)
        dialog.open_note.connect(lambda note_id: open_note_by_id(self, self.workspace, note_id))
        dialog.open_appointment.connect(self.show_appointment)
        self.search_dialog = dialog
        dialog.open()
        dialog.box.setFocus()
        return dialog

    def show_client(self, client_id: int) -> None:
        page = self.go_to("Clients")
        if isinstance(page, ClientsPage):
            page.show_any(client_id)

    def show_appointment(self, appointment_id: int, start: datetime) -> None:
        page = self.go_to("Calendar")
        if isinstance(page, CalendarPage):
            page.show_appointment(appointment_id, start)

    def close_session_windows(self) -> None:
        """Save and close the note windows opened from this view (before the vault locks)."""
        close_all_editors()

    def refresh_all(self) -> None:
        """Every page shows the vault afresh (after a practice was imported into it)."""
        for page in list(self.page_by_name.values()):
            refresh = getattr(page, "refresh", None)
            if callable(refresh):
                try:
                    refresh()
                except Exception as exc:
                    show_error(self, exc)
                    return

    def _page_changed(self, row: int) -> None:
        if row < 0:
            return
        name = self.sidebar.item(row).data(Qt.ItemDataRole.UserRole)
        built_before = name in self.page_by_name
        page = self.page(name)
        self.pages.setCurrentWidget(page)
        if not built_before:  # built for this visit: its constructor has just read the vault
            return
        refresh = getattr(page, "refresh", None)
        if callable(refresh):
            try:
                refresh()
            except Exception as exc:
                show_error(self, exc)
