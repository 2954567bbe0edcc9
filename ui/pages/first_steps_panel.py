"""Today's "first steps" card for a new practice: add a client, book a session (the fees have
billing's own notice just below).

Each step says whether it is done and has the button that does it; the card goes away once all
are done, or when hidden. It emits what was asked for; the main view takes the therapist there.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.first_steps import FirstSteps
from ui.widgets import hint_label

STEPS = (
    ("has_client", "Add your first client", "Add client…", "add_client"),
    ("has_appointment", "Schedule the first appointment", "New appointment…",
     "new_appointment"),
)


class FirstStepsPanel(QWidget):
    add_client = Signal()
    new_appointment = Signal()
    hide_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstSteps")
        title = QLabel("Getting started")
        title.setObjectName("cardTitle")
        self.marks: dict[str, QLabel] = {}
        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        for row, (key, text, button_text, signal_name) in enumerate(STEPS):
            mark = QLabel()
            mark.setObjectName("stepMark")
            button = QPushButton(button_text)
            button.clicked.connect(getattr(self, signal_name).emit)
            grid.addWidget(mark, row, 0)
            grid.addWidget(QLabel(text), row, 1)
            grid.addWidget(button, row, 2)
            self.marks[key], self.buttons[key] = mark, button
        grid.setColumnStretch(1, 1)
        self.hide_button = QPushButton("Hide these steps")
        self.hide_button.setObjectName("quiet")
        self.hide_button.clicked.connect(self.hide_requested)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(hint_label("A few things to do once; each can also be done later "
                                    "from its page."))
        layout.addLayout(grid)
        layout.addWidget(self.hide_button)

    def show_steps(self, steps: FirstSteps) -> None:
        first_open = True
        for key, *_rest in STEPS:
            done = bool(getattr(steps, key))
            self.marks[key].setText("✓" if done else "○")
            self.marks[key].setToolTip("Done" if done else "Still to do")
            self.buttons[key].setEnabled(not done)
            self.buttons[key].setObjectName("primary" if not done and first_open else "")
            self.buttons[key].style().unpolish(self.buttons[key])
            self.buttons[key].style().polish(self.buttons[key])
            first_open = first_open and done
        self.setVisible(steps.shown)
