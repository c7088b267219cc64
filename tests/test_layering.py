"""Qt stays in ui/: the core must import and run without PySide6."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

CORE = ("models", "app", "integrations")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


@pytest.mark.parametrize("package", CORE)
def test_core_never_imports_qt(repo_root: Path, package: str) -> None:
    offenders = []
    for path in sorted((repo_root / package).rglob("*.py")):
        if path.relative_to(repo_root).as_posix() == "app/cli/console.py":
            # the console subcommand launches ui/ lazily; checked below that it's the only one
            assert "PySide6" not in path.read_text(encoding="utf-8")
            continue
        qt = {
            name for name in _imports(path) if name.split(".")[0] in {"PySide6", "shiboken6", "ui"}
        }
        if qt:
            offenders.append(f"{path.relative_to(repo_root)}: {sorted(qt)}")
    assert offenders == []


def test_models_do_not_import_app_or_ui(repo_root: Path) -> None:
    for path in (repo_root / "models").rglob("*.py"):
        bad = {n for n in _imports(path) if n.split(".")[0] in {"app", "ui", "integrations"}}
        assert not bad, f"{path}: {bad}"
