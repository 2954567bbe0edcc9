"""Fixtures for the window tests: a real vault in the test's data dir, dialogs that never block."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo
from pathlib import Path
from typing import Any

import pytest

from app.workspace import Workspace, create_workspace
from models.common import Address
from models.practice import PracticeProfile

PASSPHRASE = "correct horse battery staple"


def practice_profile() -> PracticeProfile:
    return PracticeProfile(practice_name="Maple Street Counseling", clinician_name="Dana Whitfield",
                           credentials="LCSW", license_number="LCSW-0042", license_state="NY",
                           npi="1234567893", taxonomy_code="1041C0700X", tax_id="12-3456789",
                           address=Address("12 Maple St", "Ithaca", "NY", "14850"),
                           phone="607-555-0100", timezone="America/New_York")


@dataclass
class Boxes:
    """What the patched QMessageBox statics were asked to show."""

    shown: list[tuple[str, str]] = field(default_factory=list)
    answer_yes: bool = True

    def texts(self) -> list[str]:
        return [text for _kind, text in self.shown]


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    from PySide6.QtWidgets import QMessageBox

    record = Boxes()

    def _show(kind: str) -> Any:
        def show(_parent: Any, _title: str, text: str, *args: Any, **kwargs: Any) -> Any:
            record.shown.append((kind, text))
            if kind == "question":
                return (QMessageBox.StandardButton.Yes if record.answer_yes
                        else QMessageBox.StandardButton.No)
            return QMessageBox.StandardButton.Ok
        return show

    for kind in ("warning", "information", "critical", "question"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(_show(kind)))
    return record


@pytest.fixture
def vault_dir(data_dir: Path) -> Path:
    return data_dir / "vault"


@pytest.fixture
def existing_vault(vault_dir: Path) -> Path:
    """A vault with a practice profile, closed again (the window must unlock it)."""
    workspace, _key = create_workspace(vault_dir, PASSPHRASE, practice_profile())
    workspace.lock()
    return vault_dir


@pytest.fixture
def window(qtbot: Any, existing_vault: Path, boxes: Boxes) -> Iterator[Any]:
    """The window on an existing vault, still locked."""
    from app.settings import DeviceSettings
    from ui.shell import StillnoteWindow

    win = StillnoteWindow(existing_vault, DeviceSettings())
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()


@pytest.fixture
def unlocked(qtbot: Any, window: Any) -> Any:
    """The window unlocked through its own unlock screen (off-thread, like a user)."""
    unlock(qtbot, window, PASSPHRASE)
    return window


def unlock(qtbot: Any, window: Any, secret: str) -> None:
    screen = window.screen_widget
    screen.secret.setText(secret)
    with qtbot.waitSignal(window.unlocked, timeout=30000):
        screen.unlock_button.click()


def today_in(tz: tzinfo) -> date:
    """Today where the practice is (the pages show that day)."""
    return datetime.now(tz).date()


def workspace_of(window: Any) -> Workspace:
    assert window.workspace is not None
    return window.workspace
