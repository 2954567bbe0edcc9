"""What the PyInstaller spec puts into the bundle, derived from the project so it never goes stale.

- The project's own packages, every module of them and every data file under them (resources/
  included) come from ``app.build_info.source_manifest``: what pyproject.toml ships.
- The runtime dependencies are pyproject.toml's ``dependencies`` and everything they require
  (``Manifest.distributions``). Each one's metadata is copied (importlib.metadata and the About
  dialog read it). A dependency that PyInstaller has a hook for is left to its hook (PySide6's
  collects the Qt plugins and libraries the imported Qt modules need); one without a hook gets
  its data files, shared libraries and submodules collected whole (the llama.cpp library, the
  default model's parts, the ICD-10 tables, holidays' countries loaded by name). Modules that
  data files load by name are added (``LOADED_BY_DATA``).
- ``write_manifest`` records the finished bundle's files and sizes for the self-check.

Build-time only: imported by stillnote.spec (never by the app), and by tests through its path.
"""

from __future__ import annotations

import importlib.util
import os
import platform
import subprocess
from datetime import UTC, datetime
from importlib import metadata
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

from app.build_info import Manifest, modules_of

ROOT = Path(__file__).resolve().parent.parent
# Imported by a dependency but never needed by Stillnote: each is kept out with its reason.
EXCLUDES = [
    "tkinter",  # the standard library's other GUI toolkit
    "yaml",  # numpy.__config__ prints build details with it
    "PySide6.QtNetwork",  # Stillnote opens no network connection, ever
    "matplotlib", "scipy",  # optional colormaps and filters of pyqtgraph
    "IPython", "pytest", "hypothesis",  # development tools some packages probe for
    "setuptools", "distutils", "pkg_resources",  # build tools (cffi's compiler support)
    "requests", "urllib3",  # HTTP clients reached only from dependencies' own tests
]
# Modules a dependency's data files load by name, which no import statement shows PyInstaller:
# numpy arrays pickled by numpy 1 (lemminflect's models) name numpy.core.multiarray, a shim numpy
# 2 keeps and its hook leaves out. Collected when their package is a dependency; the self-check's
# first step imports them.
LOADED_BY_DATA = ["numpy.core"]
# Parts of a dependency's package that are no part of running it (its tests, build helpers).
SKIPPED_SUBMODULE_PARTS = {"tests", "test", "testing", "conftest", "benchmarks",
                           "setuptools_ext", "_shimmed_dist_utils"}
# Files of a package that only type checkers read, and the suffixes of its code.
TYPING_ONLY = ["**/*.pyi", "**/py.typed"]
CODE_SUFFIXES = {".py", ".pyc", ".pyi"}
# Linux libraries left to the computer the app runs on: each must match that computer's drivers,
# display server, fonts or services, and a copy from the build machine breaks them (a bundled
# libstdc++ older than the graphics driver's needs stops it loading; fontconfig must read the
# host's configuration). Every Linux desktop has them. Matched against the file name's start.
HOST_LIBRARIES = (
    "libstdc++.so", "libgcc_s.so",  # the C++ runtime the graphics driver was built against
    "libfontconfig.so", "libfreetype.so",  # the host's font configuration
    "libX11.so", "libX11-xcb.so", "libxcb.so", "libXau.so", "libXdmcp.so", "libXext.so",
    "libXrender.so", "libwayland-",  # the display server's own client libraries
    "libdbus-1.so", "libsystemd.so",  # the session bus
    "libglib-2.0.so", "libgobject-2.0.so", "libgio-2.0.so", "libgmodule-2.0.so",
    "libgthread-2.0.so",  # GLib, shared with the host's GTK (Qt's desktop theme uses it)
    "libgtk-3.so", "libgdk-3.so", "libatk-", "libcairo", "libpango", "libgdk_pixbuf",
    "libcups.so",  # printing goes through the host's CUPS
)
# Qt plugins for embedded boards and network displays, which no desktop uses, and the libraries
# only they need (QtNetwork among them: Stillnote opens no network connection).
UNUSED_QT_PARTS = ("platforms/libqvnc", "platforms/libqeglfs", "platforms/libqlinuxfb",
                   "platforms/libqminimalegl", "platforms/libqvkkhrdisplay",
                   "egldeviceintegrations/", "generic/libqtuiotouchplugin", "libQt6Network.",
                   "libQt6EglFSDeviceIntegration.", "libQt6EglFsKmsSupport.")


def _runtime_submodule(name: str) -> bool:
    return name not in EXCLUDES and not SKIPPED_SUBMODULE_PARTS & set(name.split("."))


def kept_binary(destination: str) -> bool:
    """Whether a shared library PyInstaller found belongs in the bundle (see HOST_LIBRARIES)."""
    path = destination.replace("\\", "/")
    if any(part in path for part in UNUSED_QT_PARTS):
        return False
    return not (platform.system() == "Linux"
                and path.rpartition("/")[2].startswith(HOST_LIBRARIES))


def _is_package(module: str) -> bool:
    spec = importlib.util.find_spec(module)
    return spec is not None and spec.submodule_search_locations is not None


def hook_dirs() -> list[Path]:
    """PyInstaller's own hooks and every package's registered hook folders."""
    import PyInstaller

    dirs = [Path(PyInstaller.__path__[0]) / "hooks"]
    for entry in metadata.entry_points(group="pyinstaller40", name="hook-dirs"):
        dirs.extend(Path(d) for d in entry.load()())
    return dirs


def has_hook(module: str, dirs: list[Path]) -> bool:
    return any((d / f"hook-{module}.py").is_file() for d in dirs)


def hookless_modules(manifest: Manifest) -> list[str]:
    """The runtime dependencies' top-level modules that no hook collects: third_party's."""
    dirs = hook_dirs()
    return [module for module in modules_of(manifest.distributions)
            if not has_hook(module, dirs) and module not in EXCLUDES]


Pairs = list[tuple[str, str]]  # (source path, folder in the bundle), as PyInstaller takes them


def third_party(manifest: Manifest) -> tuple[list[str], Pairs, Pairs]:
    """(hidden imports, data files, binaries) of the runtime dependencies."""
    from PyInstaller.utils.hooks import (
        collect_data_files,
        collect_dynamic_libs,
        collect_submodules,
        copy_metadata,
    )

    hidden: list[str] = []
    datas: Pairs = []
    binaries: Pairs = []
    for distribution in manifest.distributions:
        datas += copy_metadata(distribution)
    for module in hookless_modules(manifest):
        hidden += collect_submodules(module, filter=_runtime_submodule, on_error="ignore")
        if _is_package(module):  # a single-file module has no data files of its own
            datas += collect_data_files(module, excludes=TYPING_ONLY)
            binaries += collect_dynamic_libs(module)
    return hidden, datas, binaries


def loaded_by_data(manifest: Manifest) -> list[str]:
    """The modules of LOADED_BY_DATA whose package this build's dependencies install."""
    from PyInstaller.utils.hooks import collect_submodules

    installed = set(modules_of(manifest.distributions))
    return [module for package in LOADED_BY_DATA if package.partition(".")[0] in installed
            for module in collect_submodules(package, filter=_runtime_submodule)]


def dependency_files(manifest: Manifest) -> list[str]:
    """What the dependencies without a hook installed besides their code, read off each one's
    RECORD (so independent of how the spec collects them), as paths inside site-packages, and
    so inside the bundle: data files (lemminflect's lexicon, the model's parts, the ICD-10
    tables) and shared libraries. Their tests' files and type stubs are not needed."""
    modules = set(hookless_modules(manifest))
    found = []
    for distribution in manifest.distributions:
        for file in metadata.distribution(distribution).files or []:
            parts = set(file.parts[1:-1])
            if (len(file.parts) > 1 and file.parts[0] in modules and file.name != "py.typed"
                    and file.suffix not in CODE_SUFFIXES
                    and not file.name.endswith(tuple(EXTENSION_SUFFIXES))  # imported code
                    and not (SKIPPED_SUBMODULE_PARTS | {"__pycache__"}) & parts):
                found.append(file.as_posix())
    return sorted(found)


def _git(root: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True,
                          check=True).stdout.strip()


def _commit(root: Path) -> str:
    """The commit built from, marked when the work tree had changes on top of it."""
    try:
        commit = _git(root, "rev-parse", "--short=12", "HEAD")
        changed = _git(root, "status", "--porcelain", "--untracked-files=no")
    except (OSError, subprocess.CalledProcessError):
        return ""  # built from an export without git history
    return f"{commit} with local changes" if changed else commit


def write_manifest(manifest: Manifest, contents_dir: Path, name: str, root: Path = ROOT) -> None:
    """Complete ``manifest`` with the build's facts and every file of the finished bundle, and
    write it into the bundle as ``name``."""
    files = {}
    for folder, _dirs, names in os.walk(contents_dir):
        for file in names:
            path = Path(folder, file)
            relative = path.relative_to(contents_dir).as_posix()
            if relative != name and not path.is_symlink():
                files[relative] = path.stat().st_size
    manifest.files = dict(sorted(files.items()))
    manifest.commit = _commit(root)
    manifest.built = datetime.now(UTC).isoformat(timespec="seconds")
    manifest.platform = f"{platform.system().lower()}-{platform.machine()}"
    (contents_dir / name).write_text(manifest.to_json(), encoding="utf-8")
