"""The therapist types a measure in: one key per item, the total and band live, Enter saves.

A positive risk item shows in red the moment it is keyed, and again as a warning once saved.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.measures.catalog import instrument
from app.measures.entry import ScoredResponse, record_measure
from app.workspace import Workspace
from models.errors import StillnoteError
from models.measures.safety import positive_screens
from models.measures.scoring import score
from models.measures.wording import total_phrase
from ui.date_fields import DATE_FORMAT, date_edit, to_date
from ui.errors import message_for
from ui.measures.alerts import show_risk_alerts
from ui.measures.events import measure_events
from ui.measures.item_board import ItemBoard
from ui.widgets import error_label, hint_label, named

RISK_STYLE = ("QLabel#riskBanner { background: #fbe3e1; color: #7a1c14; font-weight: 600; "
              "border: 1px solid #e6a59e; border-radius: 6px; padding: 8px 10px; }")


class MeasureEntryDialog(QDialog):
    """``saved(ScoredResponse)`` once the administration is stored."""

    saved = Signal(object)

    def __init__(self, workspace: Workspace, client_id: int, instrument_key: str,
                 on: date, appointment_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.client_id = client_id
        self.appointment_id = appointment_id
        self.measure = instrument(instrument_key)
        self.recorded: ScoredResponse | None = None
        self.setWindowTitle(f"Enter {self.measure.name}")
        self.setModal(True)
        self.resize(760, 720)
        self.board = ItemBoard(self.measure, parent=self)
        scroll = QScrollArea()
        scroll.setWidget(self.board)
        scroll.setWidgetResizable(True)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.board.keep_visible(scroll)
        self.day = date_edit(on, DATE_FORMAT)
        self.day.setMaximumDate(self.day.date())  # never a day in the future
        self.total = named(QLabel(), "measureTotal")
        self.risk = named(QLabel(), "riskBanner")
        self.risk.setStyleSheet(RISK_STYLE)
        self.risk.setWordWrap(True)
        self.risk.hide()
        self.error = error_label()
        keys = "0–1 or Y/N" if len(self.measure.items[0].options) == 2 else \
            f"0–{max(o.value for o in self.measure.items[0].options)}"
        help_line = hint_label(f"{self.measure.instructions}  Keys: {keys} answers and moves on; "
                               "Backspace goes back; Delete clears; Enter saves.")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        for button in buttons.buttons():
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Enter saves from the board
        top = QHBoxLayout()
        top.addWidget(QLabel(self.measure.title), 1)
        top.addWidget(QLabel("Given on"))
        top.addWidget(self.day)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(help_line)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.risk)
        layout.addWidget(self.total)
        layout.addWidget(hint_label(self.measure.attribution))
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.board.changed.connect(self._update)
        self._update()

    def _update(self) -> None:
        answers = self.board.answers
        result = score(self.measure, answers)
        self.total.setText(f"{self.measure.name}: {total_phrase(self.measure, result)}"
                           if answers else f"{self.measure.name}: no item answered yet")
        screens = positive_screens(self.measure, answers, to_date(self.day.date()))
        self.risk.setText("⚠ " + "; ".join(s.sentence() for s in screens)
                          + ". Assess risk before the client leaves." if screens else "")
        self.risk.setVisible(bool(screens))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt name)
        super().showEvent(event)
        self.board.setFocus()  # the keys answer items from the first moment

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt name)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.save()
            return
        super().keyPressEvent(event)

    def save(self) -> None:
        try:
            self.recorded = self.workspace.do(
                record_measure, self.client_id, self.measure.key, dict(self.board.answers),
                to_date(self.day.date()), appointment_id=self.appointment_id)
        except StillnoteError as exc:
            self.error.setText(message_for(exc))
            return
        measure_events().recorded.emit(self.client_id)
        self.saved.emit(self.recorded)
        self.accept()
        show_risk_alerts(self.parentWidget(), self.recorded)
