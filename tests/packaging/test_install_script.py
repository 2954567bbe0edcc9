"""packaging/linux/install.sh, run as a user would from the unpacked download: the app in
~/.local/lib/stillnote, a launcher on the PATH, the menu entry and its icons; installing a newer
version over an older one replaces the app and leaves the practice, settings and model alone.
(The app here is a stand-in script; tests/bundle/ runs the same script on the real bundle.)"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from ui.app_icon import ICON_SIZES, icon_file

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"


def _download(folder: Path, version: str) -> Path:
    """The unpacked download, as packaging/build_app.sh lays it out, with a stand-in app."""
    internal = folder / "Stillnote" / "_internal"
    (internal / "resources").mkdir(parents=True)
    shutil.copytree(ROOT / "resources" / "icons", internal / "resources" / "icons")
    app = folder / "Stillnote" / "Stillnote"
    app.write_text(f"#!/bin/sh\necho 'Stillnote {version}'\n", encoding="utf-8")
    app.chmod(0o755)
    for name in ("install.sh", "stillnote.desktop"):
        shutil.copy2(LINUX / name, folder / name)
    (folder / "VERSION").write_text(version + "\n", encoding="utf-8")
    return folder


def _install(download: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HOME": str(home), "PATH": f"{home}/.local/bin:/usr/bin:/bin"}
    return subprocess.run(["sh", str(download / "install.sh"), *args], env=env,
                          capture_output=True, text=True, timeout=120)


def _run(launcher: Path) -> str:
    return subprocess.run([str(launcher)], capture_output=True, text=True, check=True,
                          timeout=30).stdout.strip()


@pytest.fixture
def home(tmp_path: Path) -> Path:
    path = tmp_path / "home"
    path.mkdir()
    return path


def _practice(home: Path) -> dict[Path, bytes]:
    """What the app keeps in the user's data folder: the vault, settings, the unpacked model."""
    data = home / ".local" / "share" / "Stillnote"
    files = {data / "vault" / "stillnote.db": os.urandom(4096),
             data / "vault" / "keys.json": b'{"format": "stillnote-keys"}',
             data / "settings.json": b'{"idle_lock_minutes": 25}\n',
             data / "models" / "gemma-3-270m-q4_k_m.gguf": os.urandom(8192)}
    for path, content in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    return files


def test_installs_for_the_user_with_menu_entry_and_icons(tmp_path: Path, home: Path) -> None:
    done = _install(_download(tmp_path / "stillnote-0.1.0", "0.1.0"), home)
    assert done.returncode == 0, done.stderr
    app_dir = home / ".local" / "lib" / "stillnote"
    assert f"Stillnote 0.1.0 is installed in {app_dir}." in done.stdout
    launcher = home / ".local" / "bin" / "stillnote"
    assert launcher.resolve() == app_dir / "Stillnote" and _run(launcher) == "Stillnote 0.1.0"
    entry = (home / ".local/share/applications/stillnote.desktop").read_text(encoding="utf-8")
    assert f'Exec="{app_dir}/Stillnote"' in entry and "Icon=stillnote" in entry
    hicolor = home / ".local" / "share" / "icons" / "hicolor"
    for size in ICON_SIZES:
        installed = hicolor / f"{size}x{size}" / "apps" / "stillnote.png"
        assert installed.read_bytes() == icon_file(size).read_bytes()
    assert (hicolor / "scalable" / "apps" / "stillnote.svg").is_file()
    assert not list(app_dir.parent.glob("stillnote.*"))  # no staging or old copy left behind


def test_a_newer_version_replaces_the_app_and_keeps_the_practice(tmp_path: Path,
                                                                 home: Path) -> None:
    assert _install(_download(tmp_path / "old", "0.1.0"), home).returncode == 0
    practice = _practice(home)
    app_dir = home / ".local" / "lib" / "stillnote"
    (app_dir / "_internal" / "only-in-0.1.0.txt").write_text("old", encoding="utf-8")
    done = _install(_download(tmp_path / "new", "0.2.0"), home)
    assert done.returncode == 0, done.stderr
    assert _run(home / ".local" / "bin" / "stillnote") == "Stillnote 0.2.0"
    assert not (app_dir / "_internal" / "only-in-0.1.0.txt").exists()  # replaced, not merged
    assert {path: path.read_bytes() for path in practice} == practice


def test_uninstall_removes_the_app_and_keeps_the_practice(tmp_path: Path, home: Path) -> None:
    download = _download(tmp_path / "stillnote-0.1.0", "0.1.0")
    assert _install(download, home).returncode == 0
    practice = _practice(home)
    done = _install(download, home, "--uninstall")
    assert done.returncode == 0 and "Your practice, settings and model are still" in done.stdout
    assert not (home / ".local" / "lib" / "stillnote").exists()
    assert not (home / ".local" / "bin" / "stillnote").exists()
    assert not (home / ".local" / "share" / "applications" / "stillnote.desktop").exists()
    assert {path: path.read_bytes() for path in practice} == practice


def test_a_prefix_with_spaces_for_everyone(tmp_path: Path, home: Path) -> None:
    prefix = tmp_path / "shared apps"
    done = _install(_download(tmp_path / "stillnote-0.1.0", "0.1.0"), home, "--prefix",
                    str(prefix))
    assert done.returncode == 0, done.stderr
    assert _run(prefix / "bin" / "stillnote") == "Stillnote 0.1.0"
    entry = (prefix / "share/applications/stillnote.desktop").read_text(encoding="utf-8")
    assert f'Exec="{prefix}/lib/stillnote/Stillnote"' in entry
    assert "is not on your PATH" in done.stdout


def test_a_folder_without_the_app_is_refused_and_nothing_changes(tmp_path: Path,
                                                                  home: Path) -> None:
    download = _download(tmp_path / "broken", "0.1.0")
    (download / "Stillnote" / "Stillnote").unlink()
    done = _install(download, home)
    assert done.returncode == 1
    assert done.stderr.strip() == f"install.sh: {download} holds no Stillnote app " \
                                  "(Stillnote/Stillnote is missing)."
    assert not (home / ".local").exists()
