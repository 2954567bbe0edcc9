"""A workspace over a real vault holding the sample practice, for the billing page tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.app.billing.conftest import PASSPHRASE, fill


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Any]:
    from app.settings import DeviceSettings
    from app.workspace import Workspace
    from storage.vault import Vault

    vault, _ = Vault.create(tmp_path / "vault", PASSPHRASE)
    ws = Workspace(vault, DeviceSettings())
    ws.ids = fill(vault)  # type: ignore[attr-defined]
    yield ws
    ws.lock()
