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
ARCHITECTURE = Path(__file__).parent.parent / "docs" / "architecture.md"


def module_name(path: Path) -> str:
    """The dotted name of the package module at *path*."""
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts).removesuffix(".__init__")


def _type_checking(node: ast.AST) -> bool:
    """Whether *node* is ``if TYPE_CHECKING:``, whose imports never run."""
    if not isinstance(node, ast.If):
        return False
    test = node.test
    name = test.attr if isinstance(test, ast.Attribute) else getattr(test, "id", "")
    return name == "TYPE_CHECKING"


def _nodes(tree: ast.AST) -> list[ast.AST]:
    """Every node of *tree* that runs, leaving out ``if TYPE_CHECKING:`` bodies."""
    found = []
    todo = [tree]
    while todo:
        node = todo.pop()
        found.append(node)
        if _type_checking(node):
            todo += getattr(node, "orelse", [])
        else:
            todo += ast.iter_child_nodes(node)
    return found


def imports_of(path: Path) -> set[str]:
    """The package modules *path* imports when run, at any depth of its code.

    Imports under ``if TYPE_CHECKING:`` name a type for the checker alone:
    they are how a module refers back up the layers, and they never run.
    """
    module = module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = set()
    for node in _nodes(ast.parse(path.read_text(encoding="utf-8"))):
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


def modules() -> dict[str, Path]:
    """Every module of the package by dotted name."""
    return {module_name(p): p for p in PACKAGE.rglob("*.py")}


def import_graph() -> dict[str, set[str]]:
    """Each module with the package modules it imports when run."""
    paths = modules()
    graph = {name: imports_of(p) & set(paths) - {name} for name, p in paths.items()}
    # The package imports its modules to re-export them: not a cycle.
    graph["conflictbrief"] = set()
    return graph


def layers() -> list[list[str]]:
    """The layers of docs/architecture.md, top first: each a list of its parts.

    A part is a module (``brief``) or a folder (``dates/``), named as
    ``ls src/conflictbrief`` shows it; ``__init__`` is the package itself.
    """
    text = ARCHITECTURE.read_text(encoding="utf-8")
    block = text.split("<!-- layers -->", 2)[1]
    rows = [line.split("#")[0].strip() for line in block.splitlines()]
    return [
        [part.strip() for part in row.split(",")]
        for row in rows
        if row and not row.startswith("`")
    ]


def layer_of(module: str, table: list[list[str]]) -> int:
    """The layer (0 at the top) of the package *module*, by its first part."""
    parts = module.split(".")
    top = parts[1] if len(parts) > 1 else "__init__"
    for i, row in enumerate(table):
        if top in row or f"{top}/" in row:
            return i
    raise LookupError(f"{module} is in no layer of docs/architecture.md")


class TestLayout:
    def test_no_import_cycle(self) -> None:
        """No module imports itself through others, function-level imports included."""
        graph = import_graph()
        cycles = [
            (name, other)
            for name in graph
            for other in graph[name]
            if name in reachable(graph, other)
        ]
        assert [] == cycles

    def test_every_module_in_a_layer(self) -> None:
        """Every module and folder of the package has its layer in the docs."""
        table = layers()
        for name in modules():
            layer_of(name, table)

    def test_every_layer_exists(self) -> None:
        """Every part the docs' layers name is in the package."""
        present = {p.name for p in PACKAGE.iterdir() if not p.name.startswith(".")}
        named = {part.rstrip("/") for row in layers() for part in row}
        missing = {
            part
            for part in named
            if part != "__init__"
            and part not in present
            and f"{part}.py" not in present
        }
        assert set() == missing

    def test_imports_point_down(self) -> None:
        """A module imports only its own layer and the layers below it, as
        docs/architecture.md draws them; between folders as within them."""
        table = layers()
        upward = [
            (name, other)
            for name, imported in import_graph().items()
            for other in imported
            if layer_of(other, table) < layer_of(name, table)
        ]
        assert [] == upward

    def test_modules_stay_small(self) -> None:
        """No module of the package runs past 400 lines."""
        sizes = {
            module_name(p): len(p.read_text(encoding="utf-8").splitlines())
            for p in PACKAGE.rglob("*.py")
        }
        assert {} == {name: n for name, n in sizes.items() if n > 400}

    def test_top_level_is_a_table_of_contents(self) -> None:
        """At most 15 modules sit directly in the package; the rest are folders."""
        top = [p.name for p in PACKAGE.glob("*.py")]
        assert len(top) <= 15, sorted(top)


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
