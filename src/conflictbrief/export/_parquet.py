"""A brief as Parquet files that many briefs' exports read as one table.

Each collection is a folder of files named by the brief's id, with fixed
column types (never inferred, so that briefs with and without a value in a
column agree), a ``brief`` column, and dated collections partitioned by the
year of their first day, hive-style (``statements/year=2025/<brief>.parquet``).
DuckDB, Spark and Polars read a folder of many briefs' exports as one table.
"""

from __future__ import annotations

import shutil
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from conflictbrief._base.files import remove_empty, temporary_name
from conflictbrief._collections.registry import COLLECTIONS

from ._rows import Table, citation_table, record_tables, require

if TYPE_CHECKING:
    from conflictbrief.brief import Brief

__all__ = ["write_parquet"]

_DATED = {c.name for c in COLLECTIONS if c.dated}


def _arrow_type(pa: Any, kind: str) -> Any:
    return {
        "string": pa.string(),
        "integer": pa.int64(),
        "number": pa.float64(),
        "boolean": pa.bool_(),
        "date": pa.date32(),
        "list": pa.list_(pa.string()),
    }[kind]


def _arrow(pa: Any, table: Table, brief_id: str, rows: list[tuple[Any, ...]]) -> Any:
    columns = list(zip(*rows, strict=True)) if rows else [()] * len(table.columns)
    fields = [pa.field(c.name, _arrow_type(pa, c.type)) for c in table.columns]
    arrays = [
        pa.array(values, type=f.type) for f, values in zip(fields, columns, strict=True)
    ]
    fields.append(pa.field("brief", pa.string()))
    arrays.append(pa.array([brief_id] * len(rows), type=pa.string()))
    return pa.Table.from_arrays(arrays, schema=pa.schema(fields))


def _year(row: tuple[Any, ...], first: int, last: int) -> int:
    day = row[first] if row[first] is not None else row[last]
    return int(day.year)


def _written(folder: Path, name: str, table: Table) -> list[Path]:
    """The files called *name* of *table* under *folder*, partitioned or not."""
    home = folder / table.name
    return sorted([*home.glob(name), *home.glob(f"year=*/{name}")])


def _write(
    pa: Any, pq: Any, brief: Brief, found: list[Table], staging: Path
) -> list[Path]:
    """Write the tables *found* of *brief* under *staging*; return relative paths."""
    written = []
    for table in found:
        home = Path(table.name)
        groups: dict[Path, list[tuple[Any, ...]]] = {home: table.rows}
        if table.name in _DATED:
            names = table.names
            first, last = names.index("date_earliest"), names.index("date_latest")
            groups = defaultdict(list)
            for row in table.rows:
                groups[home / f"year={_year(row, first, last)}"].append(row)
        for folder_of, rows in groups.items():
            path = folder_of / f"{brief.id}.parquet"
            (staging / folder_of).mkdir(parents=True, exist_ok=True)
            pq.write_table(_arrow(pa, table, brief.id, rows), staging / path)
            written.append(path)
    return written


def write_parquet(
    brief: Brief, folder: str | Path, *, replace: bool = False
) -> list[Path]:
    """Write each collection of *brief* as Parquet under *folder*.

    Every file is first written in a hidden folder beside the collections'
    folders; once all are complete they are moved into place, and the files
    of an earlier export of the brief that the new one does not have (a year
    it no longer has) are removed.

    Returns:
        The paths written.

    Raises:
        FileExistsError: *folder* holds an export of a brief with this id,
            and *replace* is false.
    """
    pa = require("pyarrow", "parquet")
    pq = require("pyarrow.parquet", "parquet")
    where = Path(folder)
    name = f"{brief.id}.parquet"
    found = [*record_tables(brief), citation_table(brief)]
    earlier = [p for table in found for p in _written(where, name, table)]
    if earlier and not replace:
        raise FileExistsError(
            f"{where} already holds an export of a brief with id {brief.id!r}"
            f" ({earlier[0]}); pass replace=True (export --replace) to replace it"
        )
    where.mkdir(parents=True, exist_ok=True)
    staging = temporary_name(where / brief.id)
    try:
        written = _write(pa, pq, brief, found, staging)
        for path in written:
            (where / path.parent).mkdir(parents=True, exist_ok=True)
            (staging / path).replace(where / path)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    kept = {where / p for p in written}
    for path in earlier:
        if path not in kept:
            path.unlink()
            remove_empty(path.parent)
    return [where / p for p in written]
