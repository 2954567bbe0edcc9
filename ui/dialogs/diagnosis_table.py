"""Edit a client's ICD-10-CM diagnoses; exactly one is primary, and only billable codes go in.

A code can be typed into the table or found with the ICD-10 picker ("Find code…"); either way it
is checked against the real code set on save, so a category such as F41 is refused in one plain
sentence and the official description fills an empty description cell.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.billing.icd10 import search, validate_billable
from models.client import Diagnosis
from models.errors import InvalidInput
from ui import billing
from ui.widgets import hint_label
from ui.worker import Operation

_warming: Operation | None = None


def _warm_code_set() -> None:
    """Load the code set (about 2 s, once per run) in the background while the client editor
    is filled in, so checking the codes on save does not freeze the window."""
    global _warming
    if _warming is None:
        _warming = Operation(lambda: search("F41.1"), abandon_on_quit=True).run()


class DiagnosisTable(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(("ICD-10 code", "Description", "Primary"))
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        # The code and "Primary" columns fit their header: "ICD-10 code" was cut to "CD-10 cod".
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMinimumHeight(120)
        self.empty_hint = hint_label("No diagnoses yet. “Find code…” searches the ICD-10-CM "
                                     "code set by code or words, e.g. “F41.1” or “anxiety”.")
        self.add_button = QPushButton("Add diagnosis")
        self.find_button = QPushButton("Find code…")
        self.find_button.setToolTip("Search the ICD-10-CM code set by code or words")
        self.remove_button = QPushButton("Remove")
        row = QHBoxLayout()
        row.addWidget(self.find_button)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addWidget(self.empty_hint)
        layout.addLayout(row)
        self.add_button.clicked.connect(lambda: self.add_row(Diagnosis(code=""), edit=True))
        self.find_button.clicked.connect(self.find_code)
        self.remove_button.clicked.connect(self._remove)
        self.table.itemChanged.connect(self._item_changed)
        model = self.table.model()
        model.rowsInserted.connect(self._update_hint)
        model.rowsRemoved.connect(self._update_hint)
        _warm_code_set()

    def _update_hint(self) -> None:
        self.empty_hint.setVisible(self.table.rowCount() == 0)

    def add_row(self, dx: Diagnosis, edit: bool = False) -> None:
        self.table.blockSignals(True)
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(dx.code))
        self.table.setItem(row, 1, QTableWidgetItem(dx.description))
        primary = QTableWidgetItem()
        primary.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
        first = row == 0
        primary.setCheckState(Qt.CheckState.Checked if dx.is_primary or (first and edit)
                              else Qt.CheckState.Unchecked)
        self.table.setItem(row, 2, primary)
        self.table.blockSignals(False)
        if edit:
            self.table.setCurrentCell(row, 0)
            code_item = self.table.item(row, 0)
            if code_item is not None:
                self.table.editItem(code_item)

    def find_code(self) -> None:
        """Pick a billable code; it fills the selected row, or a new row when none is selected."""
        row = self.table.currentRow()
        current = self.table.item(row, 0) if row >= 0 else None
        picked = billing.pick_icd10(self, current.text().strip() if current else "")
        if picked is None:
            return
        if current is None:
            self.add_row(Diagnosis(code=picked.code, description=picked.description))
            return
        description = self.table.item(row, 1)
        current.setText(picked.code)
        if description is not None:
            description.setText(picked.description)

    def _remove(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() != 2 or item.checkState() != Qt.CheckState.Checked:
            return
        self.table.blockSignals(True)
        for row in range(self.table.rowCount()):
            other = self.table.item(row, 2)
            if row != item.row() and other is not None:
                other.setCheckState(Qt.CheckState.Unchecked)
        self.table.blockSignals(False)

    def set_diagnoses(self, diagnoses: list[Diagnosis]) -> None:
        self.table.setRowCount(0)
        for dx in diagnoses:
            self.add_row(dx)

    def diagnoses(self) -> tuple[list[Diagnosis], str | None]:
        """The diagnoses entered and a sentence about the first problem, if any."""
        result: list[Diagnosis] = []
        for row in range(self.table.rowCount()):
            code_item, desc_item, primary = (self.table.item(row, c) for c in range(3))
            code = (code_item.text() if code_item else "").strip().upper()
            description = (desc_item.text() if desc_item else "").strip()
            if not code and not description:
                continue
            if not code:
                return [], "Enter an ICD-10 code for each diagnosis, such as F41.1."
            try:
                billable = validate_billable(code)
            except InvalidInput as exc:
                return [], str(exc)
            code = billable.code
            description = description or billable.description
            result.append(Diagnosis(code=code, description=description,
                                    is_primary=bool(primary and primary.checkState()
                                                    == Qt.CheckState.Checked)))
        if result and not any(d.is_primary for d in result):
            result[0].is_primary = True
        return result, None
