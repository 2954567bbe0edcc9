"""The draft, one editable box per section, with flagged sentences highlighted and explained.

Hovering a highlighted sentence shows the verifier's reason; the review panel lists them too.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QColor, QHelpEvent, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QLabel,
    QPlainTextEdit,
    QTextEdit,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from models.flags import Flag, FlagKind
from models.note import NoteSection

HIGHLIGHT = QColor("#ffe08a")


class SectionEdit(QPlainTextEdit):
    """A section's text; ``flagged`` holds (sentence, reason) pairs to highlight."""

    def __init__(self, heading: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = heading
        self.setObjectName(f"section_{heading}")
        self.setTabChangesFocus(True)
        self.setAccessibleName(heading)
        self.flagged: list[tuple[str, str]] = []
        self._ranges: list[tuple[int, int, str]] = []
        self.textChanged.connect(self.refresh_highlights)

    def set_flagged(self, flagged: Sequence[tuple[str, str]]) -> None:
        self.flagged = [(t, r) for t, r in flagged if t.strip()]
        self.refresh_highlights()

    def refresh_highlights(self) -> None:
        selections: list[QTextEdit.ExtraSelection] = []
        self._ranges = []
        fmt = QTextCharFormat()
        fmt.setBackground(HIGHLIGHT)
        document = self.document()
        for text, reason in self.flagged:
            cursor = document.find(text.strip(), 0, QTextDocument.FindFlag(0))
            while not cursor.isNull():
                selection = QTextEdit.ExtraSelection()
                selection.cursor = cursor
                selection.format = fmt
                selections.append(selection)
                self._ranges.append((cursor.selectionStart(), cursor.selectionEnd(), reason))
                cursor = document.find(text.strip(), cursor, QTextDocument.FindFlag(0))
        self.setExtraSelections(selections)

    def reason_at(self, position: int) -> str:
        return next((r for s, e, r in self._ranges if s <= position <= e), "")

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            reason = self.reason_at(self.cursorForPosition(event.pos()).position())
            if reason:
                QToolTip.showText(event.globalPos(), reason, self)
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)


class DraftView(QWidget):
    changed = Signal()
    left_field = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.editors: dict[str, SectionEdit] = {}
        self._labels: list[QLabel] = []

    def set_headings(self, headings: Sequence[str]) -> None:
        if list(self.editors) == list(headings):
            return
        old = {h: e.toPlainText() for h, e in self.editors.items()}
        for widget in (*self._labels, *self.editors.values()):
            self._layout.removeWidget(widget)
            widget.deleteLater()
        self.editors, self._labels = {}, []
        for heading in headings:
            label = QLabel(f"<b>{heading}</b>")
            editor = SectionEdit(heading, self)
            editor.setPlainText(old.get(heading, ""))
            editor.textChanged.connect(self.changed)
            editor.installEventFilter(self)
            label.setBuddy(editor)
            self._labels.append(label)
            self._layout.addWidget(label)
            self._layout.addWidget(editor, 1)
            self.editors[heading] = editor

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.FocusOut:
            self.left_field.emit()
        return False

    def set_sections(self, sections: Sequence[NoteSection]) -> None:
        self.set_headings([s.heading for s in sections])
        for section in sections:
            editor = self.editors[section.heading]
            if editor.toPlainText() != section.text:
                editor.setPlainText(section.text)

    def show_progress(self, heading: str, text: str) -> None:
        editor = self.editors.get(heading)
        if editor is not None:
            editor.setPlainText(text)
            editor.moveCursor(QTextCursor.MoveOperation.End)

    def sections(self) -> list[NoteSection]:
        return [NoteSection(h, e.toPlainText()) for h, e in self.editors.items()]

    def set_flags(self, flags: Sequence[Flag]) -> None:
        """Highlight each ungrounded sentence in its section (or wherever it appears)."""
        per_section: dict[str, list[tuple[str, str]]] = {h: [] for h in self.editors}
        for flag in flags:
            if flag.kind is not FlagKind.UNGROUNDED or flag.acknowledged:
                continue
            pair = (flag.text, flag.message)
            section = flag.section
            targets = ([section] if section is not None and section in per_section
                       else list(per_section))
            for heading in targets:
                per_section[heading].append(pair)
        for heading, editor in self.editors.items():
            editor.set_flagged(per_section[heading])

    def insert_text(self, heading: str | None, text: str) -> str:
        """Append ``text`` to a section (the named one, else the first); returns the heading."""
        if not self.editors:
            return ""
        target = heading if heading in self.editors else next(iter(self.editors))
        editor = self.editors[target]
        current = editor.toPlainText().rstrip()
        sentence = text.strip()
        if sentence and sentence[-1] not in ".!?":
            sentence += "."
        editor.setPlainText(f"{current} {sentence}".strip())
        return target

    def set_read_only(self, read_only: bool) -> None:
        for editor in self.editors.values():
            editor.setReadOnly(read_only)
