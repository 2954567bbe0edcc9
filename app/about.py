"""What the About dialog says: which Stillnote this is, which model drafts, whose work ships
with it and under which terms, and the promise that nothing leaves this laptop.

Everything comes from the installation itself (app.build_info, the fonts' and models' licence
files in resources/, each measure's terms, the installed packages' metadata), so it is true of
the copy that is running, from source or from a bundle.
"""

from __future__ import annotations

import platform
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from app.build_info import Manifest, build_line, running_manifest
from app.measures.catalog import instruments
from app.settings import DeviceSettings
from drafting.default_model import DEFAULT_MODEL_FILE, DEFAULT_MODEL_SHA256, verified_sha256
from models.errors import StillnoteError
from storage.files import models_dir

PROMISE = ("Nothing leaves this laptop: Stillnote has no account, no cloud and no telemetry, "
           "and never opens a network connection.")
RESOURCES = Path(__file__).resolve().parent.parent / "resources"
FONT_LICENSES = RESOURCES / "fonts"
MODEL_LICENSES = RESOURCES / "licenses"


@dataclass(frozen=True)
class Notice:
    """Something that ships with Stillnote and the terms it ships under."""

    name: str
    terms: str  # the licence text (or the publisher's statement), as shipped


@dataclass(frozen=True)
class ModelInUse:
    name: str
    path: Path | None  # None: the default model is not assembled yet (it is on the first draft)
    sha256: str  # "" when it must be computed (a model file the therapist chose)
    is_default: bool
    note: str  # one sentence on where the hash comes from


@dataclass(frozen=True)
class AboutFacts:
    version: str
    build: str
    model: ModelInUse
    fonts: list[Notice]
    models: list[Notice]
    measures: list[Notice]
    software: list[tuple[str, str, str]]  # (package, version, licence) it runs on
    promise: str = PROMISE


def model_in_use(settings: DeviceSettings) -> ModelInUse:
    """The model a draft would use now: the file chosen in Settings if it is there, else the
    default one (the pipeline falls back the same way)."""
    chosen = Path(settings.model_path) if settings.model_path else None
    if chosen is not None and chosen.is_file():
        return ModelInUse(chosen.name, chosen, "", False,
                          "The SHA-256 of the file you chose, to compare with its publisher's.")
    assembled = models_dir() / DEFAULT_MODEL_FILE
    if verified_sha256(assembled):
        return ModelInUse(DEFAULT_MODEL_FILE, assembled, DEFAULT_MODEL_SHA256, True,
                          "Checked against this SHA-256 when it was unpacked on this computer.")
    return ModelInUse(DEFAULT_MODEL_FILE, None, DEFAULT_MODEL_SHA256, True,
                      "It ships inside Stillnote and is unpacked and checked against this "
                      "SHA-256 before its first draft.")


def _license_files(folder: Path) -> list[Notice]:
    notices = []
    for path in sorted(folder.glob("*-LICENSE.txt")):
        try:
            text = path.read_text(encoding="utf-8")
        except OSError:
            text = f"{path.name} is missing from this installation."
        notices.append(Notice(path.name.removesuffix("-LICENSE.txt"), text))
    return notices


def _measure_terms() -> list[Notice]:
    try:
        return [Notice(i.name, f"{i.title}. {i.attribution}\n\n{i.terms}") for i in instruments()]
    except (StillnoteError, ValueError):  # an unreadable measure file: Measures says so
        return []


def _field(dist: metadata.Distribution, name: str) -> str:
    values = dist.metadata.get_all(name) or []
    return str(values[0]).strip() if values else ""


def _license_of(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    expression = _field(dist, "License-Expression")
    if expression:
        return expression
    classifiers = [c.split("::")[-1].strip() for c in meta.get_all("Classifier") or []
                   if c.startswith("License ::")]
    if classifiers:
        return "; ".join(classifiers)
    short = _field(dist, "License")
    return short if short and len(short) < 60 and "\n" not in short else "not stated"


def software(manifest: Manifest) -> list[tuple[str, str, str]]:
    """What Stillnote runs on: Python, its runtime dependencies and theirs, as installed."""
    rows = [("Python", platform.python_version(), "PSF-2.0")]
    for name in manifest.distributions:
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            rows.append((name, "missing", ""))
            continue
        rows.append((_field(dist, "Name") or name, dist.version, _license_of(dist)))
    return rows


def about_facts(settings: DeviceSettings) -> AboutFacts:
    manifest = running_manifest()
    line = build_line(manifest)
    return AboutFacts(version=manifest.version or "unknown", build=f"{line[:1].upper()}{line[1:]}.",
                      model=model_in_use(settings), fonts=_license_files(FONT_LICENSES),
                      models=_license_files(MODEL_LICENSES), measures=_measure_terms(),
                      software=software(manifest))
