"""The row of essentials under a client's name: age, diagnosis, next appointment, balance, last
note, measures due (see app.client_header)."""

from __future__ import annotations

from datetime import tzinfo

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from app.client_header import ClientHeader
from models.note import NoteStatus
from ui.timefmt import date_text, hm, weekday_date_text
from ui.widgets import named

PARTS = ("Age", "Diagnosis", "Next appointment", "Balance", "Last note", "Measures due")
WRAPPED = ("Diagnosis", "Measures due")


class ClientFacts(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clientFacts")
        self.values: dict[str, QLabel] = {}
        self.labels: dict[str, QLabel] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 4, 0, 8)
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(0)
        for column, part in enumerate(PARTS):
            label = named(QLabel(part), "factLabel")
            value = named(QLabel(), "factValue")
            value.setTextFormat(Qt.TextFormat.PlainText)
            # Long texts wrap rather than widen the window; the rest keep to one line.
            value.setWordWrap(part in WRAPPED)
            value.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(label, 0, column)
            grid.addWidget(value, 1, column)
            self.labels[part], self.values[part] = label, value
        grid.setColumnStretch(PARTS.index("Diagnosis"), 1)  # the room left goes to it

    def show_header(self, header: ClientHeader, tz: tzinfo) -> None:
        nxt = header.next_appointment
        last = header.last_note
        texts: dict[str, str] = {
            "Age": str(header.age) if header.age is not None else "—",
            "Diagnosis": header.diagnosis or "None on file",
            "Next appointment": (f"{weekday_date_text(nxt.start.astimezone(tz).date())} "
                                 f"{hm(nxt.start, tz)}" if nxt else "None scheduled"),
            "Balance": (f"${header.balance:,.2f} owed" if header.balance > 0 else
                        f"${-header.balance:,.2f} credit" if header.balance < 0 else "Paid up"),
            "Last note": (f"{date_text(last.date_of_service)}, "
                          f"{'signed' if last.status is NoteStatus.SIGNED else 'draft'}"
                          if last else "None yet"),
            "Measures due": ", ".join(header.measures_due) or "None due",
        }
        attention = {"Balance": header.balance > 0,
                     "Last note": bool(last and last.status is NoteStatus.DRAFT),
                     "Measures due": bool(header.measures_due),
                     "Diagnosis": not header.diagnosis}
        for part, text in texts.items():
            self.values[part].setText(text)
            self.values[part].setProperty("attention", attention.get(part, False))
            self.values[part].style().unpolish(self.values[part])
            self.values[part].style().polish(self.values[part])
