"""The UI boundary for errors: a user's problem is one sentence, our bug is a generic one.

Logs name the exception type only: messages and tracebacks may carry PHI (a client's name in a
value, note text in a local variable), so they never reach a log line or the screen.
"""

from __future__ import annotations

import logging
import sys
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from models.errors import StillnoteError, bug_description

log = logging.getLogger("stillnote.ui")

GENERIC_SENTENCE = (
    "Something went wrong inside Stillnote. Nothing already saved was lost; "
    "please try again, and restart the app if it keeps happening."
)


def message_for(exc: BaseException) -> str:
    """The sentence to show for ``exc``; our bugs are logged by type only."""
    if isinstance(exc, StillnoteError):
        return str(exc) or GENERIC_SENTENCE
    log.error("unexpected error: %s", bug_description(exc))
    return GENERIC_SENTENCE


def show_error(parent: QWidget | None, exc: BaseException, title: str = "Stillnote") -> None:
    """Tell the user what went wrong in one sentence (our bugs: a generic one, type logged)."""
    QMessageBox.warning(parent, title, message_for(exc))


def show_calendar_problem(parent: QWidget | None, problem: str) -> None:
    """After a change was saved: say so if the subscribed calendar file was not rewritten."""
    if problem and parent is not None:
        QMessageBox.warning(parent, "Calendar file", problem)


def _excepthook(exc_type: type[BaseException], exc: BaseException,
                tb: TracebackType | None) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    sentence = message_for(exc)
    if QApplication.instance() is not None:
        QMessageBox.warning(QApplication.activeWindow(), "Stillnote", sentence)


def install_excepthook() -> None:
    """Uncaught exceptions in slots reach the user as a sentence, never as a traceback."""
    sys.excepthook = _excepthook
