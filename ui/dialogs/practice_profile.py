"""Edit the practice profile after setup."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.practice import practice_profile, save_practice_profile
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
        self.original = workspace.do(practice_profile)
        self.form.set_profile(self.original)
        self.telehealth_pos, self.telehealth_modifier, billing = self._telehealth_box()
        self.error = QLabel()
        self.error.setObjectName("error")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(billing)
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
        profile.telehealth_pos = str(self.telehealth_pos.currentData())
        profile.telehealth_modifier = self.telehealth_modifier.text().strip().upper()
        try:
            self.workspace.do(save_practice_profile, profile)
        except Exception as exc:
            self.error.setText(message_for(exc))
            return
        self.accept()

    def _telehealth_box(self) -> tuple[QComboBox, QLineEdit, QGroupBox]:
        """How telehealth sessions are billed: place of service and modifier."""
        pos = QComboBox()
        pos.addItem("10 — telehealth in the client's home", "10")
        pos.addItem("02 — telehealth elsewhere", "02")
        pos.setCurrentIndex(max(0, pos.findData(self.original.telehealth_pos)))
        modifier = QLineEdit(self.original.telehealth_modifier, maxLength=2)
        modifier.setPlaceholderText("none")
        modifier.setToolTip("Added to telehealth lines on superbills (usually 95).")
        box = QGroupBox("Telehealth billing")
        form = QFormLayout(box)
        form.addRow("Place of service", pos)
        form.addRow("Modifier", modifier)
        return pos, modifier, box
