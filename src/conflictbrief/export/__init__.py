"""Open a brief in the tools people already use: spreadsheets, SQLite, maps, Parquet.

Every export starts from the same flat rows: each collection a table whose
columns follow its record class's fields (a date as ``date``,
``date_earliest`` and ``date_latest``; an estimate as ``count_best``,
``count_low``, ``count_high``, ``count_approximate``; external ids as
``ids_iso3``, ``ids_wikidata``, ``ids_cameo``), a link table per tuple of ids
(``statements_about``) and one ``citations`` table (collection, record,
position, source, quote). ``docs/exports.md`` shows each format in use.

Only CSV, SQLite and GeoJSON need nothing beyond Python. Parquet needs
pyarrow (``pip install "conflictbrief[parquet]"``), `to_dataframes` pandas
(``conflictbrief[pandas]``) and `to_graph` networkx (``conflictbrief[graph]``);
without them these raise `ModuleNotFoundError` naming the extra.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from pathlib import Path

    import networkx as nx
    import pandas as pd

    from conflictbrief.brief import Brief

__all__ = [
    "Format",
    "to_csv",
    "to_dataframes",
    "to_geojson",
    "to_graph",
    "to_parquet",
    "to_sqlite",
]

Format = Literal["csv", "sqlite", "geojson", "parquet"]
"""The formats written to files, as the command line names them."""


def to_csv(
    brief: Brief, folder: str | Path, *, raw: bool = False, bom: bool = False
) -> list[Path]:
    """Write *brief* as CSV files with a Frictionless ``datapackage.json``.

    One file per collection (a tuple of ids joined with ``;``), one per link
    table (``statements_about.csv``) and ``citations.csv``. Days are ISO
    dates, empty at an open end; flags are ``true`` and ``false``.

    Args:
        brief: The brief to write.
        folder: Where to write; created if missing.
        raw: Write text cells as they are. By default each part of a text
            cell (headers included) that a spreadsheet splitting on commas
            or on semicolons would run as a formula gets a leading ``'``:
            the cell's start, and each part after a ``;``, a ``,`` or a
            line break that starts with ``=``, ``+``, ``-``, ``@``, a tab
            or a carriage return (after any spaces and quotes). Numbers are
            left as they are.
        bom: Start each CSV file with a UTF-8 byte order mark, by which
            Excel knows the file is UTF-8 rather than the system's code page.

    Returns:
        The paths written, ``datapackage.json`` last.
    """
    from ._csv import write_csv  # each format's code is read when first used

    return write_csv(brief, folder, raw=raw, bom=bom)


def to_sqlite(brief: Brief, path: str | Path) -> Path:
    """Write *brief* as a SQLite database for Datasette, and its metadata file.

    A table per collection with primary key ``id``, a link table per tuple of
    ids, a foreign key and an index on every reference, ``latitude`` and
    ``longitude`` on places, and FTS5 full-text search (``statements_fts``,
    ``events_fts``, ``citations_fts``) over summaries and quotes. Without
    FTS5 in this Python's SQLite the database has no search tables, and a
    `RuntimeWarning` says so. The metadata file beside the database, named
    after it (``brief.metadata.json`` for ``brief.db``; ``datasette brief.db
    --metadata brief.metadata.json``), gives Datasette the brief's title,
    its sources' licences (one for the whole database only when every
    source has it) and their attribution.

    Args:
        brief: The brief to write.
        path: The database file. It and its metadata file are replaced once
            both are complete; a file there that is not a SQLite database,
            or not the metadata of a database of that name, is refused.

    Returns:
        The path of the metadata file.

    Raises:
        FileExistsError: *path* holds a file that is not a SQLite database,
            or the metadata's path a file that is not its metadata.
    """
    from ._sqlite import write_sqlite  # each format's code is read when first used

    return write_sqlite(brief, path)


def to_geojson(brief: Brief, *, precision: int | None = None) -> dict[str, Any]:
    """Return the places of *brief* that have coordinates as GeoJSON (RFC 7946).

    A FeatureCollection of Point features (``[longitude, latitude]``) with the
    place's id as the feature id, its fields as properties, and the ids of
    the records there under their collection's name (``"events"``,
    ``"deployments"``).

    Args:
        brief: The brief to read.
        precision: Round coordinates to this many decimal places.
    """
    from ._shapes import geojson  # each format's code is read when first used

    return geojson(brief, precision)


def to_parquet(
    brief: Brief, folder: str | Path, *, replace: bool = False
) -> list[Path]:
    """Write *brief* as Parquet, ready to be read with other briefs as one table.

    Each collection (and ``citations``) is a folder under *folder*; each file
    is named by the brief's id and has a ``brief`` column; dates are
    ``date32``, counts ``int64``, tuples lists of strings. Dated collections
    are partitioned by the year of their first day (``year=2025/``), so that
    ``read_parquet('exports/*/statements/**/*.parquet',
    hive_partitioning=true)`` in DuckDB reads them all. Exporting another
    brief into the same *folder* adds its files beside. Ids belong to their
    brief: join a folder of exports on ``(brief, id)``.

    Args:
        brief: The brief to write.
        folder: Where to write; created if missing.
        replace: Replace an earlier export of a brief with the same id in
            *folder*, as a whole: its files are replaced, and those of years
            the brief no longer has removed, once every new file is written.

    Returns:
        The paths written.

    Raises:
        FileExistsError: *folder* holds an export of a brief with the same
            id, and *replace* is false.
        ModuleNotFoundError: pyarrow is missing (``conflictbrief[parquet]``).
    """
    from ._parquet import write_parquet  # each format's code is read when first used

    return write_parquet(brief, folder, replace=replace)


def to_dataframes(brief: Brief) -> dict[str, pd.DataFrame]:
    """Return a pandas DataFrame per table of *brief*, by table name.

    Columns have nullable pandas types; days are ``datetime64[s]``.

    Raises:
        ModuleNotFoundError: pandas is missing (``conflictbrief[pandas]``).
    """
    from ._shapes import dataframes  # each format's code is read when first used

    return dataframes(brief)


def to_graph(brief: Brief) -> nx.MultiDiGraph[str]:
    """Return the actors of *brief* as a networkx graph of who relates to whom.

    Actors are nodes, with their fields. Each statement is an edge from its
    speaker to each actor it is about, each deployment from its sender to
    its host, each figure from each actor who gave it to the side counted;
    an edge's key is the record's id, its ``type`` the record's class
    (``"statement"``), and its attributes the record's fields.

    Raises:
        ModuleNotFoundError: networkx is missing (``conflictbrief[graph]``).
    """
    from ._shapes import graph  # each format's code is read when first used

    return graph(brief)
