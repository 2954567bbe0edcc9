"""Practice files for the import tests: the demo practice as exported, and the check that a
file is refused in one line with the target vault left exactly as it was."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from app.cli import main
from app.demo import build_demo_practice
from app.practice_json import export_practice
from models.flags import Flag
from storage.vault import Vault
from tests.storage.conftest import file_hashes


def exported_demo(folder: Path, passphrase: str, *, process_notes: str = "",
                  flags: list[Flag] | None = None,
                  include_process_notes: bool = False) -> dict[str, Any]:
    """The demo practice as `export practice` writes it. With ``process_notes`` or ``flags``,
    one draft gets them and is signed first (the demo's signed notes have neither)."""
    with Vault.create(folder / "v", passphrase)[0] as vault:
        build_demo_practice(vault)
        if process_notes or flags:
            draft = next(n for n in vault.notes.all() if not n.is_signed)
            draft.process_notes = process_notes
            draft.flags = list(flags or [])
            vault.notes.save_draft(draft)
            vault.notes.sign(draft.id or 0, "Jordan Avery", "LCSW", datetime.now(UTC))
        export_practice(vault, folder / "p.json", include_process_notes=include_process_notes)
    data: dict[str, Any] = json.loads((folder / "p.json").read_text(encoding="utf-8"))
    return data


def refused_import(doc: dict[str, Any], folder: Path, passphrase: str,
                   capsys: pytest.CaptureFixture[str]) -> str:
    """Import ``doc`` into a new empty vault: exit 2, one line on stderr (returned), and not
    one byte of the vault changed (not even an unlock entry)."""
    path = folder / "practice.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    target = folder / "target"
    Vault.create(target, passphrase)[0].close()
    before = file_hashes(target)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("STILLNOTE_PASSPHRASE", passphrase)
        code = main(["import", "practice", "--vault", str(target), str(path)])
    err = capsys.readouterr().err
    assert code == 2, err
    assert err.startswith("stillnote: ") and err.count("\n") == 1 and "Traceback" not in err, err
    assert file_hashes(target) == before
    return err
