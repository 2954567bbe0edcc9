"""The built Linux download, installed and used as a therapist's computer would: unpacked,
installed with its install.sh into a home of its own, started offscreen, refusing a vault of a
newer schema with one sentence, and upgraded in place with the practice, settings and model kept.

These tests need the download: STILLNOTE_BUNDLE=dist/stillnote-VERSION-linux-ARCH.tar.gz (CI
builds it with packaging/build_app.sh first); without it they are skipped.
"""

from __future__ import annotations

import json
import os
import subprocess
import tarfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.build_info import MANIFEST_NAME, Manifest
from app.settings import DeviceSettings, save_settings
from app.vaults import create_vault, open_vault
from storage.migrations import LATEST_VERSION
from tests.drafting.helpers import sample_files
from tests.fixtures.bundle_contents import KNOWN_DEPENDENCY_FILES, load_bundle_contents

DOWNLOAD = os.environ.get("STILLNOTE_BUNDLE", "")
pytestmark = pytest.mark.skipif(
    not DOWNLOAD, reason="no built bundle: run packaging/build_app.sh and set STILLNOTE_BUNDLE")
PASSPHRASE = "a long and private passphrase"
TOO_NEW = ("stillnote: This vault was written by a newer version of Stillnote; update "
           "Stillnote to open it.\n")


@dataclass
class Installed:
    home: Path
    download: Path  # the unpacked download, to install again

    @property
    def launcher(self) -> Path:
        return self.home / ".local" / "bin" / "stillnote"

    @property
    def contents(self) -> Path:  # the installed app's files (PyInstaller's _internal)
        return self.home / ".local" / "lib" / "stillnote" / "_internal"

    @property
    def data(self) -> Path:  # where the app keeps the practice: ~/.local/share/Stillnote
        return self.home / ".local" / "share" / "Stillnote"

    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items()
               if k not in ("STILLNOTE_DATA_DIR", "XDG_DATA_HOME", "STILLNOTE_PASSPHRASE")}
        return {**env, "HOME": str(self.home), "QT_QPA_PLATFORM": "offscreen",
                "STILLNOTE_PASSPHRASE": PASSPHRASE}

    def install(self) -> str:
        done = subprocess.run(["sh", str(self.download / "install.sh")], env=self.env(),
                              capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stderr
        return done.stdout

    def run(self, *args: str, timeout: int = 600) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(self.launcher), *args], env=self.env(), capture_output=True,
                              text=True, timeout=timeout)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Installed]:
    root = tmp_path_factory.mktemp("bundle")
    with tarfile.open(DOWNLOAD) as archive:
        archive.extractall(root / "unpacked", filter="tar")
    (download,) = (root / "unpacked").iterdir()
    home = root / "home"
    home.mkdir()
    installation = Installed(home=home, download=download)
    installation.install()
    yield installation


def test_the_installed_app_starts_offscreen_on_the_setup_screen(installed: Installed) -> None:
    done = installed.run("--vault", str(installed.home / "nothing-yet"), "--startup-time",
                         timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Stillnote — Set up: first screen shown ")


def test_a_vault_of_a_newer_schema_is_refused_with_one_sentence(installed: Installed,
                                                                 tmp_path: Path) -> None:
    vault_dir = tmp_path / "from-a-newer-stillnote"
    vault, _recovery_key = create_vault(vault_dir, PASSPHRASE)
    vault.close()
    vault = open_vault(vault_dir, PASSPHRASE)
    vault.connection.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    vault.close()
    before = {p.name: p.read_bytes() for p in vault_dir.iterdir() if p.is_file()}
    done = installed.run("audit", "verify", "--vault", str(vault_dir), timeout=120)
    assert (done.returncode, done.stdout, done.stderr) == (2, "", TOO_NEW)
    assert {p.name: p.read_bytes() for p in vault_dir.iterdir() if p.is_file()} == before


def test_every_file_a_dependency_without_a_hook_installs_is_in_the_installed_app(
        installed: Installed) -> None:
    """Read off each dependency's RECORD here, where the bundle was built: what the app loads
    from a package's folder at run time (llama.cpp, the model, lexicons, tables) was installed."""
    manifest = Manifest.from_json((installed.contents / MANIFEST_NAME).read_text("utf-8"))
    expected = load_bundle_contents().dependency_files(manifest)
    assert set(KNOWN_DEPENDENCY_FILES) <= set(expected)
    assert [path for path in expected if not (installed.contents / path).is_file()] == []
    # What data files load by name is imported by the self-check's first step.
    assert "numpy.core.multiarray" in manifest.imports


def _draft(installed: Installed, tmp_path: Path) -> dict[str, object]:
    done = installed.run("draft", "--facts", str(sample_files()[0]), "--json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert isinstance(result, dict)
    return result


def test_installing_again_keeps_the_vault_settings_and_model(installed: Installed,
                                                             tmp_path: Path) -> None:
    vault_dir = installed.data / "vault"
    made = installed.run("demo", "--vault", str(vault_dir), timeout=300)
    assert made.returncode == 0, made.stderr
    settings = installed.data / "settings.json"
    save_settings(DeviceSettings(idle_lock_minutes=25, n_threads=2), settings)
    model = _draft(installed, tmp_path)["model"]  # the first draft unpacks the bundled model
    assert isinstance(model, dict)
    model_file = Path(str(model["path"]))
    assert model_file.parent == installed.data / "models"
    kept = {path: (path.stat().st_mtime_ns, path.read_bytes())
            for path in [settings, model_file, *vault_dir.iterdir()] if path.is_file()}
    marker = installed.contents / "from-before.txt"
    marker.write_text("the older install's own file", encoding="utf-8")

    assert "is installed in" in installed.install()

    assert not marker.exists()  # the app itself was replaced
    assert {path: (path.stat().st_mtime_ns, path.read_bytes()) for path in kept} == kept
    verified = installed.run("audit", "verify", "--vault", str(vault_dir), timeout=300)
    assert verified.returncode == 0, verified.stderr
    again = _draft(installed, tmp_path)["model"]
    assert isinstance(again, dict) and again["sha256"] == model["sha256"]
    assert model_file.stat().st_mtime_ns == kept[model_file][0]  # used, not unpacked again
