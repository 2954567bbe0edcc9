"""The practice itself: its profile (who signs, where, which time zone) and moving it as JSON."""

from __future__ import annotations

from datetime import tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from app.practice_json import export_practice, import_practice, load_practice_file
from models.practice import PracticeProfile

if TYPE_CHECKING:
    from storage.vault import Vault


def practice_profile(vault: Vault) -> PracticeProfile:
    return vault.practice.get()


def save_practice_profile(vault: Vault, profile: PracticeProfile) -> PracticeProfile:
    vault.practice.save(profile)
    return profile


def practice_zone(vault: Vault) -> tzinfo:
    """The zone sessions are shown in (see models.common.zone_named for an unknown name)."""
    return vault.practice.get().zone


def has_clients(vault: Vault) -> bool:
    """Whether the practice holds any client (an import needs an empty practice)."""
    return bool(vault.clients.count())


def export_practice_file(vault: Vault, out: Path,
                         include_process_notes: bool = False) -> dict[str, int]:
    """The whole practice as JSON at ``out`` (plain text: the user chose to take it out)."""
    return export_practice(vault, Path(out), include_process_notes)


def import_practice_file(vault: Vault, source: Path) -> dict[str, int]:
    """Load a practice JSON file into this (empty) practice; all or nothing."""
    return import_practice(vault, load_practice_file(Path(source)))
