"""Settings that make the app one's own: how it looks (this device) and the practice's defaults
(note format, working hours, what signing asks for)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QTimeEdit,
    QWidget,
)

from app.practice import practice_profile, save_practice_profile
from app.settings import DeviceSettings, save_settings
from app.sign_check import SignCheck, set_sign_check, sign_check
from app.workspace import Workspace
from models.common import DATE_STYLES, set_date_style
from models.note import NoteFormat
from ui import theme
from ui.errors import show_error
from ui.widgets import hint_label

WEEKDAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
SIGN_CHOICES = ((SignCheck.NONE, "Nothing more (the unlocked practice is enough)"),
                (SignCheck.PASSPHRASE, "My passphrase"), (SignCheck.PIN, "A PIN"))


def _example(style: str) -> str:
    """ "DD/MM/YYYY  (01/12/2026)": the format, and a date in it."""
    fmt, hint = DATE_STYLES[style]
    return f"{hint}  ({date(2026, 12, 1).strftime(fmt)})"


class AppearanceBox(QGroupBox):
    """Theme, text size and date format of this device; ``changed`` after each change."""

    changed = Signal()

    def __init__(self, settings: DeviceSettings, parent: QWidget | None = None) -> None:
        super().__init__("Appearance", parent)
        self.settings = settings
        self.theme = QComboBox()
        for key, label in theme.THEMES:
            self.theme.addItem(label, key)
        self.text_size = QComboBox()
        for percent in theme.TEXT_SCALES:
            self.text_size.addItem(f"{percent} %" + ("  (normal)" if percent == 100 else ""),
                                   percent)
        self.date_style = QComboBox()
        self.date_style.addItem("As this computer's language does", "")
        for style in DATE_STYLES:
            self.date_style.addItem(_example(style), style)
        self.theme.setCurrentIndex(max(self.theme.findData(settings.theme), 0))
        self.text_size.setCurrentIndex(max(self.text_size.findData(settings.text_scale), 1))
        self.date_style.setCurrentIndex(max(self.date_style.findData(settings.date_style), 0))
        form = QFormLayout(self)
        form.addRow("Theme", self.theme)
        form.addRow("Text size", self.text_size)
        form.addRow("Dates", self.date_style)
        form.addRow("", hint_label("Dates read this way on every page and in note PDFs. "
                                   "File names always start with the year."))
        for box in (self.theme, self.text_size, self.date_style):
            box.setMaximumWidth(320)
            box.currentIndexChanged.connect(self._changed)

    def _changed(self, _index: int) -> None:
        self.settings.theme = str(self.theme.currentData())
        self.settings.text_scale = int(self.text_size.currentData())
        self.settings.date_style = str(self.date_style.currentData() or "")
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme.apply(app, self.settings.theme, self.settings.text_scale)
        set_date_style(self.settings.date_style)
        try:
            save_settings(self.settings)
        except Exception as exc:
            show_error(self, exc)
        self.changed.emit()


class PracticeDefaultsBox(QGroupBox):
    """The practice's default note format, working hours and days, and what signing asks."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__("Notes and calendar", parent)
        self.workspace = workspace
        self.note_format = QComboBox()
        for f in NoteFormat:
            self.note_format.addItem(f.value.upper(), f.value)
        self.day_start = QTimeEdit()
        self.day_end = QTimeEdit()
        for edit in (self.day_start, self.day_end):
            edit.setDisplayFormat("HH:mm")
        hours = QHBoxLayout()
        hours.addWidget(self.day_start)
        hours.addWidget(QLabel("to"))
        hours.addWidget(self.day_end)
        hours.addStretch(1)
        self.day_boxes = [QCheckBox(name) for name in WEEKDAY_NAMES]
        days = QHBoxLayout()
        for box in self.day_boxes:
            days.addWidget(box)
        days.addStretch(1)
        self.sign_mode = QComboBox()
        for mode, label in SIGN_CHOICES:
            self.sign_mode.addItem(label, str(mode))
        self.sign_hint = hint_label()
        form = QFormLayout(self)
        form.addRow("New notes start as", self.note_format)
        form.addRow("", hint_label("A client's own choice (Edit client → Contact and "
                                   "referral) comes first, then the format of their last note."))
        form.addRow("Working hours", hours)
        form.addRow("Working days", days)
        form.addRow("To sign a note, ask for", self.sign_mode)
        form.addRow("", self.sign_hint)
        self.note_format.setMaximumWidth(200)
        self.sign_mode.setMaximumWidth(380)
        self.refresh()
        self.note_format.currentIndexChanged.connect(lambda _i: self.save_profile())
        self.day_start.editingFinished.connect(self.save_profile)
        self.day_end.editingFinished.connect(self.save_profile)
        for box in self.day_boxes:
            box.toggled.connect(lambda _on: self.save_profile())
        self.sign_mode.activated.connect(self._sign_mode_chosen)

    def refresh(self) -> None:
        profile = self.workspace.do(practice_profile)
        widgets = (self.note_format, self.day_start, self.day_end, *self.day_boxes,
                   self.sign_mode)
        for widget in widgets:
            widget.blockSignals(True)
        self.note_format.setCurrentIndex(max(self.note_format.findData(
            profile.default_note_format), 0))
        first, last = profile.work_hours()
        self.day_start.setTime(QTime(first.hour, first.minute))
        self.day_end.setTime(QTime(last.hour, last.minute))
        for number, box in enumerate(self.day_boxes, start=1):
            box.setChecked(str(number) in profile.working_days)
        mode = self.workspace.do(sign_check)
        self.sign_mode.setCurrentIndex(max(self.sign_mode.findData(str(mode)), 0))
        self._show_sign_hint(mode)
        for widget in widgets:
            widget.blockSignals(False)

    def save_profile(self) -> None:
        start, end = self.day_start.time(), self.day_end.time()
        if end <= start:
            self.day_end.setTime(start.addSecs(3600))
            end = self.day_end.time()
        hours = (f"{time(start.hour(), start.minute()):%H:%M}-"
                 f"{time(end.hour(), end.minute()):%H:%M}")
        days = "".join(str(n) for n, box in enumerate(self.day_boxes, start=1) if box.isChecked())
        try:
            profile = self.workspace.do(practice_profile)
            self.workspace.do(save_practice_profile, replace(
                profile, default_note_format=str(self.note_format.currentData()),
                working_hours=hours, working_days=days))
        except Exception as exc:
            show_error(self, exc)

    def _sign_mode_chosen(self, _index: int) -> None:
        mode = SignCheck(self.sign_mode.currentData())
        pin = ""
        if mode is SignCheck.PIN:
            pin, ok = QInputDialog.getText(self, "Signing PIN", "A PIN of 4 to 12 digits, "
                                           "asked for each time you sign:",
                                           QLineEdit.EchoMode.Password)
            if not ok:
                self.refresh()
                return
        self.set_sign_mode(mode, pin)

    def set_sign_mode(self, mode: SignCheck, pin: str = "") -> bool:
        try:
            self.workspace.do(set_sign_check, mode, pin)
        except Exception as exc:
            show_error(self, exc)
            self.refresh()
            return False
        self.refresh()
        return True

    def _show_sign_hint(self, mode: SignCheck) -> None:
        self.sign_hint.setText({
            SignCheck.NONE: "Signing needs only the sign dialog's confirmation.",
            SignCheck.PASSPHRASE: "The sign dialog asks for the practice's passphrase.",
            SignCheck.PIN: "The sign dialog asks for your PIN (kept encrypted in the practice)."
        }[mode])

