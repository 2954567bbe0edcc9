"""Settings > Claim forms: this printer's alignment offsets for the red CMS-1500 form."""

from __future__ import annotations

from PySide6.QtWidgets import QDoubleSpinBox, QFormLayout, QGroupBox, QWidget

from app.pdf.cms1500_pdf import MAX_OFFSET_INCHES
from app.settings import save_settings
from app.workspace import Workspace
from ui.errors import show_error
from ui.widgets import hint_label

HINT = ("Print the values only on plain paper, hold the page over a red form against the "
        "light, and shift until every value sits in its box. Negative values shift left or up.")


def _offset_box() -> QDoubleSpinBox:
    box = QDoubleSpinBox(minimum=-MAX_OFFSET_INCHES, maximum=MAX_OFFSET_INCHES,
                         singleStep=0.02, decimals=2, suffix=" in")
    box.setMaximumWidth(140)
    return box


class ClaimFormSettings(QGroupBox):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__("Claim forms (CMS-1500, red pre-printed form)", parent)
        self.settings = workspace.settings
        self.right = _offset_box()
        self.down = _offset_box()
        self.right.setValue(self.settings.cms1500_offset_right)
        self.down.setValue(self.settings.cms1500_offset_down)
        form = QFormLayout(self)
        form.addRow("Shift right", self.right)
        form.addRow("Shift down", self.down)
        form.addRow("", hint_label(HINT))
        self.right.valueChanged.connect(self._changed)
        self.down.valueChanged.connect(self._changed)

    def _changed(self, _value: float) -> None:
        self.settings.cms1500_offset_right = round(self.right.value(), 2)
        self.settings.cms1500_offset_down = round(self.down.value(), 2)
        try:
            save_settings(self.settings)
        except Exception as exc:
            show_error(self, exc)
