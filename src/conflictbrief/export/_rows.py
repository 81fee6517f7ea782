"""A brief as flat tables of rows: the one shape every export builds on.

Each collection becomes a table whose columns are derived from its record
class's attrs fields and its reference fields (`_fields.references`), read
from the table of collections (`_collections.registry.COLLECTIONS`):

- a scalar field is one column, an enum its value; a place's ``lat`` and
  ``lon`` are ``latitude`` and ``longitude`` in every export;
- a `DateSpan` is three: ``date`` (canonical EDTF), ``date_earliest`` and
  ``date_latest`` (days, None at an open end);
- a nested value class (`Estimate`, `ExternalIds`) is one column per field,
  prefixed: ``count_best``, ``ids_iso3``;
- a tuple is one column holding the tuple; a tuple of ids also gives a link
  table (``statements_about``: the record, the position, the id);
- citations go to one ``citations`` table: collection, record, position,
  source, quote.
"""

from __future__ import annotations

import enum
import importlib
import types
import typing
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal

import attrs

from conflictbrief._collections.registry import COLLECTIONS
from conflictbrief.dates._span import DateSpan
from conflictbrief.sources import Citation

if TYPE_CHECKING:
    from conflictbrief.brief import Brief

__all__ = [
    "CITATIONS",
    "Column",
    "ColumnType",
    "Table",
    "citation_table",
    "link_tables",
    "record_tables",
    "require",
    "singular",
    "tables",
]

ColumnType = Literal["string", "integer", "number", "boolean", "date", "list"]
"""What a column holds: text, a whole number, a real number, a flag, a day,
or a tuple of strings."""

CITATIONS = "citations"
"""The name of the table of citations."""

_SCALARS: tuple[tuple[type, ColumnType], ...] = (
    # bool before int: a bool is an int to isinstance and issubclass.
    (bool, "boolean"),
    (int, "integer"),
    (float, "number"),
    (str, "string"),
)


# The names GIS tools and Datasette's map plugins look for, in every format
# alike, rather than the model's short field names.
_COLUMN_NAMES = {"lat": "latitude", "lon": "longitude"}


@attrs.frozen
class Column:
    """One column of a table.

    Attributes:
        name: Its name, such as ``"date_earliest"``.
        type: What it holds.
        target: The table whose ``id`` its values are, for a reference.
    """

    name: str
    type: ColumnType
    target: str | None = None


@attrs.frozen
class Table:
    """A table of rows, each a tuple in the order of the columns.

    Attributes:
        name: The table's name: a collection, a link table or ``citations``.
        columns: Its columns.
        rows: Its rows.
        key: The columns that identify a row.
        collection: The collection whose records the rows are, or None for
            a link table or the citations.
    """

    name: str
    columns: tuple[Column, ...]
    rows: list[tuple[Any, ...]] = attrs.field(repr=False)
    key: tuple[str, ...]
    collection: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        """The names of the columns, in order."""
        return tuple(c.name for c in self.columns)

    def dicts(self) -> list[dict[str, Any]]:
        """Return the rows as dictionaries by column name."""
        names = self.names
        return [dict(zip(names, row, strict=True)) for row in self.rows]


def _plain(annotation: Any) -> Any:
    """The type an annotation holds, without Optional and Annotated."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _plain(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        given = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _plain(given[0])
    return annotation


def _is_citations(annotation: Any) -> bool:
    return typing.get_origin(annotation) is tuple and (
        typing.get_args(annotation)[0] is Citation
    )


def _columns(
    cls: type[Any], prefix: str, path: str, targets: dict[str, str]
) -> list[tuple[Column, str]]:
    """Each column of *cls*'s fields with the expression that reads it."""
    found: list[tuple[Column, str]] = []
    for a in attrs.fields(cls):
        name = prefix + _COLUMN_NAMES.get(a.name, a.name)
        where = f"{path}.{a.name}"
        kind = _plain(a.type)
        if _is_citations(a.type):
            continue
        if kind is DateSpan:
            # An optional span reads None through `and`: spans are truthy.
            found += [
                (Column(name, "string"), f"({where} and str({where}))"),
                (Column(f"{name}_earliest", "date"), f"({where} and {where}.earliest)"),
                (Column(f"{name}_latest", "date"), f"({where} and {where}.latest)"),
            ]
        elif attrs.has(kind):
            found += _columns(kind, f"{name}_", where, {})
        elif typing.get_origin(kind) is tuple:
            found.append((Column(name, "list", targets.get(a.name)), where))
        elif isinstance(kind, type) and issubclass(kind, enum.Enum):
            found.append((Column(name, "string"), f"{where}.value"))
        else:
            ctype = next(t for base, t in _SCALARS if issubclass(kind, base))
            found.append((Column(name, ctype, targets.get(a.name)), where))
    return found


@attrs.frozen
class _Plan:
    """How one record class becomes rows: its columns and its row function."""

    columns: tuple[Column, ...]
    row: Callable[[Any], tuple[Any, ...]]
    cited: bool


_PLANS: dict[type[Any], _Plan] = {}


def _plan(cls: type[Any]) -> _Plan:
    plan = _PLANS.get(cls)
    if plan is None:
        targets = {r.field: r.target for r in _references(cls)}
        pairs = _columns(cls, "", "r", targets)
        # One generated function per class reads a whole row without a call
        # per column, as attrs generates __init__: measured on 50,000
        # statements, 0.085 s against 0.115 s for one getter per column, a
        # few percent of any export's time (bench/exports.py gives the totals).
        source = f"lambda r: ({', '.join(e for _, e in pairs)},)"
        row = eval(source, {"str": str})  # noqa: S307 (our own field names only)
        cited = any(_is_citations(a.type) for a in attrs.fields(cls))
        plan = _PLANS[cls] = _Plan(tuple(c for c, _ in pairs), row, cited)
    return plan


def _references(cls: type[Any]) -> tuple[Any, ...]:
    return next(c.references for c in COLLECTIONS if c.cls is cls)


def singular(collection: str) -> str:
    """The column naming a record of *collection* in a link table: "statement"."""
    return next(c.cls.__name__.lower() for c in COLLECTIONS if c.name == collection)


def record_tables(brief: Brief) -> list[Table]:
    """Return one table per collection, in the brief's order."""
    found = []
    for c in COLLECTIONS:
        plan = _plan(c.cls)
        row = plan.row
        rows = [row(r) for r in getattr(brief, c.name)]
        found.append(Table(c.name, plan.columns, rows, ("id",), c.name))
    return found


def link_tables(brief: Brief) -> list[Table]:
    """Return a link table per tuple of ids: the record, the position, the id."""
    links = []
    for c in COLLECTIONS:
        records = getattr(brief, c.name)
        owner = singular(c.name)
        for ref in c.references:
            if ref.several:
                columns = (
                    Column(owner, "string", c.name),
                    Column("position", "integer"),
                    Column(ref.field, "string", ref.target),
                )
                rows = [
                    (r.id, i, value)
                    for r in records
                    for i, value in enumerate(getattr(r, ref.field))
                ]
                key = (owner, "position")
                links.append(Table(f"{c.name}_{ref.field}", columns, rows, key))
    return links


def citation_table(brief: Brief) -> Table:
    """Return every citation of every record, in the brief's order."""
    cited: list[tuple[Any, ...]] = []
    for c in COLLECTIONS:
        if _plan(c.cls).cited:
            cited += [
                (c.name, r.id, i, cite.source, cite.quote)
                for r in getattr(brief, c.name)
                for i, cite in enumerate(r.citations)
            ]
    columns = (
        Column("collection", "string"),
        Column("record", "string"),
        Column("position", "integer"),
        Column("source", "string", "sources"),
        Column("quote", "string"),
    )
    return Table(CITATIONS, columns, cited, ("collection", "record", "position"))


def tables(brief: Brief) -> list[Table]:
    """Return the collections' tables, then the link tables and the citations."""
    return [*record_tables(brief), *link_tables(brief), citation_table(brief)]


def require(module: str, extra: str) -> Any:
    """Import the optional *module*, or say which extra installs it.

    Raises:
        ModuleNotFoundError: *module* is not installed; the message gives
            the ``pip install`` command for *extra*.
    """
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as error:
        top = module.partition(".")[0]
        message = (
            f"this export needs {top}, which is not installed: "
            f'pip install "conflictbrief[{extra}]"'
        )
        raise ModuleNotFoundError(message, name=top) from error
