"""Starting the window: the launcher opens the demo practice in the demo vault folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.vaults import DEMO_PASSPHRASE, vault_exists
from storage import files


def test_launcher_runs_the_window_on_the_demo_vault(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import app.__main__ as launcher
    import ui.application

    calls: list[tuple[Path, str]] = []
    monkeypatch.setattr(ui.application, "run",
                        lambda vault_dir, demo_passphrase="", **_options: calls.append(
                            (vault_dir, demo_passphrase)) or 0)
    assert launcher.main(["--demo"]) == 0
    assert calls == [(files.demo_vault_dir(), DEMO_PASSPHRASE)]
    assert not vault_exists(files.demo_vault_dir())  # the window builds it, with itself shown
    calls.clear()
    assert launcher.main(["--vault", "/nowhere/vault"]) == 0
    assert calls == [(Path("/nowhere/vault"), "")]
