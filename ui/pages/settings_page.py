"""Settings: security (idle lock, passphrase, this device), the drafting model, backups."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.export_names import backup_name
from app.settings import (
    NO_KEYRING_SENTENCE,
    keyring_available,
    model_file_sha256,
    remember_on_device,
    remembered_on_device,
    save_settings,
)
from app.vaults import back_up
from app.workspace import Workspace
from models.errors import KeyringUnavailable
from ui.billing.claim_form_settings import ClaimFormSettings
from ui.dialogs.change_passphrase import ChangePassphraseDialog
from ui.dialogs.practice_profile import PracticeProfileDialog
from ui.errors import message_for, show_error
from ui.pages.comfort_settings import AppearanceBox, PracticeDefaultsBox
from ui.pages.practice_transfer import PracticeTransferBox
from ui.widgets import busy_bar, button_row, hint_label, page_title
from ui.worker import Operation

CONTEXT_SIZES = (1024, 2048, 4096, 8192)


def _size(n: int) -> str:
    size = float(n)
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024
    return str(n)


class SettingsPage(QWidget):
    idle_minutes_changed = Signal(int)
    restore_requested = Signal(Path, str)
    practice_imported = Signal()
    look_changed = Signal()  # theme, text size or date format: the pages show it anew

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.settings = workspace.settings
        self.operation: Operation | None = None
        self.dialog: ChangePassphraseDialog | PracticeProfileDialog | None = None

        # Security
        self.idle_minutes = QSpinBox(minimum=0, maximum=240, suffix=" min")
        self.idle_minutes.setSpecialValueText("Never")
        self.idle_minutes.setValue(self.settings.idle_lock_minutes)
        self.remember = QCheckBox("Remember on this device")
        self.remember_hint = hint_label()
        self.passphrase_button = QPushButton("Change passphrase…")
        self.profile_button = QPushButton("Practice profile…")
        security = QGroupBox("Privacy and security")
        sf = QFormLayout(security)
        sf.addRow("Lock after idle", self.idle_minutes)
        sf.addRow("", self.remember)
        sf.addRow("", self.remember_hint)
        sf.addRow("", button_row(self.passphrase_button, self.profile_button))

        # Drafting model
        self.model_label = QLabel()
        self.model_label.setWordWrap(True)
        self.model_hash = QLineEdit(readOnly=True, placeholderText="SHA-256 not checked yet")
        self.choose_model = QPushButton("Choose model file…")
        self.default_model = QPushButton("Use the default model")
        self.hash_button = QPushButton("Check SHA-256")
        self.threads = QSpinBox(minimum=0, maximum=max(os.cpu_count() or 1, 64))
        self.threads.setSpecialValueText(f"All cores ({os.cpu_count() or 1})")
        self.threads.setValue(self.settings.n_threads)
        self.context = QComboBox()
        for n in CONTEXT_SIZES:
            self.context.addItem(f"{n} tokens", n)
        index = self.context.findData(self.settings.n_ctx)
        self.context.setCurrentIndex(index if index >= 0 else 1)
        model = QGroupBox("Drafting model (runs on this computer only)")
        mf = QFormLayout(model)
        mf.addRow("Model", self.model_label)
        mf.addRow("", button_row(self.choose_model, self.default_model, self.hash_button))
        mf.addRow("SHA-256", self.model_hash)
        mf.addRow("Threads", self.threads)
        mf.addRow("Context size", self.context)

        # Backup
        self.backup_button = QPushButton("Back up now…")
        self.restore_button = QPushButton("Restore from backup…")
        self.backup_busy = busy_bar()
        self.backup_status = hint_label("A backup is one encrypted file; keep it on another disk.")
        backup = QGroupBox("Backup")
        bl = QVBoxLayout(backup)
        bl.addLayout(button_row(self.backup_button, self.restore_button))
        bl.addWidget(self.backup_busy)
        bl.addWidget(self.backup_status)
        self.transfer = PracticeTransferBox(workspace)
        self.transfer.imported.connect(self.practice_imported)
        self.claim_forms = ClaimFormSettings(workspace)  # billing's part of Settings
        self.appearance = AppearanceBox(self.settings)
        self.appearance.changed.connect(self.look_changed)
        self.practice_defaults = PracticeDefaultsBox(workspace)

        for narrow in (self.idle_minutes, self.threads, self.context):
            narrow.setMaximumWidth(200)
        content = QWidget()
        content.setObjectName("pageBackground")
        cl = QVBoxLayout(content)
        cl.setContentsMargins(24, 20, 24, 20)
        cl.addWidget(page_title("Settings"))
        for box in (self.appearance, self.practice_defaults, security, model, backup,
                    self.transfer, self.claim_forms):
            cl.addWidget(box)
        cl.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        self.idle_minutes.valueChanged.connect(self._idle_changed)
        self.remember.toggled.connect(self._remember_toggled)
        self.passphrase_button.clicked.connect(self.change_passphrase)
        self.profile_button.clicked.connect(self.edit_profile)
        self.choose_model.clicked.connect(self.pick_model)
        self.default_model.clicked.connect(lambda: self._set_model(""))
        self.hash_button.clicked.connect(self.check_hash)
        self.threads.valueChanged.connect(self._threads_changed)
        self.context.currentIndexChanged.connect(self._context_changed)
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button.clicked.connect(self.restore)
        self.refresh()

    # -- state -------------------------------------------------------------------------------
    def refresh(self) -> None:
        has_keyring = keyring_available()
        self.remember.blockSignals(True)
        self.remember.setEnabled(has_keyring)
        self.remember.setChecked(has_keyring and self.workspace.do(remembered_on_device))
        self.remember.blockSignals(False)
        self.remember_hint.setText(
            "Unlocks without the passphrase on this computer while you are logged in. "
            "The idle lock still asks for it." if has_keyring else NO_KEYRING_SENTENCE)
        self._show_model()
        self.practice_defaults.refresh()

    def _save(self) -> None:
        try:
            save_settings(self.settings)
        except Exception as exc:
            show_error(self, exc)

    def _idle_changed(self, minutes: int) -> None:
        self.settings.idle_lock_minutes = minutes
        self._save()
        self.idle_minutes_changed.emit(minutes)

    def _threads_changed(self, n: int) -> None:
        self.settings.n_threads = n
        self._save()

    def _context_changed(self, _index: int) -> None:
        self.settings.n_ctx = int(self.context.currentData())
        self._save()

    def _remember_toggled(self, enabled: bool) -> None:
        try:
            sentence = self.workspace.do(remember_on_device, enabled)
        except KeyringUnavailable as exc:
            self.remember_hint.setText(str(exc))
            self.remember.blockSignals(True)
            self.remember.setChecked(False)
            self.remember.blockSignals(False)
            return
        except Exception as exc:
            show_error(self, exc)
            return
        self.remember_hint.setText(sentence)

    # -- model -------------------------------------------------------------------------------
    def _show_model(self) -> None:
        path = self.settings.model_path
        self.model_hash.clear()
        if not path:
            self.model_label.setText("The default model that ships with Stillnote "
                                     "(gemma-3-270m, about 250 MB).")
            self.hash_button.setEnabled(False)
            return
        file = Path(path)
        if file.is_file():
            self.model_label.setText(f"{file.name} — {_size(file.stat().st_size)}")
            self.hash_button.setEnabled(True)
        else:
            self.model_label.setText(f"{file.name} — file not found; drafting will fall back "
                                     "to the default model.")
            self.hash_button.setEnabled(False)

    def pick_model(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Choose a GGUF model", str(Path.home()),
                                              "GGUF models (*.gguf)")
        if name:
            self._set_model(name)

    def _set_model(self, path: str) -> None:
        self.settings.model_path = path
        self._save()
        self._show_model()

    def check_hash(self) -> None:
        path = Path(self.settings.model_path)
        self.model_hash.setText("Computing…")
        self.hash_button.setEnabled(False)
        op = Operation(lambda: model_file_sha256(path), self, abandon_on_quit=True)
        op.success(self.model_hash.setText).failure(
            lambda exc: self.model_hash.setText("The file could not be read.")).run()
        op.finished.connect(lambda: self.hash_button.setEnabled(True))
        self.operation = op

    # -- dialogs -----------------------------------------------------------------------------
    def change_passphrase(self) -> None:
        self.dialog = ChangePassphraseDialog(self.workspace, self)
        self.dialog.accepted.connect(lambda: QMessageBox.information(
            self, "Passphrase changed", "The passphrase was changed. Use the new one from now on."))
        self.dialog.open()

    def edit_profile(self) -> None:
        try:
            self.dialog = PracticeProfileDialog(self.workspace, self)
        except Exception as exc:
            show_error(self, exc)
            return
        self.dialog.open()

    # -- backup ------------------------------------------------------------------------------
    def backup_now(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, "Back up the practice", str(Path.home() / backup_name(date.today())),
            "Stillnote backups (*.stillnote-backup);;All files (*)")
        if not name:
            return
        out = Path(name)
        workspace = self.workspace
        self.backup_busy.show()
        self.backup_button.setEnabled(False)
        self.restore_button.setEnabled(False)
        self.backup_status.setText("Backing up…")
        # The window stays usable; the vault's own lock serializes access with the UI.
        op = Operation(lambda: workspace.do(back_up, out), self)
        op.success(lambda _p: self.backup_status.setText(f"Backed up to {out}.")).failure(
            lambda exc: self.backup_status.setText("The backup failed: " + message_for(exc)))
        op.finished.connect(self._backup_done)
        self.operation = op.run()

    def _backup_done(self) -> None:
        self.backup_busy.hide()
        self.backup_button.setEnabled(True)
        self.restore_button.setEnabled(True)

    def restore(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Restore a backup", str(Path.home()),
            "Stillnote backups (*.stillnote-backup);;All files (*)")
        if not name:
            return
        passphrase, ok = QInputDialog.getText(
            self, "Backup passphrase", "The passphrase the practice had when this backup was made:",
            QLineEdit.EchoMode.Password)
        if not ok or not passphrase:
            return
        answer = QMessageBox.question(
            self, "Restore backup",
            "Replace the current practice with this backup? The current one is kept aside, "
            "and Stillnote locks while restoring.")
        if answer == QMessageBox.StandardButton.Yes:
            self.restore_requested.emit(Path(name), passphrase)
