"""A brief as CSV files, safe to open in a spreadsheet, with a Frictionless package.

Each table of `_rows.tables` is one file; ``datapackage.json`` beside
them describes every file's fields, types, primary key and foreign keys
(Frictionless Tabular Data Package), so that ``frictionless validate`` and
the tools that read data packages know the schema without guessing.
"""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._rows import Column, Table, tables

if TYPE_CHECKING:
    from conflictbrief.brief import Brief

__all__ = ["FORMULA_STARTS", "LIST_SEPARATOR", "neutralise", "write_csv"]

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What a cell starts with when a spreadsheet would run it as a formula."""

LIST_SEPARATOR = ";"
"""What joins the items of a tuple in one cell."""

_FRICTIONLESS_TYPES = {
    "string": "string",
    "integer": "integer",
    "number": "number",
    "boolean": "boolean",
    "date": "date",
    "list": "string",
}


def neutralise(text: str) -> str:
    """Return *text* with a leading ``'`` if a spreadsheet would run it.

    The OWASP advice for CSV injection: a cell starting with ``=``, ``+``,
    ``-``, ``@``, a tab or a carriage return is read as a formula by Excel,
    LibreOffice and Google Sheets; a leading apostrophe makes it text.
    """
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, tuple):
        return LIST_SEPARATOR.join(value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _write(table: Table, path: Path, *, raw: bool) -> None:
    # Numbers are never neutralised: "-33.5" is a number to a spreadsheet,
    # not a formula, and must stay one.
    texts = [c.type in {"string", "list"} for c in table.columns]
    with path.open("w", encoding="utf-8", newline="") as file:
        out = csv.writer(file)
        if raw:
            out.writerow(table.names)
            out.writerows([_cell(v) for v in row] for row in table.rows)
            return
        out.writerow(neutralise(n) for n in table.names)
        out.writerows(
            [
                neutralise(_cell(v)) if text else _cell(v)
                for text, v in zip(texts, row, strict=True)
            ]
            for row in table.rows
        )


def _field(column: Column) -> dict[str, Any]:
    field: dict[str, Any] = {
        "name": column.name,
        "type": _FRICTIONLESS_TYPES[column.type],
    }
    if column.type == "list":
        field["description"] = f"items separated by {LIST_SEPARATOR!r}"
    return field


def _resource(table: Table) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "fields": [_field(c) for c in table.columns],
        "missingValues": [""],
        "primaryKey": list(table.key),
    }
    schema["foreignKeys"] = [
        {"fields": c.name, "reference": {"resource": c.target, "fields": "id"}}
        for c in table.columns
        # A list cell holds several ids, which a foreign key cannot name: its
        # link table carries the keys instead.
        if c.target is not None and c.type != "list"
    ]
    return {
        "name": table.name,
        "path": f"{table.name}.csv",
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": schema,
    }


def _package(brief: Brief, found: list[Table]) -> dict[str, Any]:
    package: dict[str, Any] = {
        "profile": "tabular-data-package",
        "name": brief.id,
        "title": brief.title,
    }
    if brief.summary is not None:
        package["description"] = brief.summary
    sources = [
        {
            k: v
            for k, v in (("title", s.title), ("path", s.url), ("license", s.license))
            if v is not None
        }
        for s in brief.sources
    ]
    if sources:
        package["sources"] = sources
    package["resources"] = [_resource(t) for t in found]
    return package


def write_csv(brief: Brief, folder: str | Path, *, raw: bool = False) -> list[Path]:
    """Write one CSV file per table of *brief* and ``datapackage.json`` in *folder*.

    Returns:
        The paths written, the data package last.
    """
    where = Path(folder)
    where.mkdir(parents=True, exist_ok=True)
    found = tables(brief)
    written = []
    for table in found:
        path = where / f"{table.name}.csv"
        _write(table, path, raw=raw)
        written.append(path)
    package = where / "datapackage.json"
    text = json.dumps(_package(brief, found), ensure_ascii=False, indent=2)
    package.write_text(text + "\n", encoding="utf-8")
    written.append(package)
    return written
