"""What to look at before signing: verifier flags (acknowledge / insert) and completeness gaps."""

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

from models.flags import Flag, FlagKind
from ui.widgets import named

KIND_LABELS = {
    FlagKind.UNGROUNDED: "Not supported by your prompt",
    FlagKind.LOST_FACT: "Left out of the draft",
    FlagKind.RISK_NOT_ASSESSED: "Risk",
    FlagKind.EMPTY_FIELD: "Empty field",
    FlagKind.NO_MODEL: "No model",
    FlagKind.FIELD_TRUNCATED: "Shortened",
    FlagKind.CANCELLED: "Cancelled",
}


class FlagRow(QWidget):
    def __init__(self, index: int, flag: Flag, resolved: bool, panel: ReviewPanel) -> None:
        super().__init__(panel)
        self.index = index
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        text = flag.text
        label = QLabel()
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        shown = f"{KIND_LABELS.get(flag.kind, str(flag.kind))}: {flag.message}"
        if text:
            shown += f"\n“{text}”"
        label.setText(shown)
        label.setToolTip(flag.message)
        layout.addWidget(label, 1)
        done = flag.acknowledged or resolved
        if flag.kind is FlagKind.LOST_FACT and text and not done:
            insert = named(QPushButton("Insert"), f"insert_{index}")
            insert.clicked.connect(lambda: panel.insert_requested.emit(index))
            layout.addWidget(insert)
        if done:
            state = QLabel("resolved" if resolved else "acknowledged")
            state.setObjectName(f"state_{index}")
            layout.addWidget(state)
        else:
            ack = named(QPushButton("Acknowledge"), f"ack_{index}")
            ack.clicked.connect(lambda: panel.acknowledge_requested.emit(index))
            layout.addWidget(ack)
        if done:
            label.setStyleSheet("color: #777;")


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
        layout.addStretch(1)
        self.rows: list[FlagRow] = []

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
        pending = sum(1 for f, r in zip(flags, resolved, strict=True)
                      if not f.acknowledged and not r)
        self.flags_title.setText(f"<b>Review</b> — {pending} to check" if flags
                                 else "<b>Review</b> — nothing flagged")
        self.ack_all.setEnabled(pending > 0)

    def set_gaps(self, messages: Sequence[str]) -> None:
        self.gaps_label.setText("\n".join(f"• {m}" for m in messages) if messages
                                else "Nothing: the note is complete.")

    def set_read_only(self, read_only: bool) -> None:
        for row in self.rows:
            for button in row.findChildren(QPushButton):
                button.setEnabled(not read_only)
        self.ack_all.setEnabled(not read_only and self.ack_all.isEnabled())
