"""Edit the practice profile after setup."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from app.workspace import Workspace
from ui.errors import message_for
from ui.setup.profile_form import PracticeProfileForm


class PracticeProfileDialog(QDialog):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.setWindowTitle("Practice profile")
        self.setModal(True)
        self.form = PracticeProfileForm()
        self.original = workspace.practice()
        self.form.set_profile(self.original)
        self.error = QLabel()
        self.error.setObjectName("error")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def save(self) -> None:
        problem = self.form.problem()
        if problem:
            self.error.setText(problem)
            return
        profile = self.form.profile()
        # Fields the form does not show are kept as they were.
        profile.email = self.original.email
        profile.telehealth_pos = self.original.telehealth_pos
        profile.telehealth_modifier = self.original.telehealth_modifier
        try:
            self.workspace.vault.practice.save(profile)
        except Exception as exc:
            self.error.setText(message_for(exc))
            return
        self.accept()
