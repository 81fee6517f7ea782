"""A brief as Parquet files that many briefs' exports read as one table.

Each collection is a folder of files named by the brief's id, with fixed
column types (never inferred, so that briefs with and without a value in a
column agree), a ``brief`` column, and dated collections partitioned by the
year of their first day, hive-style (``statements/year=2025/<brief>.parquet``).
DuckDB, Spark and Polars read a folder of many briefs' exports as one table.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

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


def write_parquet(brief: Brief, folder: str | Path) -> list[Path]:
    """Write each collection of *brief* as Parquet under *folder*.

    Returns:
        The paths written.
    """
    pa = require("pyarrow", "parquet")
    pq = require("pyarrow.parquet", "parquet")
    where = Path(folder)
    written = []
    for table in [*record_tables(brief), citation_table(brief)]:
        home = where / table.name
        groups: dict[Path, list[tuple[Any, ...]]] = {home: table.rows}
        if table.name in _DATED:
            names = table.names
            first, last = names.index("date_earliest"), names.index("date_latest")
            groups = defaultdict(list)
            for row in table.rows:
                groups[home / f"year={_year(row, first, last)}"].append(row)
        for folder_of, rows in groups.items():
            folder_of.mkdir(parents=True, exist_ok=True)
            path = folder_of / f"{brief.id}.parquet"
            pq.write_table(_arrow(pa, table, brief.id, rows), path)
            written.append(path)
    return written
