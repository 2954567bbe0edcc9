"""What the spec leaves to PyInstaller's hooks, to the host, or out (packaging/bundle_contents.py,
loaded from its file: packaging/ is no package)."""

from __future__ import annotations

import sys
from pathlib import Path
from types import ModuleType

import pytest

from app.build_info import source_manifest
from tests.fixtures.bundle_contents import KNOWN_DEPENDENCY_FILES, load_bundle_contents


@pytest.fixture(scope="module")
def contents() -> ModuleType:
    return load_bundle_contents()


@pytest.mark.parametrize("library", [
    "PySide6/Qt/lib/libQt6Core.so.6", "PySide6/Qt/plugins/platforms/libqxcb.so",
    "PySide6/Qt/plugins/platforms/libqwayland.so", "libxcb-cursor.so.0", "libxkbcommon.so.0",
    "llama_cpp/lib/libllama.so", "libpython3.11.so.1.0", "libssl.so.3"])
def test_what_the_app_needs_is_kept(contents: ModuleType, library: str) -> None:
    assert contents.kept_binary(library)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="host libraries are Linux's")
@pytest.mark.parametrize("library", [
    "libstdc++.so.6", "libgcc_s.so.1", "libfontconfig.so.1", "libfreetype.so.6", "libX11.so.6",
    "libxcb.so.1", "libwayland-client.so.0", "libdbus-1.so.3", "libglib-2.0.so.0",
    "libcups.so.2"])
def test_libraries_that_must_be_the_host_s_are_left_to_it(contents: ModuleType,
                                                          library: str) -> None:
    assert not contents.kept_binary(library)


@pytest.mark.parametrize("part", [
    "PySide6/Qt/plugins/platforms/libqvnc.so", "PySide6/Qt/plugins/platforms/libqeglfs.so",
    "PySide6/Qt/lib/libQt6Network.so.6", "libQt6Network.so.6"])
def test_embedded_and_network_parts_of_qt_stay_out(contents: ModuleType, part: str) -> None:
    assert not contents.kept_binary(part)


def test_dependencies_tests_and_build_helpers_are_not_collected(contents: ModuleType) -> None:
    assert contents._runtime_submodule("holidays.countries.united_states")
    assert not contents._runtime_submodule("icalendar.tests.test_timezone")
    assert not contents._runtime_submodule("cffi.setuptools_ext")


def test_hooks_are_found_where_pyinstaller_and_the_packages_keep_them(contents: ModuleType
                                                                      ) -> None:
    dirs = contents.hook_dirs()
    assert contents.has_hook("PySide6", dirs) and contents.has_hook("cryptography", dirs)
    assert contents.has_hook("numpy", dirs)  # numpy ships its own
    assert not contents.has_hook("llama_cpp", dirs)  # collected whole: its library and data


@pytest.mark.slow
def test_every_file_a_dependency_without_a_hook_installs_is_collected(contents: ModuleType
                                                                      ) -> None:
    """What each such dependency's RECORD lists besides its code (a lexicon, a model, tables,
    a shared library) is among what the spec collects: a new dependency with data files, such as
    lemminflect's lexicon, needs no change to the spec. (collect_submodules imports each
    dependency in a subprocess: about half a minute.)"""
    manifest = source_manifest()
    expected = contents.dependency_files(manifest)
    assert set(KNOWN_DEPENDENCY_FILES) <= set(expected)
    assert not [path for path in expected if path.endswith((".py", ".pyc", ".pyi"))
                or "/tests/" in path or "__pycache__" in path]
    _hidden, datas, binaries = contents.third_party(manifest)
    collected = {f"{folder}/{Path(source).name}" for source, folder in [*datas, *binaries]}
    assert [path for path in expected if path not in collected] == []


def test_modules_that_data_files_load_by_name_are_collected(contents: ModuleType) -> None:
    """numpy arrays pickled by numpy 1 (lemminflect's models) load numpy.core.multiarray, a
    module numpy's hook leaves out (tests/bundle checks the built bundle has it)."""
    modules = contents.loaded_by_data(source_manifest())
    assert "numpy.core.multiarray" in modules and "numpy.core.tests" not in modules
