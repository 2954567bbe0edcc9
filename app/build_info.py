"""What this installation of Stillnote is, and what it must hold to work.

From source the answer is read off the source tree (pyproject.toml, the project's packages and
their data files). A bundle carries the same answer as it stood when it was built, in
``stillnote-build.json`` (written by packaging/stillnote.spec from ``source_manifest``), plus
every file the bundle holds with its size, so ``check_installation`` can tell a broken or
half-copied install from a working one: the self-check's first step.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import re
import sys
import tomllib
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from models.errors import StillnoteError

MANIFEST_NAME = "stillnote-build.json"
SOURCE_ROOT = Path(__file__).resolve().parent.parent  # the bundle's _internal when frozen
_PYPROJECT = "pyproject.toml"
_SKIPPED_PARTS = {"__pycache__"}


class InstallationBroken(StillnoteError):
    """Part of this installation of Stillnote is missing or damaged (not the user's vault)."""


@dataclass
class Manifest:
    version: str
    packages: list[str]  # the project's own top-level packages
    modules: list[str]  # every module of them, dotted
    data_files: list[str]  # the project's non-Python files, relative to the root
    imports: list[str]  # the top-level modules of the runtime dependencies
    distributions: list[str] = field(default_factory=list)  # those and all they require
    commit: str = ""  # set by the bundle's build
    built: str = ""  # UTC, ISO 8601; set by the bundle's build
    platform: str = ""  # set by the bundle's build
    files: dict[str, int] = field(default_factory=dict)  # every bundled file -> its size

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=1, sort_keys=True) + "\n"

    @classmethod
    def from_json(cls, text: str) -> Manifest:
        raw = json.loads(text)
        return cls(**{name: raw[name] for name in cls.__dataclass_fields__ if name in raw})


def is_bundle() -> bool:
    """Whether this process runs from a built bundle (PyInstaller) rather than the source."""
    return bool(getattr(sys, "frozen", False))


Table = dict[str, Any]  # a table of pyproject.toml


def _pyproject(root: Path) -> Table:
    with (root / _PYPROJECT).open("rb") as handle:
        return tomllib.load(handle)


def _table(config: Table, *keys: str) -> Table:
    """``config[k1][k2]...``, or an empty table where one is missing or not a table."""
    for key in keys:
        value = config.get(key, {})
        config = value if isinstance(value, dict) else {}
    return config


def _project_packages(root: Path, config: Table) -> list[str]:
    """The top-level packages pyproject.toml ships (its ``packages.find`` include patterns)."""
    find = _table(config, "tool", "setuptools", "packages", "find")
    patterns = [re.escape(str(p)).replace(r"\*", ".*") for p in find.get("include", [])]
    return sorted(d.name for d in root.iterdir()
                  if d.is_dir() and (d / "__init__.py").is_file()
                  and any(re.fullmatch(p, d.name) for p in patterns))


def _requirement_name(spec: str) -> str:
    match = re.match(r"\s*([A-Za-z0-9._-]+)", spec)
    return match.group(1) if match else ""


def _dependency_names(config: Table) -> list[str]:
    specs = _table(config, "project").get("dependencies", [])
    return [name for name in map(_requirement_name, map(str, specs)) if name]


def runtime_distributions(config: Table) -> list[str]:
    """The runtime dependencies and everything they require, as installed here. A requirement
    of an optional extra is not followed; one for another platform is not installed, so it is
    not found and left out (the bundle is built on the platform it is for)."""
    pending = _dependency_names(config)
    seen: dict[str, str] = {}
    while pending:
        name = pending.pop()
        if normal_name(name) in seen:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        seen[normal_name(name)] = str(dist.metadata["Name"])
        pending += [_requirement_name(spec) for spec in dist.requires or []
                    if "extra ==" not in spec.partition(";")[2]]
    return sorted(seen.values(), key=str.lower)


def normal_name(name: str) -> str:
    """A distribution's name as pip compares them (PySide6_Essentials = pyside6-essentials)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def modules_of(distributions: Iterable[str]) -> list[str]:
    """The importable top-level modules the named distributions install (a wheel's record
    also lists stray top-level names that are no module: left out)."""
    wanted = {normal_name(name) for name in distributions}
    return sorted(module for module, dists in metadata.packages_distributions().items()
                  if any(normal_name(d) in wanted for d in dists)
                  and module.isidentifier() and importlib.util.find_spec(module) is not None)


def dependency_modules(config: Table) -> list[str]:
    """The top-level modules of the runtime dependencies pyproject.toml names."""
    return modules_of(_dependency_names(config))


def source_manifest(root: Path = SOURCE_ROOT) -> Manifest:
    """What the source tree at ``root`` holds: the project's modules, data files, dependencies."""
    config = _pyproject(root)
    packages = _project_packages(root, config)
    modules: list[str] = []
    data: list[str] = []
    for package in packages:
        for path in sorted((root / package).rglob("*")):
            if not path.is_file() or _SKIPPED_PARTS & set(path.parts) or path.suffix == ".pyc":
                continue
            relative = path.relative_to(root)
            if path.suffix == ".py":
                parts = relative.with_suffix("").parts
                modules.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
            else:
                data.append(relative.as_posix())
    version = str(_table(config, "project").get("version", ""))
    return Manifest(version=version, packages=packages, modules=modules, data_files=data,
                    imports=dependency_modules(config),
                    distributions=runtime_distributions(config))


def running_manifest() -> Manifest:
    """The manifest of what runs now: the bundle's own, or the source tree's."""
    if not is_bundle():
        return source_manifest()
    try:
        return Manifest.from_json((SOURCE_ROOT / MANIFEST_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError, TypeError, KeyError):
        raise InstallationBroken(f"This installation has no readable {MANIFEST_NAME}; "
                                 "reinstall Stillnote (your practice is kept apart).") from None


def version() -> str:
    try:
        return running_manifest().version or "unknown"
    except (InstallationBroken, OSError, ValueError):
        return "unknown"


def build_line(manifest: Manifest) -> str:
    """Where this copy came from, in a few words ("built for linux-x86_64 on 2026-12-02 ...")."""
    if not is_bundle():
        return "running from the source folder"
    when = manifest.built[:10] or "an unknown day"
    commit = f" from {manifest.commit}" if manifest.commit else ""
    return f"built for {manifest.platform or 'this platform'} on {when}{commit}"


@dataclass(frozen=True)
class InstallationReport:
    modules: int
    files: int


def check_installation(manifest: Manifest, root: Path = SOURCE_ROOT) -> InstallationReport:
    """Every file the manifest lists is there at its size and every module imports; else
    InstallationBroken naming the first few that are not (a broken install, not a vault)."""
    # The project's data files from the source (what the build had to collect), and every file
    # the finished bundle held with its size (what a copy or an update may have lost since).
    expected = {path: -1 for path in manifest.data_files} | manifest.files
    missing = []
    for relative, size in sorted(expected.items()):
        path = root / relative
        if not path.is_file() or (size >= 0 and path.stat().st_size != size):
            missing.append(relative)
    if missing:
        raise InstallationBroken(f"{len(missing)} file(s) of this installation are missing or "
                                 f"damaged ({', '.join(missing[:3])}); reinstall Stillnote.")
    failed = []
    for name in [*manifest.imports, *manifest.modules]:
        try:
            importlib.import_module(name)
        except Exception as exc:  # any failure to import is a broken install
            failed.append(f"{name}: {type(exc).__name__}")
    if failed:
        raise InstallationBroken(f"{len(failed)} module(s) of this installation do not load "
                                 f"({'; '.join(failed[:3])}); reinstall Stillnote.")
    return InstallationReport(modules=len(manifest.imports) + len(manifest.modules),
                              files=len(expected))
