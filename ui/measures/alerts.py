"""A positive risk screen reaches the therapist at once: a warning that names the answer and
what follows from it (the risk list, and the note that cannot be signed until it is addressed)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from app.measures.entry import ScoredResponse

RISK_TITLE = "Positive risk screen"


def risk_message(given: ScoredResponse) -> str:
    lines = [f"{s.sentence()}." for s in given.screens]
    lines.append("The client is on the risk follow-up list. Assess risk now; this session's "
                 "note cannot be signed until its risk assessment addresses the screen.")
    return "\n\n".join(lines)


def blank_risk_message(given: ScoredResponse) -> str:
    items = ", ".join(given.blank_risk)
    return (f"{given.instrument.name}: the risk item{'s' if len(given.blank_risk) > 1 else ''} "
            f"{items} {'were' if len(given.blank_risk) > 1 else 'was'} left blank. "
            "Ask about it before the session ends.")


def show_risk_alerts(parent: QWidget | None, given: ScoredResponse) -> None:
    """Warn about positive risk items, and about risk items left blank (never silent)."""
    if given.screens:
        QMessageBox.warning(parent, RISK_TITLE, risk_message(given))
    elif given.blank_risk:
        QMessageBox.information(parent, "Risk item left blank", blank_risk_message(given))
