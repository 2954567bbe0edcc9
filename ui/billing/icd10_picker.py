"""ICD-10-CM picker: type a code or words, pick a billable code from the real code set.

The client editor can embed ``Icd10Picker`` (signal ``picked(code, description)``) or call
``pick_icd10(parent)`` for a small modal chooser. Searching runs off the UI thread because the
code set takes a couple of seconds to load the first time.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.billing.icd10 import IcdCode, search
from ui.worker import Operation

DEBOUNCE_MS = 250


class Icd10Picker(QWidget):
    picked = Signal(str, str)  # code, description
    results_changed = Signal(int)  # number of results shown

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.query = QLineEdit()
        self.query.setPlaceholderText("Code or words, e.g. F41.1 or generalized anxiety")
        self.query.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.hint = QLabel("Only billable codes are listed (F41.1, not the category F41).")
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.search_now)
        self._generation = 0
        self.operation: Operation | None = None
        self.query.textChanged.connect(lambda _t: self._timer.start())
        self.query.returnPressed.connect(self._choose_current)
        self.results.itemActivated.connect(self._choose)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.query)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.hint)

    def search_now(self) -> None:
        self._timer.stop()
        text = self.query.text()
        self._generation += 1
        generation = self._generation
        self.hint.setText("Searching…")
        op = Operation(lambda: search(text), self, abandon_on_quit=True)
        op.success(lambda found: self._show(found, generation)).failure(
            lambda _exc: self._show([], generation))
        self.operation = op.run()

    def _show(self, found: list[IcdCode], generation: int) -> None:
        if generation != self._generation:
            return  # a newer query is on its way; this answer is stale
        self.results.clear()
        for code in found:
            item = QListWidgetItem(f"{code.code} — {code.description}")
            item.setData(Qt.ItemDataRole.UserRole, (code.code, code.description))
            self.results.addItem(item)
        if found:
            self.results.setCurrentRow(0)
            self.hint.setText("Only billable codes are listed (F41.1, not the category F41).")
        else:
            self.hint.setText("No billable code matches." if self.query.text().strip()
                              else "Type a code or words.")
        self.results_changed.emit(len(found))

    def current(self) -> IcdCode | None:
        item = self.results.currentItem()
        if item is None:
            return None
        code, description = item.data(Qt.ItemDataRole.UserRole)
        return IcdCode(code, description)

    def _choose_current(self) -> None:
        item = self.results.currentItem()
        if item is not None:
            self._choose(item)

    def _choose(self, item: QListWidgetItem) -> None:
        code, description = item.data(Qt.ItemDataRole.UserRole)
        self.picked.emit(code, description)


class Icd10Dialog(QDialog):
    def __init__(self, parent: QWidget | None = None, initial: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle("Choose a diagnosis (ICD-10-CM)")
        self.resize(560, 420)
        self.picker = Icd10Picker()
        self.chosen: IcdCode | None = None
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept_current)
        buttons.rejected.connect(self.reject)
        self.picker.picked.connect(self._picked)
        layout = QVBoxLayout(self)
        layout.addWidget(self.picker)
        layout.addWidget(buttons)
        if initial:
            self.picker.query.setText(initial)

    def _picked(self, code: str, description: str) -> None:
        self.chosen = IcdCode(code, description)
        self.accept()

    def _accept_current(self) -> None:
        current = self.picker.current()
        if current is not None:
            self._picked(current.code, current.description)


def pick_icd10(parent: QWidget | None = None, initial: str = "") -> IcdCode | None:
    """A modal chooser; the chosen billable code, or None if cancelled."""
    dialog = Icd10Dialog(parent, initial)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        return dialog.chosen
    return None
