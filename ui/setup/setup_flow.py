"""First run in three steps: practice profile -> passphrase (vault created) -> recovery key."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.workspace import Workspace, create_workspace
from ui.errors import message_for
from ui.setup.passphrase_page import PassphrasePage
from ui.setup.profile_form import PracticeProfileForm
from ui.setup.recovery_page import RecoveryKeyPage
from ui.widgets import busy_bar, error_label
from ui.worker import Operation

STEPS = ("Your practice", "Passphrase", "Recovery key")


class SetupFlow(QWidget):
    """Emits ``completed(workspace)`` once the vault exists and the key is confirmed stored."""

    completed = Signal(object)
    vault_created = Signal()

    def __init__(self, vault_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("setupFlow")
        self.vault_dir = vault_dir
        self.workspace: Workspace | None = None
        self.operation: Operation | None = None

        self.title = QLabel()
        self.title.setObjectName("screenTitle")
        self.title.setIndent(0)
        self.step_label = QLabel()
        self.step_label.setObjectName("hint")
        self.profile_form = PracticeProfileForm()
        profile_scroll = QScrollArea()
        profile_scroll.setWidgetResizable(True)
        profile_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        profile_holder = QWidget()
        profile_holder.setObjectName("plainBackground")
        holder_layout = QVBoxLayout(profile_holder)
        intro = QLabel("Welcome to Stillnote. Tell it who you are: these details go on signed "
                       "notes and superbills. Only the name is required now; you can fill in "
                       "the rest later.")
        intro.setWordWrap(True)
        holder_layout.addWidget(intro)
        holder_layout.addWidget(self.profile_form)
        holder_layout.addStretch(1)
        profile_scroll.setWidget(profile_holder)
        self.passphrase_page = PassphrasePage()
        self.recovery_page = RecoveryKeyPage()
        self.pages = QStackedWidget()
        for page in (profile_scroll, self.passphrase_page, self.recovery_page):
            self.pages.addWidget(page)

        self.error = error_label()
        self.busy = busy_bar()
        self.back_button = QPushButton("Back")
        self.next_button = QPushButton("Next")
        self.next_button.setDefault(True)
        self.next_button.setAutoDefault(True)
        nav = QHBoxLayout()
        nav.addWidget(self.busy, 1)
        nav.addStretch(1)
        nav.addWidget(self.back_button)
        nav.addWidget(self.next_button)

        card = QWidget()
        card.setObjectName("card")
        card.setMaximumWidth(640)
        card_layout = QVBoxLayout(card)
        card_layout.addWidget(self.title)
        card_layout.addWidget(self.step_label)
        card_layout.addWidget(self.pages, 1)
        card_layout.addWidget(self.error)
        card_layout.addLayout(nav)
        card_layout.setContentsMargins(28, 24, 28, 20)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(24, 24, 24, 24)
        outer.addStretch(1)
        outer.addWidget(card, 3)
        outer.addStretch(1)

        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)
        self.recovery_page.confirmed_changed.connect(self._update_buttons)
        self._show_step(0)

    def step(self) -> int:
        return self.pages.currentIndex()

    def _show_step(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        self.title.setText(STEPS[index])
        self.step_label.setText(f"Step {index + 1} of {len(STEPS)}")
        self.next_button.setText(("Next", "Create my vault", "Open Stillnote")[index])
        self.error.clear()
        self._update_buttons()
        focus = (self.profile_form.clinician_name, self.passphrase_page.first,
                 self.recovery_page.save_button)[index]
        focus.setFocus()

    def _update_buttons(self) -> None:
        index = self.step()
        busy = self.operation is not None and self.operation.running
        self.back_button.setEnabled(index == 1 and not busy)
        self.back_button.setVisible(index < 2)
        self.next_button.setEnabled(
            not busy and (index < 2 or self.recovery_page.stored.isChecked()))

    def back(self) -> None:
        if self.step() == 1:
            self._show_step(0)

    def next(self) -> None:
        index = self.step()
        if index == 0:
            problem = self.profile_form.problem()
            if problem:
                self.error.setText(problem)
                return
            self._show_step(1)
        elif index == 1:
            problem = self.passphrase_page.problem()
            if problem:
                self.error.setText(problem)
                return
            self._create_vault()
        elif self.workspace is not None and self.recovery_page.stored.isChecked():
            workspace, self.workspace = self.workspace, None
            self.recovery_page.set_key("")  # it is shown once; do not keep it around
            self.completed.emit(workspace)

    def _create_vault(self) -> None:
        vault_dir = self.vault_dir
        passphrase = self.passphrase_page.passphrase()
        profile = self.profile_form.profile()
        self.error.setText("")
        self.busy.show()
        self.operation = Operation(lambda: create_workspace(vault_dir, passphrase, profile), self)
        self.operation.success(self._created).failure(self._failed).run()
        self._update_buttons()

    def _created(self, result: tuple[Workspace, str]) -> None:
        self.busy.hide()
        self.workspace, key = result
        self.passphrase_page.clear()
        self.recovery_page.set_key(key)
        self.vault_created.emit()
        self._show_step(2)

    def _failed(self, exc: BaseException) -> None:
        self.busy.hide()
        self.error.setText(message_for(exc))
        self._update_buttons()
