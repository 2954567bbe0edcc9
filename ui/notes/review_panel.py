"""What to look at before signing: flags that need the therapist (acknowledge / insert), what
the draft only reports (no model, cancelled), and what the note still lacks.

The panel is the one judge of readiness: ``readiness()`` is what the note window's status bar
shows, so the two always agree, and "complete" appears only when nothing stands in the way.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.flags import Flag, FlagKind, needs_attention
from ui.notes.flag_words import advice
from ui.widgets import named


def _repolish(widget: QWidget) -> None:
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class FlagRow(QWidget):
    def __init__(self, index: int, flag: Flag, resolved: bool, panel: ReviewPanel) -> None:
        super().__init__(panel)
        self.index = index
        self.flag = flag
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        text = flag.text
        words = QVBoxLayout()
        self.advice = named(QLabel(advice(flag)), "flagAdvice")
        self.advice.setWordWrap(True)
        self.advice.setTextFormat(Qt.TextFormat.PlainText)
        label = named(QLabel(), "flagText")
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        detail = flag.message
        if text and flag.kind is not FlagKind.EMPTY_FIELD:
            detail += f"\n“{text}”"
        label.setText(detail)
        label.setToolTip(flag.message)
        words.addWidget(self.advice)
        words.addWidget(label)
        layout.addLayout(words, 1)
        self.label = label
        attention = needs_attention(flag.kind)
        done = flag.acknowledged or resolved
        if attention and flag.kind is FlagKind.LOST_FACT and text and not done:
            insert = named(QPushButton("Insert"), f"insert_{index}")
            insert.setToolTip("Put this fact back into the note")
            insert.clicked.connect(lambda: panel.insert_requested.emit(index))
            layout.addWidget(insert)
        if not attention:
            pass  # it only reports what happened: nothing to press
        elif done:
            state = QLabel("resolved" if resolved else "acknowledged")
            state.setObjectName(f"state_{index}")
            layout.addWidget(state)
        else:
            ack = named(QPushButton("Acknowledge"), f"ack_{index}")
            ack.setToolTip("You looked at it and it is right as it is")
            ack.clicked.connect(lambda: panel.acknowledge_requested.emit(index))
            layout.addWidget(ack)
        if done or not attention:
            for widget in (label, self.advice):
                widget.setProperty("done", True)
                _repolish(widget)


class ReviewPanel(QWidget):
    insert_requested = Signal(int)
    acknowledge_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.flags_title = QLabel("<b>Review</b>")
        layout.addWidget(self.flags_title)
        self.flags_box = QVBoxLayout()
        layout.addLayout(self.flags_box)
        self.ack_all = named(QPushButton("Acknowledge all remaining"), "ack_all")
        layout.addWidget(self.ack_all)
        layout.addWidget(QLabel("<b>Still missing before signing</b>"))
        self.gaps_label = named(QLabel(), "gaps")
        self.gaps_label.setWordWrap(True)
        self.gaps_label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.gaps_label)
        # Reminders that do not hold signing (the client's treatment plan: ui/documents).
        self.notices_label = named(QLabel(), "notices")
        self.notices_label.setWordWrap(True)
        self.notices_label.setTextFormat(Qt.TextFormat.PlainText)
        self.notices_label.setVisible(False)
        layout.addWidget(self.notices_label)
        layout.addStretch(1)
        self.rows: list[FlagRow] = []
        self.pending = 0
        self.gaps: list[str] = []
        self.signed = False
        self.set_flags([], [])

    def set_flags(self, flags: Sequence[Flag], resolved: Sequence[bool]) -> None:
        for row in self.rows:
            self.flags_box.removeWidget(row)
            row.hide()
            row.setParent(None)  # gone from the panel now; deleted once its click has returned
            row.deleteLater()
        self.rows = [FlagRow(i, f, r, self) for i, (f, r) in enumerate(zip(flags, resolved,
                                                                              strict=True))]
        for row in self.rows:
            self.flags_box.addWidget(row)
        self.pending = sum(1 for f, r in zip(flags, resolved, strict=True)
                           if needs_attention(f.kind) and not f.acknowledged and not r)
        self.flags_title.setText(f"<b>Review</b> — {self.pending} to check" if self.pending
                                 else "<b>Review</b> — nothing to check")
        self.ack_all.setEnabled(self.pending > 0)
        self.ack_all.setVisible(self.pending > 1)

    def set_gaps(self, messages: Sequence[str]) -> None:
        self.gaps = list(messages)
        self.gaps_label.setText("\n".join(f"• {m}" for m in messages) if messages
                                else "Nothing: the note is complete.")

    def readiness(self) -> tuple[bool, str]:
        """(ready to sign, one line for the status bar), from what the panel shows."""
        if self.signed:
            return True, "Signed and locked"
        if not self.gaps:
            return True, "Complete: ready to sign"
        parts = []
        if self.pending:
            parts.append(f"{self.pending} to check")
        missing = len(self.gaps) - (1 if self.pending else 0)  # the gap list counts the flags
        if missing:
            parts.append(f"{missing} missing before signing")
        return False, " · ".join(parts)

    def set_read_only(self, read_only: bool) -> None:
        self.signed = read_only
        for row in self.rows:
            for button in row.findChildren(QPushButton):
                button.setEnabled(not read_only)
        self.ack_all.setEnabled(not read_only and self.ack_all.isEnabled())

    def set_notices(self, messages: Sequence[str]) -> None:
        """Worth knowing before signing, though signing need not wait for it."""
        self.notices_label.setText("\n".join(f"Note: {m}" for m in messages))
        self.notices_label.setVisible(bool(messages))
