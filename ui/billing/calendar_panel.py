"""Calendar export from the window: a one-off .ics, and the file kept current automatically."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.calendar.ics import export_calendar
from app.calendar.subscription import keep_calendar_file
from app.export_names import calendar_name
from app.workspace import Workspace
from ui.billing.common import StatusLine
from ui.date_fields import DATE_FORMAT, date_edit, to_date
from ui.errors import message_for
from ui.widgets import button_row

NAMES_WARNING = ("Client names will be in the file. Calendar apps copy it to cloud services; "
                 "anyone who can see that calendar will see who you see.")


def _warning_label() -> QLabel:
    label = QLabel("⚠ " + NAMES_WARNING)
    label.setWordWrap(True)
    label.setStyleSheet("color: #a63a3a;")
    label.setVisible(False)
    return label


class CalendarPanel(QWidget):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        today = date.today()
        self.only_range = QCheckBox("Only from … to …")
        self.start = date_edit(today - timedelta(days=30), DATE_FORMAT)
        self.end = date_edit(today + timedelta(days=180), DATE_FORMAT)
        for edit in (self.start, self.end):
            edit.setEnabled(False)
            self.only_range.toggled.connect(edit.setEnabled)
        self.include_names = QCheckBox("Include client names in event titles")
        self.names_warning = _warning_label()
        self.include_names.toggled.connect(self.names_warning.setVisible)
        self.export_button = QPushButton("Export .ics…")
        self.export_button.clicked.connect(self.choose_file)
        once = QGroupBox("Export once")
        form = QFormLayout(once)
        range_row = QHBoxLayout()
        for w in (self.only_range, self.start, self.end):
            range_row.addWidget(w)
        form.addRow(range_row)
        form.addRow(self.include_names)
        form.addRow(self.names_warning)
        form.addRow(button_row(self.export_button))

        self.auto_path = QLabel()
        self.auto_path.setWordWrap(True)
        self.auto_choose = QPushButton("Choose file…")
        self.auto_choose.clicked.connect(self.choose_auto_file)
        self.auto_off = QPushButton("Turn off")
        self.auto_off.clicked.connect(lambda: self.set_auto_export(""))
        self.auto_names = QCheckBox("Include client names in the kept file")
        self.auto_names_warning = _warning_label()
        self.auto_names.toggled.connect(self.auto_names_warning.setVisible)
        self.auto_names.toggled.connect(self._auto_names_changed)
        auto = QGroupBox("Keep a calendar file up to date (for a calendar app to subscribe to)")
        auto_layout = QVBoxLayout(auto)
        auto_layout.addWidget(self.auto_path)
        auto_layout.addLayout(button_row(self.auto_choose, self.auto_off))
        auto_layout.addWidget(self.auto_names)
        auto_layout.addWidget(self.auto_names_warning)

        self.status = StatusLine()
        layout = QVBoxLayout(self)
        layout.addWidget(once)
        layout.addWidget(auto)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.refresh()

    def refresh(self) -> None:
        settings = self.workspace.settings
        path = settings.ics_auto_export_path
        self.auto_path.setText(f"Rewritten after every change: {path}" if path
                               else "Off: no file is kept up to date.")
        self.auto_off.setEnabled(bool(path))
        self.auto_names.blockSignals(True)
        self.auto_names.setChecked(settings.ics_include_names)
        self.auto_names.blockSignals(False)
        self.auto_names_warning.setVisible(settings.ics_include_names)

    # -- once ----------------------------------------------------------------------------------
    def choose_file(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "Export the calendar",
                                              str(Path.home() / calendar_name()),
                                              "Calendar files (*.ics)")
        if name:
            self.export_to(Path(name))

    def export_to(self, out: Path) -> int | None:
        first = last = None
        if self.only_range.isChecked():
            first, last = to_date(self.start.date()), to_date(self.end.date())
        try:
            count = self.workspace.do(export_calendar, out, first, last,
                                      include_names=self.include_names.isChecked())
        except Exception as exc:
            self.status.problem(message_for(exc))
            return None
        self.status.ok(f"Saved {count} event{'s' if count != 1 else ''} to {out}.")
        return count

    # -- kept up to date -----------------------------------------------------------------------
    def choose_auto_file(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "Calendar file to keep up to date",
                                              str(Path.home() / calendar_name()),
                                              "Calendar files (*.ics)")
        if name:
            self.set_auto_export(name)

    def set_auto_export(self, path: str) -> None:
        self._keep_file(path=path)

    def _auto_names_changed(self, checked: bool) -> None:
        self._keep_file(include_names=checked)

    def _keep_file(self, *, path: str | None = None, include_names: bool | None = None) -> None:
        try:
            written = self.workspace.do(keep_calendar_file, self.workspace.settings, path=path,
                                        include_names=include_names)
        except Exception as exc:
            self.status.problem(message_for(exc))
        else:
            self.status.ok(f"{written} is up to date." if written
                           else "The calendar file is no longer kept up to date.")
        self.refresh()
