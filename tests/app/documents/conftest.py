from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.app.notes.helpers import new_vault


@pytest.fixture
def vault(tmp_path: Path) -> Iterator[Any]:
    v = new_vault(tmp_path)
    yield v
    v.close()
