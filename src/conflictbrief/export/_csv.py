"""A brief as CSV files, safe to open in a spreadsheet, with a Frictionless package.

Each table of `_rows.tables` is one file; ``datapackage.json`` beside
them describes every file's fields, types, primary key and foreign keys
(Frictionless Tabular Data Package), so that ``frictionless validate`` and
the tools that read data packages know the schema without guessing.
"""

from __future__ import annotations

import csv
import json
import re
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from conflictbrief._base.files import staged

from ._rows import Column, Table, tables

if TYPE_CHECKING:
    from conflictbrief.brief import Brief

__all__ = [
    "FORMULA_STARTS",
    "LIST_SEPARATOR",
    "SPLIT_AT",
    "neutralise",
    "write_csv",
]

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What a cell starts with when a spreadsheet would run it as a formula."""

SPLIT_AT = (";", ",", "\r", "\n")
"""Where a spreadsheet may cut a text into cells of their own.

A file written with commas, opened by a spreadsheet that splits on
semicolons (Excel does, where the comma is the decimal mark), is cut at
every ``;`` inside a cell, and at every line break, since the quotes around
the cell are no longer at the start of a field; the comma is there for a
reader that ignores quotes.
"""

LIST_SEPARATOR = ";"
"""What joins the items of a tuple in one cell."""

# A part starts a formula if, after the spaces and quotes a spreadsheet
# skips, it starts with one of FORMULA_STARTS.
_FORMULA_PART = re.compile(
    '(^|[{}])(?=[ "]*[{}])'.format(
        re.escape("".join(SPLIT_AT)), re.escape("".join(FORMULA_STARTS))
    )
)

_FRICTIONLESS_TYPES = {
    "string": "string",
    "integer": "integer",
    "number": "number",
    "boolean": "boolean",
    "date": "date",
    "list": "string",
}


def neutralise(text: str) -> str:
    """Return *text* with a ``'`` before each part a spreadsheet would run.

    The OWASP advice for CSV injection: a cell starting with ``=``, ``+``,
    ``-``, ``@``, a tab or a carriage return is read as a formula by Excel,
    LibreOffice and Google Sheets; a leading apostrophe makes it text. The
    same holds for each part a spreadsheet may split off (after a ``;``, a
    ``,`` or a line break, see `SPLIT_AT`), so each such part gets one too::

        >>> neutralise("Troops confirmed;=2+5;today")
        "Troops confirmed;'=2+5;today"
    """
    return _FORMULA_PART.sub(r"\1'", text)


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


def _write(table: Table, path: Path, *, raw: bool, bom: bool) -> None:
    # Numbers are never neutralised: "-33.5" is a number to a spreadsheet,
    # not a formula, and must stay one.
    texts = [c.type in {"string", "list"} for c in table.columns]
    encoding = "utf-8-sig" if bom else "utf-8"
    with path.open("x", encoding=encoding, newline="") as file:
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


def write_csv(
    brief: Brief, folder: str | Path, *, raw: bool = False, bom: bool = False
) -> list[Path]:
    """Write one CSV file per table of *brief* and ``datapackage.json`` in *folder*.

    Every file is written under a temporary name beside its own, and all are
    moved into place once all are complete.

    Returns:
        The paths written, the data package last.
    """
    where = Path(folder)
    where.mkdir(parents=True, exist_ok=True)
    found = tables(brief)
    written = []
    with staged() as staging:
        for table in found:
            path = where / f"{table.name}.csv"
            _write(table, staging.path(path), raw=raw, bom=bom)
            written.append(path)
        package = where / "datapackage.json"
        text = json.dumps(_package(brief, found), ensure_ascii=False, indent=2)
        with staging.path(package).open("x", encoding="utf-8") as file:
            file.write(text + "\n")
        written.append(package)
    return written
