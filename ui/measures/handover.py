"""Hand the laptop to the client: a full-screen form that shows only the questionnaire (large
type, one item at a time or all at once) and nothing else of the practice. Every other window
of Stillnote is hidden while it is up; it closes only with the vault passphrase or the
hand-over PIN, or when the practice locks (then the answers given so far are kept).
"""

from __future__ import annotations

import logging
from datetime import date

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.measures.catalog import instrument
from app.measures.entry import ScoredResponse, record_measure
from app.measures.handover import HandoverExit
from app.workspace import Workspace
from models.errors import StillnoteError, bug_description
from models.measures.records import Source
from ui.measures import open_forms
from ui.measures.events import measure_events
from ui.measures.item_board import ItemBoard
from ui.widgets import named
from ui.worker import Operation

log = logging.getLogger(__name__)

LARGE_STYLE = """
#handover QWidget { font-size: 20pt; }
#handover QLabel#handoverHint, #handover QLabel#attribution { font-size: 11pt; color: #5b666c; }
#handover QPushButton#optionButton { font-size: 17pt; padding: 14px 10px; }
#handover QPushButton#optionButton:checked { background: #2f6f6d; color: white; }
#handover QPushButton#therapistButton { font-size: 10pt; color: #5b666c; }
"""
THANKS = "Thank you. Please hand the laptop back to your therapist."


class _MeasurePage(QWidget):
    def __init__(self, key: str, one_at_a_time: bool) -> None:
        super().__init__()
        self.measure = instrument(key)
        self.board = ItemBoard(self.measure, large=True, one_at_a_time=one_at_a_time)
        scroll = QScrollArea()
        scroll.setWidget(self.board)
        scroll.setWidgetResizable(True)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.board.keep_visible(scroll)
        self.progress = named(QLabel(), "handoverHint")
        title = QLabel(self.measure.title)
        title.setWordWrap(True)
        instructions = QLabel(self.measure.instructions)
        instructions.setWordWrap(True)
        attribution = named(QLabel(self.measure.attribution), "attribution")
        attribution.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(instructions)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.progress)
        layout.addWidget(attribution)
        self.board.changed.connect(self.update_progress)
        self.board.moved.connect(self.update_progress)
        self.update_progress()

    def update_progress(self) -> None:
        self.progress.setText(f"Question {self.board.position} of {self.board.asked_count}. "
                              "You may leave a question blank.")


class HandoverForm(QWidget):
    """``finished(list of ScoredResponse)`` after the therapist opened it with the secret."""

    finished = Signal(list)

    def __init__(self, workspace: Workspace, client_id: int, instrument_keys: list[str],
                 exit_check: HandoverExit, on: date, *, appointment_id: int | None = None,
                 one_at_a_time: bool = True) -> None:
        flags = (Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint
                 | Qt.WindowType.WindowStaysOnTopHint)
        super().__init__(None, flags)
        self.setObjectName("handover")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setStyleSheet(LARGE_STYLE)
        self.setWindowTitle("Stillnote — Questionnaire")  # no name: the task bar shows it
        self.workspace = workspace
        self.client_id = client_id
        self.appointment_id = appointment_id
        self.day = on
        self.exit_check = exit_check
        self.results: list[ScoredResponse] = []
        self._may_close = False
        self._saved = False
        self._hidden: list[QWidget] = []
        self.checking: Operation | None = None
        self.pages = [_MeasurePage(key, one_at_a_time) for key in instrument_keys]
        self.stack = QStackedWidget()
        for page in self.pages:
            self.stack.addWidget(page)
        self.stack.addWidget(self._exit_page())
        self.back_button = QPushButton("◀  Back")
        self.next_button = QPushButton("Next  ▶")
        self.done_button = QPushButton("Done")
        self.therapist_button = named(QPushButton("Therapist"), "therapistButton")
        self.therapist_button.setToolTip("For your therapist: leave this form")
        for button in (self.back_button, self.next_button, self.done_button,
                       self.therapist_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.nav = QWidget()
        row = QHBoxLayout(self.nav)
        row.addWidget(self.back_button)
        row.addWidget(self.next_button)
        row.addStretch(1)
        row.addWidget(self.done_button)
        top = QHBoxLayout()
        top.addStretch(1)
        top.addWidget(self.therapist_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(60, 24, 60, 30)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.nav)
        self.back_button.clicked.connect(lambda: self.current_board().back())
        self.next_button.clicked.connect(lambda: self.current_board().forward())
        self.done_button.clicked.connect(self.next_measure)
        self.therapist_button.clicked.connect(self.show_exit)
        for page in self.pages:
            page.board.setFocus()
        open_forms.register(self)

    def _exit_page(self) -> QWidget:
        page = QWidget()
        self.thanks = QLabel(THANKS)
        self.thanks.setWordWrap(True)
        self.thanks.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setPlaceholderText("Therapist: passphrase or PIN")
        self.secret.returnPressed.connect(self.try_exit)
        self.exit_button = QPushButton("Continue")
        self.exit_button.clicked.connect(self.try_exit)
        self.back_to_form = QPushButton("Back to the questions")
        self.back_to_form.clicked.connect(lambda: self.show_page(0))
        self.exit_message = named(QLabel(), "handoverHint")
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(self.thanks)
        layout.addWidget(self.secret)
        layout.addWidget(self.exit_button)
        layout.addWidget(self.exit_message)
        layout.addWidget(self.back_to_form)
        layout.addStretch(2)
        return page

    # --- showing ----------------------------------------------------------------------------
    def start(self) -> None:
        """Hide every other Stillnote window, then fill the screen with the form."""
        self._hidden = [w for w in QApplication.topLevelWidgets()
                        if w is not self and w.isVisible()]
        for window in self._hidden:
            window.hide()
        self.showFullScreen()
        self.raise_()
        self.activateWindow()
        self.show_page(0)

    def show_page(self, index: int) -> None:
        self.stack.setCurrentIndex(index)
        on_form = index < len(self.pages)
        self.nav.setVisible(on_form)
        self.therapist_button.setVisible(on_form)
        if on_form:
            page = self.pages[index]
            self.back_button.setVisible(page.board.one_at_a_time)
            self.next_button.setVisible(page.board.one_at_a_time)
            self.done_button.setText("Next questionnaire" if index + 1 < len(self.pages)
                                     else "Done")
            page.board.setFocus()
        else:
            self.secret.setFocus()

    def next_measure(self) -> None:
        index = self.stack.currentIndex()
        self.show_page(index + 1)

    def show_exit(self) -> None:
        self.show_page(len(self.pages))

    def current_board(self) -> ItemBoard:
        return self.pages[min(self.stack.currentIndex(), len(self.pages) - 1)].board

    @property
    def answers(self) -> dict[str, dict[str, int]]:
        return {p.measure.key: dict(p.board.answers) for p in self.pages}

    # --- leaving ----------------------------------------------------------------------------
    def try_exit(self) -> None:
        if self.checking is not None and self.checking.running:
            return
        secret = self.secret.text()
        self.secret.clear()
        self.exit_message.setText("Checking…")
        check = self.exit_check
        self.checking = Operation(lambda: check.opens(secret), self)
        self.checking.success(self._checked).run()

    def _checked(self, opened: object) -> None:
        if not opened:
            self.exit_message.setText("That is not the passphrase or PIN."
                                      if self.exit_check.pin_allowed else
                                      "That is not the passphrase.")
            self.secret.setFocus()
            return
        self.exit_message.setText("")
        self._save()
        self._may_close = True
        self._restore_windows()
        self.finished.emit(list(self.results))
        self.close()

    def release(self) -> None:
        """Keep the answers and allow closing (the practice is locking)."""
        self._save()
        self._may_close = True
        self._restore_windows()

    def _save(self) -> None:
        if self._saved:
            return
        self._saved = True
        for key, given in self.answers.items():
            if not given:
                continue
            try:
                self.results.append(self.workspace.do(
                    record_measure, self.client_id, key, given, self.day,
                    appointment_id=self.appointment_id, source=Source.CLIENT))
            except StillnoteError as exc:
                log.warning("hand-over answers not saved: %s", bug_description(exc))
        if self.results:
            measure_events().recorded.emit(self.client_id)

    def _restore_windows(self) -> None:
        for window in self._hidden:
            if shiboken6.isValid(window):
                window.show()
        self._hidden = []

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt name)
        if event.key() == Qt.Key.Key_Escape:
            event.accept()  # Escape leaves nothing
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt name)
        if not self._may_close:
            event.ignore()  # Alt+F4, the window manager, a stray close(): only the secret opens
            self.show_exit()
            return
        open_forms.forget(self)
        super().closeEvent(event)
