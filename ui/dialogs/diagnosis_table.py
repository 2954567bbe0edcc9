"""Edit a client's ICD-10 diagnoses; exactly one is primary."""

from __future__ import annotations

import re

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

from models.client import Diagnosis

ICD10 = re.compile(r"^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$")


class DiagnosisTable(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(("ICD-10 code", "Description", "Primary"))
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(120)
        self.add_button = QPushButton("Add diagnosis")
        self.remove_button = QPushButton("Remove")
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(row)
        self.add_button.clicked.connect(lambda: self.add_row(Diagnosis(code=""), edit=True))
        self.remove_button.clicked.connect(self._remove)
        self.table.itemChanged.connect(self._item_changed)

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
            if not ICD10.match(code):
                return [], f"“{code or '(empty)'}” is not an ICD-10 code such as F41.1."
            result.append(Diagnosis(code=code, description=description,
                                    is_primary=bool(primary and primary.checkState()
                                                    == Qt.CheckState.Checked)))
        if result and not any(d.is_primary for d in result):
            result[0].is_primary = True
        return result, None
