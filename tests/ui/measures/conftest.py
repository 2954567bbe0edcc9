"""An unlocked practice for the measures widgets (the notes tests' small practice)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.app.notes.helpers import new_vault


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Any]:
    from app.settings import DeviceSettings
    from app.workspace import Workspace

    ws = Workspace(new_vault(tmp_path), DeviceSettings())
    yield ws
    ws.lock()


@pytest.fixture(autouse=True)
def _close_note_windows() -> Iterator[None]:
    yield
    from ui.notes import close_all_editors

    close_all_editors()
