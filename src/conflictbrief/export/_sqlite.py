"""A brief as one SQLite database for Datasette, with its metadata file.

A table per collection keyed by ``id``, a link table per tuple of ids, a
foreign key (with an index) on every reference, ``latitude`` and
``longitude`` on places (the names Datasette's map plugins look for), and
FTS5 full-text tables over summaries and quotes, built as Datasette and
sqlite-utils build them (``<table>_fts``, an external-content table), so
that Datasette offers a search box without configuration.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import warnings
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from conflictbrief._base.files import staged
from conflictbrief._base.links import linkable

from ._rows import Column, Table, tables

if TYPE_CHECKING:
    from conflictbrief.brief import Brief

__all__ = ["SEARCHED", "has_fts5", "metadata_path", "write_sqlite"]

SEARCHED = ("summary", "quote")
"""The text columns full-text search covers, in every table that has them."""

_SQL_TYPES = {
    "string": "TEXT",
    "integer": "INTEGER",
    "number": "REAL",
    "boolean": "INTEGER",
    "date": "TEXT",
    "list": "TEXT",
}


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def has_fts5() -> bool:
    """Whether this Python's SQLite has the FTS5 full-text extension."""
    with contextlib.closing(sqlite3.connect(":memory:")) as db:
        try:
            db.execute("CREATE VIRTUAL TABLE probe USING fts5(text)")
        except sqlite3.OperationalError:
            return False
        return True


def _stored(table: Table) -> tuple[list[Column], list[tuple[Any, ...]]]:
    """The columns SQLite keeps and the rows in SQLite's own types.

    A tuple of ids lives in its link table; any other tuple is a JSON array
    (which Datasette shows as a list); a day is ISO text; a flag is 0 or 1.
    """
    kept = [
        i
        for i, c in enumerate(table.columns)
        if not (c.type == "list" and c.target is not None)
    ]
    columns = [table.columns[i] for i in kept]

    def _json(value: tuple[str, ...]) -> str:
        return json.dumps(value, ensure_ascii=False)

    converters: dict[str, Callable[[Any], Any]] = {
        "date": date.isoformat,
        "boolean": int,
        "list": _json,
    }
    changed = [
        (j, converters[c.type]) for j, c in enumerate(columns) if c.type in converters
    ]
    if len(kept) == len(table.columns) and not changed:
        return columns, table.rows
    rows = []
    for row in table.rows:
        values = [row[i] for i in kept]
        for j, convert in changed:
            if values[j] is not None:
                values[j] = convert(values[j])
        rows.append(tuple(values))
    return columns, rows


def _create(db: sqlite3.Connection, table: Table, columns: list[Column]) -> None:
    lines = []
    for c in columns:
        line = f"{_quoted(c.name)} {_SQL_TYPES[c.type]}"
        if table.key == (c.name,):
            line += " PRIMARY KEY"
        if c.target is not None:
            line += f" REFERENCES {_quoted(c.target)}({_quoted('id')})"
        lines.append(line)
    if len(table.key) > 1:
        lines.append(f"PRIMARY KEY ({', '.join(_quoted(k) for k in table.key)})")
    db.execute(f"CREATE TABLE {_quoted(table.name)} ({', '.join(lines)})")


def _index(db: sqlite3.Connection, table: Table, columns: list[Column]) -> None:
    for c in columns:
        if c.target is not None and table.key[:1] != (c.name,):
            name = _quoted(f"idx_{table.name}_{c.name}")
            on = f"{_quoted(table.name)} ({_quoted(c.name)})"
            db.execute(f"CREATE INDEX {name} ON {on}")


def _search(db: sqlite3.Connection, table: Table, columns: list[Column]) -> str | None:
    searched = [c.name for c in columns if c.name in SEARCHED]
    if not searched:
        return None
    fts = f"{table.name}_fts"
    names = ", ".join(_quoted(n) for n in searched)
    db.execute(
        f"CREATE VIRTUAL TABLE {_quoted(fts)} USING fts5({names}, "
        f"content={_quoted(table.name)}, content_rowid='rowid')"
    )
    # Table names are our own, quoted; values never go into the text.
    rebuild = f"INSERT INTO {_quoted(fts)}({_quoted(fts)}) VALUES ('rebuild')"  # noqa: S608
    db.execute(rebuild)
    return fts


def _metadata(brief: Brief, database: str, found: dict[str, Any]) -> dict[str, Any]:
    """Datasette's metadata: the brief, its sources' licences and each table.

    Datasette shows ``license`` as the licence of all the data, so it is
    stated only when every source has the same one; otherwise each source's
    licence is in the ``sources`` table's description. The source line names
    the first source and counts the others, which the ``sources`` table
    lists; only an http or https address becomes a link.
    """
    sources = list(brief.sources)
    meta: dict[str, Any] = {"title": brief.title}
    if brief.summary is not None:
        meta["description"] = brief.summary
    licences = {s.license for s in sources}
    if len(licences) == 1 and None not in licences:
        (meta["license"],) = licences
    if sources:
        first = sources[0].attribution or sources[0].title
        others = len(sources) - 1
        meta["source"] = f"{first} and {others} more" if others else first
        url = linkable(sources[0].url)
        if not others and url is not None:
            meta["source_url"] = url
    meta["databases"] = {database: {"tables": found}}
    lines = []
    for s in sources:
        url = linkable(s.url)
        credit = s.attribution or s.title
        lines.append(
            f"{s.id}: {s.license or 'no licence given'}, {credit}"
            + ("" if url is None else f" ({url})")
        )
    if lines:
        found.setdefault("sources", {})["description"] = "; ".join(lines)
    return meta


def _is_database(path: Path) -> bool:
    """Whether *path* is a SQLite database (or empty), which an export may replace."""
    with path.open("rb") as f:
        head = f.read(16)
    return head in (b"", b"SQLite format 3\x00")


def metadata_path(database: Path) -> Path:
    """The metadata file of *database*: ``x.metadata.json`` beside ``x.db``."""
    return database.with_name(f"{database.stem}.metadata.json")


def _is_metadata(path: Path, database: str) -> bool:
    """Whether *path* is the Datasette metadata of *database*, safe to replace."""
    try:
        found = json.loads(path.read_bytes())
    except ValueError:  # not JSON, or not UTF-8
        return False
    return isinstance(found, dict) and database in (found.get("databases") or ())


def _fill(db: sqlite3.Connection, brief: Brief, *, search: bool) -> dict[str, Any]:
    """Write the tables of *brief* into *db*; return Datasette's table metadata."""
    about: dict[str, Any] = {}
    for table in tables(brief):
        columns, rows = _stored(table)
        _create(db, table, columns)
        marks = ", ".join("?" * len(columns))
        insert = f"INSERT INTO {_quoted(table.name)} VALUES ({marks})"  # noqa: S608
        db.executemany(insert, rows)
        _index(db, table, columns)
        details: dict[str, Any] = {}
        label = next((c.name for c in columns if c.name in ("name", "title")), None)
        if label is not None:
            details["label_column"] = label
        fts = _search(db, table, columns) if search else None
        if fts is not None:
            details |= {"fts_table": fts, "fts_pk": "rowid"}
        if details:
            about[table.name] = details
    db.commit()
    return about


def write_sqlite(brief: Brief, path: str | Path) -> Path:
    """Write *brief* as a SQLite database at *path*, and its metadata beside it.

    The metadata is ``x.metadata.json`` for ``x.db``. Both files replace
    what is there only once both are complete, and only a SQLite database
    and that database's metadata: any other file in their place is
    refused, untouched.

    Returns:
        The path of the metadata file written.

    Raises:
        FileExistsError: *path* holds a file that is not a SQLite database,
            or the metadata's path one that is not Datasette metadata of a
            database of that name.
    """
    target = Path(path)
    metadata = metadata_path(target)
    if target.exists() and not _is_database(target):
        raise FileExistsError(
            f"{target} exists and is not a SQLite database; choose another path"
        )
    if metadata.exists() and not _is_metadata(metadata, target.stem):
        raise FileExistsError(
            f"{metadata} exists and is not the Datasette metadata of {target.name};"
            " move it or choose another path"
        )
    search = has_fts5()
    if not search:
        warnings.warn(
            "this Python's SQLite lacks FTS5: the database has no full-text search",
            RuntimeWarning,
            stacklevel=3,
        )
    with staged() as staging:
        with contextlib.closing(sqlite3.connect(staging.path(target))) as db:
            about = _fill(db, brief, search=search)
        meta = _metadata(brief, target.stem, about)
        text = json.dumps(meta, ensure_ascii=False, indent=2) + "\n"
        with staging.path(metadata).open("x", encoding="utf-8") as file:
            file.write(text)
    return metadata
