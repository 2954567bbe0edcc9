"""House rules that keep the layers honest, checked on the source itself."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
QT_MODULES = {"PySide6", "PyQt5", "PyQt6", "shiboken6"}
NETWORK_MODULES = {"socket", "ssl", "http", "urllib", "urllib3", "requests", "httpx", "aiohttp",
                   "ftplib", "smtplib", "websocket", "websockets"}
PROJECT_PACKAGES = ("models", "storage", "drafting", "app", "ui")
# The one way to write a file (atomic, fsync, owner-only) serves drafting's model assembly too;
# drafting knows nothing else of storage.
SHARED_HELPERS = {"storage.files"}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _sources(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


def _top(name: str) -> str:
    return name.split(".")[0]


@pytest.mark.parametrize("package", ["models", "storage", "drafting", "app"])
def test_only_ui_imports_qt(package: str) -> None:
    offenders = [
        str(path.relative_to(ROOT))
        for path in _sources(package)
        if path != ROOT / "app" / "__main__.py"
        and {_top(n) for n in _imports(path)} & QT_MODULES
    ]
    assert offenders == []


@pytest.mark.parametrize(
    ("package", "forbidden"),
    [
        ("models", {"storage", "drafting", "app", "ui"}),
        ("storage", {"drafting", "app", "ui"}),
        ("drafting", {"storage", "app", "ui"}),
        ("app", {"ui"}),
        ("ui", {"storage"}),
    ],
)
def test_arrows_point_down(package: str, forbidden: set[str]) -> None:
    offenders = [
        f"{path.relative_to(ROOT)} imports {name}"
        for path in _sources(package)
        if path != ROOT / "app" / "__main__.py"
        for name in _imports(path)
        if _top(name) in forbidden and name not in SHARED_HELPERS
    ]
    assert offenders == []


def test_no_network_code_anywhere() -> None:
    offenders = [
        f"{path.relative_to(ROOT)} imports {name}"
        for package in PROJECT_PACKAGES
        for path in _sources(package)
        for name in _imports(path)
        if _top(name) in NETWORK_MODULES
    ]
    assert offenders == []
