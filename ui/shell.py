"""The top-level window: setup, unlock screen or the practice, and the lock that ties them.

Locking destroys the whole practice view (every widget that showed PHI, and every dialog opened
from it), closes the vault, and shows a fresh unlock screen. The window title never names a
client or the practice.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from app.settings import DeviceSettings, load_settings
from app.vaults import ensure_demo_vault, vault_exists
from app.workspace import Workspace, open_workspace_from_keyring
from ui.about_dialog import AboutDialog
from ui.busy_screen import BusyScreen
from ui.idle_lock import IdleLock
from ui.measures import open_forms
from ui.restore_screen import RestoreScreen
from ui.setup.setup_flow import SetupFlow
from ui.unlock_screen import UnlockScreen
from ui.worker import Operation

if TYPE_CHECKING:
    from ui.main_view import MainView

TITLE = "Stillnote"


class StillnoteWindow(QMainWindow):
    locked = Signal()
    unlocked = Signal()

    def __init__(self, vault_dir: Path, settings: DeviceSettings | None = None,
                 demo_passphrase: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault_dir = vault_dir
        self.settings = settings if settings is not None else load_settings()
        self.demo_passphrase = demo_passphrase
        self.workspace: Workspace | None = None
        self.main_view: MainView | None = None  # imported on unlock (see ui.warmup)
        self.screen_widget: QWidget | None = None
        self.keyring_operation: Operation | None = None
        self.setWindowTitle(TITLE)
        self.resize(1180, 760)
        self.stack = QStackedWidget()
        self.stack.setObjectName("rootStack")
        self.setCentralWidget(self.stack)
        self.idle_lock = IdleLock(self.settings.idle_lock_minutes, self)
        self.idle_lock.idle.connect(self.lock)
        self.lock_action = QAction("Lock now", self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setEnabled(False)
        self.lock_action.triggered.connect(self.lock)
        self.addAction(self.lock_action)
        self.about_dialog: AboutDialog | None = None
        self._add_help_menu()
        if not vault_exists(vault_dir):
            if demo_passphrase:  # first use of the demo: build it here, with the window up
                self.show_demo_builder()
            else:
                self.show_setup()
            return
        screen = self.show_unlock()
        if demo_passphrase:
            screen.unlock()  # the demo opens straight away; after a lock it is pre-filled
        else:  # no keyring (the usual headless case) simply opens nothing
            self._try_keyring()

    def _try_keyring(self) -> None:
        """Open without the passphrase if this device remembers the key (startup only)."""
        vault_dir = self.vault_dir
        # Abandoned on quit: the keyring may hang on D-Bus, and opening is as safe to stop as
        # a crash is (SQLite commits whole transactions or nothing).
        self.keyring_operation = Operation(lambda: open_workspace_from_keyring(vault_dir), self,
                                           abandon_on_quit=True)
        self.keyring_operation.success(self._keyring_opened).run()

    def _keyring_opened(self, workspace: Workspace | None) -> None:
        if workspace is None:
            return
        if self.is_locked():
            self.open_workspace(workspace)
        else:  # the passphrase was quicker; do not keep a second connection
            workspace.lock()

    def _add_help_menu(self) -> None:
        """Help > About Stillnote, on every screen (macOS moves it to the app menu)."""
        about = QAction("About Stillnote", self)
        about.setMenuRole(QAction.MenuRole.AboutRole)
        about.triggered.connect(self.show_about)
        self.menuBar().addMenu("&Help").addAction(about)

    def show_about(self) -> None:
        self.about_dialog = AboutDialog(self.settings, self)
        self.about_dialog.open()

    # -- screens ---------------------------------------------------------------------------
    def _swap(self, widget: QWidget) -> None:
        old = self.screen_widget
        self.stack.addWidget(widget)
        self.stack.setCurrentWidget(widget)
        self.screen_widget = widget
        if old is not None:
            self.stack.removeWidget(old)
            old.hide()
            old.deleteLater()
        widget.setFocus()

    def show_demo_builder(self) -> None:
        vault_dir, passphrase = self.vault_dir, self.demo_passphrase
        screen = BusyScreen("Creating the demo practice (made-up clients, appointments and "
                            "notes)… This takes a few seconds, once.",
                            lambda: ensure_demo_vault(vault_dir, passphrase),
                            "The demo practice could not be created: ")
        screen.finished_ok.connect(lambda _result: self.show_unlock().unlock())
        self.setWindowTitle(f"{TITLE} — Demo")
        self._swap(screen)
        screen.start()

    def show_setup(self) -> None:
        flow = SetupFlow(self.vault_dir)
        flow.completed.connect(self.open_workspace)
        self.setWindowTitle(f"{TITLE} — Set up")
        self._swap(flow)

    def show_unlock(self, notice: str = "") -> UnlockScreen:
        screen = UnlockScreen(self.vault_dir, notice=notice, demo_passphrase=self.demo_passphrase)
        screen.unlocked.connect(self.open_workspace)
        self.setWindowTitle(f"{TITLE} — Locked")
        self._swap(screen)
        return screen

    def open_workspace(self, workspace: Workspace) -> None:
        # Imported here for start-up time: the practice view (pages, editor, PDF code) takes
        # about a second and is usually imported already, off the UI thread (ui.warmup).
        from ui.main_view import MainView

        workspace.settings = self.settings
        self.workspace = workspace
        view = MainView(workspace)
        view.lock_requested.connect(self.lock)
        view.idle_minutes_changed.connect(self.idle_lock.set_minutes)
        view.restore_requested.connect(self.restore_from)
        self.main_view = view
        read_only = bool(workspace.read_only_reason)
        self.setWindowTitle(f"{TITLE} — Read-only" if read_only else TITLE)
        self._swap(view)
        self.lock_action.setEnabled(True)
        self.idle_lock.set_minutes(self.settings.idle_lock_minutes)
        self.idle_lock.start()
        self.unlocked.emit()
        for notice in workspace.notices:  # a vault that lost changes, a restore finished
            show = QMessageBox.warning if read_only else QMessageBox.information
            show(self, TITLE, notice)

    # -- locking ---------------------------------------------------------------------------
    def is_locked(self) -> bool:
        return self.workspace is None

    def _close_windows(self) -> None:
        """Close every other window of this session while the vault is still open: note windows
        first (each saves its text, even the last seconds before its autosave), then the rest;
        dialogs are rejected so nested loops unwind."""
        open_forms.release_all()  # a hand-over form keeps its answers, then may close
        if self.main_view is not None:
            self.main_view.close_session_windows()
        for widget in QApplication.topLevelWidgets():
            if widget is self or not widget.isVisible():
                continue
            if isinstance(widget, QDialog):
                widget.reject()
            else:  # this app has one main window: any other window belongs to the session
                widget.close()

    def lock(self, notice: str = "") -> None:
        if self.workspace is None:
            return
        self.idle_lock.stop()
        self.lock_action.setEnabled(False)
        self._close_windows()
        workspace, self.workspace = self.workspace, None
        self.main_view = None
        self.show_unlock(notice if isinstance(notice, str) else "")  # destroys the view
        workspace.lock()
        self.locked.emit()

    def restore_from(self, backup: Path, passphrase: str) -> None:
        """Lock, then restore ``backup`` over the vault on the unlock screen's worker."""
        if self.workspace is None:
            return
        self.lock()
        screen = RestoreScreen(self.vault_dir, backup, passphrase)
        screen.done.connect(lambda notice: self.show_unlock(notice))
        self.setWindowTitle(f"{TITLE} — Restoring")
        self._swap(screen)
        screen.start()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        self.idle_lock.stop()
        if self.workspace is not None:
            self._close_windows()
            self.workspace.lock()
            self.workspace = None
        super().closeEvent(event)
