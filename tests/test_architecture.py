"""House rules that keep the layers honest, checked on the source itself (its syntax tree).

ui/ -> app/ -> drafting/, storage/ -> models/: arrows point down, only ui/ knows Qt, ui/ goes
through app/'s use cases (never the vault, never storage/ or drafting/), no module imports
itself round a cycle, and an import inside a function is there only to save start-up time,
with a comment saying so.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
QT_MODULES = {"PySide6", "PyQt5", "PyQt6", "shiboken6"}
NETWORK_MODULES = {"socket", "ssl", "http", "urllib", "urllib3", "requests", "httpx", "aiohttp",
                   "ftplib", "smtplib", "websocket", "websockets"}
PROJECT_PACKAGES = ("models", "storage", "drafting", "app", "ui")
LAUNCHER = ROOT / "app" / "__main__.py"  # opens the window: app's one way up to ui/
# The one module of files and places (atomic writes, data folders, hashing) serves drafting's
# default model too: drafting's only edge into storage/. No other exception.
SHARED_HELPERS = {"storage.files"}
START_UP_MARK = "start-up"  # what the comment of an import inside a function must say
# drafting/ is being rewritten by its owner (realizer, pipeline, prompt, verifier); its imports
# inside functions join the rule with that rewrite. Every other rule covers it already.
IN_FUNCTION_RULE_PACKAGES = ("models", "storage", "drafting", "app", "ui")


@dataclass(frozen=True)
class Import:
    module: str  # the dotted name imported from (a relative import resolved)
    names: tuple[str, ...]  # what ``from module import ...`` takes ("" for ``import module``)
    line: int
    in_function: bool


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> list[Import]:
    """Every import in the file: module level, under TYPE_CHECKING, and inside functions."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = _module_name(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    found: list[Import] = []

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            inside = in_function or isinstance(
                child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda)
            if isinstance(child, ast.Import):
                found.extend(Import(a.name, ("",), child.lineno, in_function)
                             for a in child.names)
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    stem = package[: len(package) - child.level + 1]
                    base = ".".join([*stem, base] if base else stem)
                found.append(Import(base, tuple(a.name for a in child.names), child.lineno,
                                    in_function))
            visit(child, inside)

    visit(tree, False)
    return found


def _sources(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


def _all_sources() -> Iterator[Path]:
    for package in PROJECT_PACKAGES:
        yield from _sources(package)


def _top(name: str) -> str:
    return name.split(".")[0]


def _rel(path: Path) -> str:
    return str(path.relative_to(ROOT))


# --- layers ------------------------------------------------------------------------------------
@pytest.mark.parametrize("package", ["models", "storage", "drafting", "app"])
def test_only_ui_imports_qt(package: str) -> None:
    offenders = [
        f"{_rel(path)}:{imp.line} imports {imp.module}"
        for path in _sources(package) if path != LAUNCHER
        for imp in _imports(path) if _top(imp.module) in QT_MODULES
    ]
    assert offenders == []


@pytest.mark.parametrize(
    ("package", "forbidden"),
    [
        ("models", {"storage", "drafting", "app", "ui"}),
        ("storage", {"drafting", "app", "ui"}),
        ("drafting", {"storage", "app", "ui"}),
        ("app", {"ui"}),
        ("ui", {"storage", "drafting"}),
    ],
)
def test_arrows_point_down(package: str, forbidden: set[str]) -> None:
    """Every import counts, TYPE_CHECKING ones too: ui/ knows app/'s names, nothing below."""
    offenders = [
        f"{_rel(path)}:{imp.line} imports {imp.module}"
        for path in _sources(package)
        for imp in _imports(path)
        if _top(imp.module) in forbidden and imp.module not in SHARED_HELPERS
        and not (path == LAUNCHER and imp.in_function)
    ]
    assert offenders == []


def test_the_shared_files_module_is_drafting_s_only_edge_into_storage() -> None:
    edges = {imp.module for path in _sources("drafting") for imp in _imports(path)
             if _top(imp.module) == "storage"}
    assert edges <= SHARED_HELPERS


def test_ui_never_reaches_the_vault() -> None:
    """The window calls app/'s use cases (``workspace.do(use_case, ...)``); an attribute
    called ``vault`` (or a getattr of one) anywhere in ui/ is a way around them."""
    offenders = []
    for path in _sources("ui"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr == "vault":
                offenders.append(f"{_rel(path)}:{node.lineno} .vault")
            elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                  and node.func.id in {"getattr", "setattr", "hasattr"}
                  and any(isinstance(a, ast.Constant) and a.value == "vault"
                          for a in node.args)):
                offenders.append(f"{_rel(path)}:{node.lineno} {node.func.id}(..., 'vault')")
    assert offenders == []


def test_no_network_code_anywhere() -> None:
    offenders = [
        f"{_rel(path)}:{imp.line} imports {imp.module}"
        for path in _all_sources()
        for imp in _imports(path)
        if _top(imp.module) in NETWORK_MODULES
    ]
    assert offenders == []


# --- imports ---------------------------------------------------------------------------------
def _import_graph() -> dict[str, set[str]]:
    """Module -> the project modules it imports (any kind of import, as mypy sees them)."""
    paths = {_module_name(p): p for p in _all_sources()}

    def resolve(name: str) -> str | None:
        while name and name not in paths:
            name = name.rpartition(".")[0]
        return name or None

    graph: dict[str, set[str]] = {m: set() for m in paths}
    for module, path in paths.items():
        for imp in _imports(path):
            targets = [f"{imp.module}.{n}" if f"{imp.module}.{n}" in paths else imp.module
                       for n in imp.names]
            graph[module].update(t for t in map(resolve, targets) if t and t != module)
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Groups of modules that import each other, directly or round a loop (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def connect(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in sorted(graph[node]):
            if target not in index:
                connect(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            connect(node)
    return found


def test_no_import_cycles() -> None:
    assert _cycles(_import_graph()) == []


def _commented_for_start_up(lines: list[str], line: int) -> bool:
    """The import's own line, or the comment lines right above it, say it saves start-up time."""
    if START_UP_MARK in lines[line - 1].partition("#")[2]:
        return True
    above = line - 2
    while above >= 0 and lines[above].strip().startswith("#"):
        if START_UP_MARK in lines[above]:
            return True
        above -= 1
    return False


@pytest.mark.parametrize("package", IN_FUNCTION_RULE_PACKAGES)
def test_imports_inside_functions_only_save_start_up_time(package: str) -> None:
    offenders = []
    for path in _sources(package):
        lines = path.read_text(encoding="utf-8").splitlines()
        offenders += [f"{_rel(path)}:{imp.line} imports {imp.module} inside a function"
                      for imp in _imports(path)
                      if imp.in_function and not _commented_for_start_up(lines, imp.line)]
    assert offenders == []


def test_the_rules_see_what_they_check() -> None:
    """The checks above read real imports: a module known to import each kind is seen."""
    shell = {imp.module for imp in _imports(ROOT / "ui" / "shell.py")}
    assert "PySide6.QtWidgets" in shell and "app.workspace" in shell
    launcher = [imp for imp in _imports(LAUNCHER) if _top(imp.module) == "ui"]
    assert launcher and all(imp.in_function for imp in launcher)
    graph = _import_graph()
    assert "storage.repositories" in graph["storage.vault"]
    assert "app.notes.workflow" in graph["app.notes"]
