from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.app.notes.helpers import new_vault


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Any]:
    """An unlocked practice for the note window (no model unless a test sets one)."""
    from app.settings import DeviceSettings
    from app.workspace import Workspace

    ws = Workspace(new_vault(tmp_path), DeviceSettings())
    yield ws
    ws.lock()


@pytest.fixture(autouse=True)
def _close_note_windows() -> Iterator[None]:
    """Note windows delete themselves on close; close whatever a test left open."""
    yield
    from ui.notes import close_all_editors

    close_all_editors()
