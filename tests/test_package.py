"""The package's surface: its names and its version."""

from __future__ import annotations

import ast
from importlib.metadata import version
from pathlib import Path

import pytest

import conflictbrief


class TestPackage:
    def test_all_sorted_and_present(self) -> None:
        """__all__ is sorted (constants, then classes, then the rest) and exists."""
        names = conflictbrief.__all__
        order = sorted(names, key=lambda n: (not n.isupper(), not n[0].isupper(), n))
        assert order == names
        assert [] == [n for n in names if not hasattr(conflictbrief, n)]

    def test_version(self) -> None:
        """__version__ is the installed distribution's version."""
        assert version("conflictbrief") == conflictbrief.__version__

    def test_unknown_attribute(self) -> None:
        """An unknown attribute raises AttributeError naming it."""
        with pytest.raises(AttributeError, match="no attribute 'nothing'"):
            _ = conflictbrief.nothing


PACKAGE = Path(conflictbrief.__file__).parent


def imports_of(path: Path) -> set[str]:
    """The package modules *path* imports, at any depth of its code."""
    module = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
            target = f"{base}.{node.module}" if node.module else base
            found.add(target.removesuffix(".__init__"))
            found.update(f"{target}.{a.name}" for a in node.names)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
            "conflictbrief"
        ):
            found.add(node.module or "")
    return found


class TestLayout:
    def test_no_import_cycle(self) -> None:
        """No module imports itself through others, function-level imports included."""
        paths = {
            ".".join(p.relative_to(PACKAGE.parent).with_suffix("").parts).removesuffix(
                ".__init__"
            ): p
            for p in PACKAGE.rglob("*.py")
        }
        graph = {name: imports_of(p) & set(paths) - {name} for name, p in paths.items()}
        # The package imports its modules to re-export them: not a cycle.
        graph["conflictbrief"] = set()
        cycles = [
            (name, other)
            for name in graph
            for other in graph[name]
            if name in reachable(graph, other)
        ]
        assert [] == cycles

    def test_modules_stay_small(self) -> None:
        """No module of the package runs past 500 lines."""
        sizes = {
            p.name: len(p.read_text(encoding="utf-8").splitlines())
            for p in PACKAGE.rglob("*.py")
        }
        assert {} == {name: n for name, n in sizes.items() if n > 500}


def reachable(graph: dict[str, set[str]], start: str) -> set[str]:
    """The modules *start* imports, directly or through others."""
    seen: set[str] = set()
    todo = [start]
    while todo:
        for nxt in graph.get(todo.pop(), ()):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


class TestDir:
    def test_public_names_only(self) -> None:
        """dir() of the package lists its public names and nothing it uses itself."""
        assert sorted([*conflictbrief.__all__, "__version__"]) == dir(conflictbrief)
