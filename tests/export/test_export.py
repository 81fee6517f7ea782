"""Exports: CSV, SQLite, GeoJSON, Parquet, pandas and networkx, and the command."""

from __future__ import annotations

import contextlib
import json
import math
import sqlite3
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from exported import EMPTY, HYPERLINK, needs, needs_fts5, read_csv, small

import conflictbrief
from conflictbrief._collections.registry import COLLECTIONS
from conflictbrief.cli import main
from conflictbrief.export import (
    to_csv,
    to_dataframes,
    to_geojson,
    to_graph,
    to_parquet,
    to_sqlite,
)
from conflictbrief.export._rows import record_tables, tables


class TestRows:
    def test_columns(self) -> None:
        """Dates, estimates and external ids become their flat columns."""
        found = {t.name: t.names for t in record_tables(small())}
        assert ("date", "date_earliest", "date_latest") == found["statements"][2:5]
        assert (
            "count_best",
            "count_low",
            "count_high",
            "count_approximate",
        ) == found["figures"][2:6]
        assert ("ids_iso3", "ids_wikidata", "ids_cameo") == found["actors"][-3:]

    def test_counts(self) -> None:
        """Every record is one row; link tables hold each id; citations each quote."""
        brief = small()
        expected = {"citations": 0}
        for c in COLLECTIONS:
            records = list(getattr(brief, c.name))
            expected[c.name] = len(records)
            for ref in c.references:
                if ref.several:
                    ids = [i for r in records for i in getattr(r, ref.field)]
                    expected[f"{c.name}_{ref.field}"] = len(ids)
            if c.dated:
                expected["citations"] += sum(len(r.citations) for r in records)
        assert expected == {t.name: len(t.rows) for t in tables(brief)}
        assert 0 < expected["citations"]


class TestCoordinates:
    def test_named_alike(self, tmp_path: Path) -> None:
        """Places have latitude and longitude in CSV, SQLite, GeoJSON and frames."""
        brief = small()
        to_csv(brief, tmp_path)
        to_sqlite(brief, tmp_path / "brief.db")
        with contextlib.closing(sqlite3.connect(tmp_path / "brief.db")) as db:
            stored = [row[1] for row in db.execute("PRAGMA table_info(places)")]
        (feature,) = to_geojson(brief)["features"]
        named = {
            "rows": next(t.names for t in record_tables(brief) if t.name == "places"),
            "csv": tuple(read_csv(tmp_path / "places.csv")[0]),
            "sqlite": tuple(stored),
            "geojson": tuple(feature["properties"]),
        }
        coordinates = {"latitude", "longitude", "lat", "lon"}
        assert dict.fromkeys(named, ("latitude", "longitude")) == {
            k: tuple(n for n in names if n in coordinates) for k, names in named.items()
        }

    @needs("pyarrow")
    def test_parquet(self, tmp_path: Path) -> None:
        """Parquet's places have latitude and longitude too."""
        import pyarrow.parquet as pq

        to_parquet(small(), tmp_path)
        names = pq.read_schema(tmp_path / "places" / "small.parquet").names
        coordinates = {"latitude", "longitude", "lat", "lon"}
        assert ["latitude", "longitude"] == [n for n in names if n in coordinates]


class TestToCsv:
    def test_formula_neutralised(self, tmp_path: Path) -> None:
        """A summary starting =HYPERLINK( gets a leading apostrophe; numbers don't."""
        to_csv(small(), tmp_path)
        statements = read_csv(tmp_path / "statements.csv")
        assert "'" + HYPERLINK == statements[0]["summary"]
        places = read_csv(tmp_path / "places.csv")
        assert ("-36.19", "'-Nowhere") == (places[0]["longitude"], places[1]["name"])

    def test_raw_round_trips(self, tmp_path: Path) -> None:
        """With raw=True every cell reads back as written, dates and lists too."""
        to_csv(small(), tmp_path, raw=True)
        statements = read_csv(tmp_path / "statements.csv")
        expected = {
            "id": "s2",
            "speaker": "",
            "date": "../2025-01",
            "date_earliest": "",
            "date_latest": "2025-01-31",
            "kind": "report",
            "summary": "Troops fought near Kursk.",
            "about": "",
            "via": "",
            "quote": "",
            "responds_to": "",
        }
        assert HYPERLINK == statements[0]["summary"]
        assert "north-korea;russia" == statements[0]["about"]
        assert expected == statements[1]
        figures = read_csv(tmp_path / "figures.csv")
        assert ("11000", "true") == (
            figures[0]["count_best"],
            figures[0]["count_approximate"],
        )

    def test_datapackage(self, tmp_path: Path) -> None:
        """datapackage.json lists each file with its types, keys and foreign keys."""
        written = to_csv(small(), tmp_path)
        package = json.loads((tmp_path / "datapackage.json").read_text("utf-8"))
        assert tmp_path / "datapackage.json" == written[-1]
        resources = {r["name"]: r for r in package["resources"]}
        assert {p.stem for p in written[:-1]} == set(resources)
        schema = resources["statements"]["schema"]
        assert ["id"] == schema["primaryKey"]
        assert {
            "fields": "speaker",
            "reference": {"resource": "actors", "fields": "id"},
        } in (schema["foreignKeys"])
        types = {f["name"]: f["type"] for f in schema["fields"]}
        assert ("date", "string") == (types["date_earliest"], types["about"])
        assert [
            {
                "title": "Wire",
                "path": "https://example.org/wire",
                "license": "CC BY 4.0",
            }
        ] == (package["sources"])

    def test_empty(self, tmp_path: Path) -> None:
        """An empty brief writes headers only, and a package without sources."""
        to_csv(EMPTY, tmp_path)
        package = json.loads((tmp_path / "datapackage.json").read_text("utf-8"))
        assert [] == read_csv(tmp_path / "actors.csv")
        assert "sources" not in package
        assert "description" not in package


class TestToSqlite:
    @pytest.fixture
    def db(self, tmp_path: Path) -> Iterator[sqlite3.Connection]:
        to_sqlite(small(), tmp_path / "brief.db")
        with contextlib.closing(sqlite3.connect(tmp_path / "brief.db")) as connection:
            yield connection

    def test_join(self, db: sqlite3.Connection) -> None:
        """Statements join their speakers' names."""
        found = db.execute(
            "SELECT s.id, a.name FROM statements s"
            " LEFT JOIN actors a ON a.id = s.speaker ORDER BY s.id"
        ).fetchall()
        assert [("s1", "KCNA"), ("s2", None)] == found

    @needs_fts5
    def test_full_text(self, db: sqlite3.Connection) -> None:
        """FTS5 finds statements, events and citations by their words."""
        statements = db.execute(
            "SELECT s.id FROM statements s JOIN statements_fts f ON f.rowid = s.rowid"
            " WHERE statements_fts MATCH 'kursk'"
        ).fetchall()
        events = db.execute(
            "SELECT count(*) FROM events_fts WHERE events_fts MATCH 'clash'"
        ).fetchone()
        quotes = db.execute(
            "SELECT count(*) FROM citations_fts WHERE citations_fts MATCH 'more'"
        ).fetchone()
        assert ([("s2",)], (1,), (1,)) == (statements, events, quotes)

    def test_counts(self, db: sqlite3.Connection) -> None:
        """Each table has one row per record, link or citation of the brief."""
        expected = {t.name: len(t.rows) for t in tables(small())}
        found = {
            name: db.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]  # noqa: S608
            for name in expected
        }
        assert expected == found

    def test_schema(self, db: sqlite3.Connection) -> None:
        """Places have latitude and longitude; references are indexed foreign keys."""
        places = [row[1] for row in db.execute("PRAGMA table_info(places)")]
        keys = {
            row[3]: row[2] for row in db.execute("PRAGMA foreign_key_list(statements)")
        }
        indexes = {row[1] for row in db.execute("PRAGMA index_list(statements)")}
        assert {"latitude", "longitude"} <= set(places)
        assert {
            "speaker": "actors",
            "via": "actors",
            "responds_to": "statements",
        } == keys
        assert "idx_statements_speaker" in indexes
        assert [] == db.execute("PRAGMA foreign_key_check").fetchall()

    def test_metadata(self, tmp_path: Path) -> None:
        """metadata.json carries the sources' licence, attribution and address."""
        written = to_sqlite(small(), tmp_path / "brief.db")
        meta = json.loads(written.read_text("utf-8"))
        assert tmp_path / "brief.metadata.json" == written
        assert ("CC BY 4.0", "Wire Agency", "https://example.org/wire") == (
            meta["license"],
            meta["source"],
            meta["source_url"],
        )
        tables_meta = meta["databases"]["brief"]["tables"]
        assert "name" == tables_meta["actors"]["label_column"]
        assert "wire: CC BY 4.0, Wire Agency" in tables_meta["sources"]["description"]

    def test_replaces(self, tmp_path: Path) -> None:
        """Writing again replaces the database; an empty brief has no licence."""
        path = tmp_path / "brief.db"
        to_sqlite(small(), path)
        meta = json.loads(to_sqlite(EMPTY, path).read_text("utf-8"))
        with contextlib.closing(sqlite3.connect(path)) as db:
            assert (0,) == db.execute("SELECT count(*) FROM statements").fetchone()
        assert {"title": "Empty"} == {k: v for k, v in meta.items() if k != "databases"}

    def test_bundled(self, tmp_path: Path) -> None:
        """The bundled brief's sources without an address give no source_url."""
        meta = json.loads(
            to_sqlite(conflictbrief.datasets.load(), tmp_path / "b.db").read_text()
        )
        assert "source_url" not in meta
        assert (
            "no licence given"
            in meta["databases"]["b"]["tables"]["sources"]["description"]
        )

    def test_without_fts5(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Without FTS5 the database has no search tables, and a warning says so."""

        class NoFts:
            def execute(self, _: str) -> None:
                raise sqlite3.OperationalError("no such module: fts5")

            def close(self) -> None:
                pass

        real = sqlite3.connect
        monkeypatch.setattr(
            sqlite3,
            "connect",
            lambda path: NoFts() if path == ":memory:" else real(path),
        )
        with pytest.warns(RuntimeWarning, match="lacks FTS5"):
            to_sqlite(small(), tmp_path / "brief.db")
        with contextlib.closing(real(tmp_path / "brief.db")) as db:
            names = {r[0] for r in db.execute("SELECT name FROM sqlite_master")}
        assert "statements_fts" not in names


def check_geojson(document: dict[str, Any]) -> None:
    """Assert the RFC 7946 structure of a FeatureCollection of Points."""
    assert "FeatureCollection" == document["type"]
    assert isinstance(document["features"], list)
    for feature in document["features"]:
        assert "Feature" == feature["type"]
        assert isinstance(feature["properties"], dict)
        geometry = feature["geometry"]
        assert "Point" == geometry["type"]
        lon, lat = geometry["coordinates"]
        for value in (lon, lat):
            assert isinstance(value, float | int)
            assert math.isfinite(value)
        assert -180 <= lon <= 180
        assert -90 <= lat <= 90
    json.dumps(document, allow_nan=False)


class TestToGeojson:
    def test_structure(self) -> None:
        """Places with coordinates are Point features, longitude first."""
        document = to_geojson(small())
        check_geojson(document)
        (feature,) = document["features"]
        assert [-36.19, 51.7306] == feature["geometry"]["coordinates"]
        assert "kursk" == feature["id"]

    def test_records_there(self) -> None:
        """A place's properties name the events and deployments there."""
        (feature,) = to_geojson(small())["features"]
        properties = feature["properties"]
        assert (["e1"], ["d1"], "Kursk") == (
            properties["events"],
            properties["deployments"],
            properties["name"],
        )

    def test_precision(self) -> None:
        """precision rounds the coordinates."""
        (feature,) = to_geojson(small(), precision=1)["features"]
        assert [-36.2, 51.7] == feature["geometry"]["coordinates"]

    def test_bundled(self) -> None:
        """The bundled brief's places are valid features."""
        check_geojson(to_geojson(conflictbrief.datasets.load()))


@needs("pyarrow")
class TestToParquet:
    def test_read_back(self, tmp_path: Path) -> None:
        """pyarrow reads each collection back equal to the brief's rows."""
        import pyarrow.parquet as pq

        brief = small()
        to_parquet(brief, tmp_path)
        for table in record_tables(brief):
            if not table.rows:  # a collection with no records writes no file
                assert not (tmp_path / table.name).exists()
                continue
            read = pq.read_table(tmp_path / table.name)
            rows = sorted(read.select(list(table.names)).to_pylist(), key=str)
            expected = [
                {k: list(v) if isinstance(v, tuple) else v for k, v in row.items()}
                for row in table.dicts()
            ]
            assert sorted(expected, key=str) == rows
            assert {brief.id} == set(read.column("brief").to_pylist())

    def test_partitions(self, tmp_path: Path) -> None:
        """Dated collections are split by year, an open start by its end's year."""
        written = to_parquet(small(), tmp_path)
        found = {p.relative_to(tmp_path).as_posix() for p in written}
        assert {
            "statements/year=2025/small.parquet",
            "deployments/year=2024/small.parquet",
            "actors/small.parquet",
            "citations/small.parquet",
        } <= found

    @needs("duckdb")
    def test_duckdb_many_briefs(self, tmp_path: Path) -> None:
        """DuckDB reads a folder of several briefs' exports as one table."""
        import duckdb

        for n, year in enumerate((2023, 2024, 2025)):
            to_parquet(small(f"brief-{n}", year), tmp_path / f"brief-{n}")
        glob = (tmp_path / "*" / "statements" / "**" / "*.parquet").as_posix()
        found = duckdb.execute(
            f"SELECT brief, year, count(*), min(date_latest)"  # noqa: S608
            f" FROM read_parquet('{glob}', hive_partitioning = true)"
            " GROUP BY ALL ORDER BY brief"
        ).fetchall()
        assert [
            ("brief-0", 2023, 2, date(2023, 1, 31)),
            ("brief-1", 2024, 2, date(2024, 1, 31)),
            ("brief-2", 2025, 2, date(2025, 1, 31)),
        ] == found

    def test_empty(self, tmp_path: Path) -> None:
        """An empty brief writes typed empty files for its undated collections."""
        import pyarrow.parquet as pq

        written = to_parquet(EMPTY, tmp_path)
        assert 0 == pq.read_table(tmp_path / "actors").num_rows
        assert not any("statements" in p.parts for p in written)


@needs("pandas")
class TestToDataframes:
    def test_frames(self) -> None:
        """Each table is a frame with nullable types and days as datetimes."""
        frames = to_dataframes(small())
        statements = frames["statements"]
        assert 2 == len(statements)
        assert "datetime64[s]" == str(statements["date_earliest"].dtype)
        assert "Int64" == str(frames["figures"]["count_best"].dtype)
        assert 7 == len(frames["citations"])


@needs("networkx")
class TestToGraph:
    def test_graph(self) -> None:
        """Actors are nodes; statements, deployments and figures typed edges."""
        graph = to_graph(small())
        edges = sorted(
            (u, v, k, d["type"]) for u, v, k, d in graph.edges(keys=True, data=True)
        )
        assert [
            ("kcna", "north-korea", "s1", "statement"),
            ("kcna", "russia", "s1", "statement"),
            ("north-korea", "russia", "d1", "deployment"),
            ("russia", "north-korea", "f1", "figure"),
        ] == edges
        assert "KCNA" == graph.nodes["kcna"]["name"]


class TestMissingExtra:
    @pytest.mark.parametrize(
        ("module", "extra", "export"),
        [
            ("pyarrow", "parquet", to_parquet),
            ("pandas", "pandas", lambda b, _: to_dataframes(b)),
            ("networkx", "graph", lambda b, _: to_graph(b)),
        ],
    )
    def test_names_extra(
        self,
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
        module: str,
        extra: str,
        export: Any,
    ) -> None:
        """Without its library an export names the extra to install."""
        monkeypatch.setitem(sys.modules, module, None)
        hint = f'pip install "conflictbrief\\[{extra}\\]"'
        with pytest.raises(ModuleNotFoundError, match=hint):
            export(small(), tmp_path)


class TestCommand:
    def test_files(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """export writes each format where -o says."""
        for to, out in (
            ("csv", "csv"),
            ("sqlite", "b.db"),
            ("geojson", "b.geojson"),
        ):
            assert 0 == main(["export", "--to", to, "-o", str(tmp_path / out)])
        assert (tmp_path / "csv" / "datapackage.json").exists()
        assert (tmp_path / "b.db").exists()
        check_geojson(json.loads((tmp_path / "b.geojson").read_text("utf-8")))
        assert "wrote" in capsys.readouterr().err

    def test_geojson_stdout(self, capsys: pytest.CaptureFixture[str]) -> None:
        """-o - prints the GeoJSON."""
        assert 0 == main(["export", "--to", "geojson", "-o", "-"])
        check_geojson(json.loads(capsys.readouterr().out))

    @needs("pyarrow")
    def test_parquet(self, tmp_path: Path) -> None:
        """export --to parquet writes the collections' folders."""
        assert 0 == main(["export", "--to", "parquet", "-o", str(tmp_path)])
        assert (tmp_path / "statements").is_dir()

    def test_missing_extra(
        self,
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """A missing extra exits 2 with the pip command."""
        monkeypatch.setitem(sys.modules, "pyarrow", None)
        assert 2 == main(["export", "--to", "parquet", "-o", str(tmp_path)])
        assert 'pip install "conflictbrief[parquet]"' in capsys.readouterr().err
