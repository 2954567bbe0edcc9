"""About Stillnote: version, the model in use and its hash, the terms of everything that ships
with it, and the promise that nothing leaves this laptop (facts from app.about)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.about import AboutFacts, Notice, about_facts
from app.settings import DeviceSettings, model_file_sha256
from ui.app_icon import icon_pixmap
from ui.widgets import hint_label, named
from ui.worker import Operation

ICON_SIZE = 96


def _notices_text(notices: list[Notice]) -> str:
    return "\n\n".join(f"{n.name}\n{'-' * len(n.name)}\n{n.terms.strip()}" for n in notices)


def _software_text(rows: list[tuple[str, str, str]]) -> str:
    width = max((len(name) for name, _, _ in rows), default=0)
    return "\n".join(f"{name:<{width}}  {version:<12} {terms}" for name, version, terms in rows)


def _text_tab(text: str, name: str) -> QPlainTextEdit:
    view = named(QPlainTextEdit(text), name)
    view.setReadOnly(True)
    view.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
    return view


class AboutDialog(QDialog):
    def __init__(self, settings: DeviceSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About Stillnote")
        self.operation: Operation | None = None
        facts = about_facts(settings)
        self.facts = facts

        icon = named(QLabel(), "aboutIcon")
        icon.setPixmap(icon_pixmap(ICON_SIZE))
        title = named(QLabel("Stillnote"), "screenTitle")
        self.version = named(QLabel(f"Version {facts.version}"), "aboutVersion")
        heading = QVBoxLayout()
        heading.addWidget(title)
        heading.addWidget(self.version)
        heading.addWidget(hint_label(facts.build))
        top = QHBoxLayout()
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(heading, 1)

        self.promise = named(QLabel(facts.promise), "aboutPromise")
        self.promise.setWordWrap(True)

        model = facts.model
        self.model_name = named(QLabel(f"Model in use: {model.name}"), "aboutModel")
        self.model_hash = named(QLabel(f"SHA-256: {model.sha256 or 'computing…'}"),
                                "aboutModelHash")
        self.model_hash.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.model_hash.setWordWrap(True)
        model_note = hint_label(model.note)

        self.tabs = QTabWidget()
        self.tabs.addTab(_text_tab(_notices_text(facts.fonts), "aboutFonts"), "Fonts")
        self.tabs.addTab(_text_tab(_notices_text(facts.models), "aboutModels"), "Models")
        self.tabs.addTab(_text_tab(_notices_text(facts.measures), "aboutMeasures"), "Measures")
        self.tabs.addTab(_text_tab(_software_text(facts.software), "aboutSoftware"), "Software")

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.promise)
        layout.addWidget(self.model_name)
        layout.addWidget(self.model_hash)
        layout.addWidget(model_note)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.resize(640, 560)
        if not model.sha256 and model.path is not None:
            self._hash_chosen_model(facts)

    def _hash_chosen_model(self, facts: AboutFacts) -> None:
        """A chosen model can be gigabytes: hashed on a worker, shown when known."""
        path = facts.model.path
        if path is None:
            return
        op = Operation(lambda: model_file_sha256(path), self)
        op.success(lambda sha: self.model_hash.setText(f"SHA-256: {sha}")).failure(
            lambda _exc: self.model_hash.setText("SHA-256: the file could not be read.")).run()
        self.operation = op
