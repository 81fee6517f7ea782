"""The exports read by the tools they are for; each skipped when not installed."""

from __future__ import annotations

import contextlib
import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from exported import needs, needs_fts5, small

from conflictbrief import Source
from conflictbrief.export import to_csv, to_parquet, to_sqlite

FRICTIONLESS = shutil.which("frictionless", path=Path(sys.executable).parent)


@pytest.mark.skipif(FRICTIONLESS is None, reason="frictionless is not installed")
class TestFrictionless:
    @pytest.mark.parametrize("bom", [False, True])
    def test_validate(self, tmp_path: Path, bom: bool) -> None:
        """frictionless validate passes on the CSV export and its data package."""
        assert FRICTIONLESS is not None
        to_csv(small(), tmp_path, bom=bom)
        result = subprocess.run(  # noqa: S603 (the installed frictionless)
            [FRICTIONLESS, "validate", str(tmp_path / "datapackage.json")],
            capture_output=True,
            text=True,
            check=False,
        )
        assert (0, "") == (result.returncode, result.stderr)


@needs("pyarrow")
@needs("duckdb")
class TestDuckdb:
    def test_no_deleted_rows(self, tmp_path: Path) -> None:
        """DuckDB reads a replaced export without the rows the new one lacks."""
        import duckdb

        to_parquet(small("wire", 2024), tmp_path)
        to_parquet(small("wire", 2025), tmp_path, replace=True)
        glob = (tmp_path / "statements" / "**" / "*.parquet").as_posix()
        found = duckdb.execute(
            "SELECT year, count(*) FROM read_parquet(?, hive_partitioning = true)"
            " GROUP BY ALL ORDER BY year",
            [glob],
        ).fetchall()
        assert [(2025, 2)] == found


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on."""
    with contextlib.closing(socket.socket()) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def fetch(url: str) -> str:
    """The body of a GET of *url*."""
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (our server)
        body: bytes = response.read()
        return body.decode("utf-8")


DATASETTE = shutil.which("datasette", path=Path(sys.executable).parent)


@needs_fts5
@pytest.mark.skipif(DATASETTE is None, reason="datasette is not installed")
class TestDatasette:
    @pytest.fixture
    def served(self, tmp_path: Path) -> Iterator[str]:
        assert DATASETTE is not None
        trap = Source(id="trap", title="Trap", kind="article", url="javascript:x()")
        brief = small().extend(sources=[trap])
        metadata = to_sqlite(brief, tmp_path / "brief.db")
        port = free_port()
        database = str(tmp_path / "brief.db")
        options = ["--metadata", str(metadata), "--host", "127.0.0.1"]
        server = subprocess.Popen(  # noqa: S603 (the installed datasette)
            [DATASETTE, "serve", database, *options, "--port", str(port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(100):  # up to 20 s for the server to answer
                with contextlib.suppress(OSError):
                    fetch(base + "/-/versions.json")
                    break
                time.sleep(0.2)
            yield base
        finally:
            server.terminate()
            server.wait(timeout=10)

    def test_page(self, served: str) -> None:
        """The page states no licence for all, links no javascript: and counts."""
        page = fetch(served + "/brief")
        assert (
            "Data license" in page,
            "javascript:" in page,
            "Wire Agency" in page,
        ) == (
            False,
            False,
            True,
        )

    def test_search(self, served: str) -> None:
        """Datasette's full-text search finds a statement by its words."""
        found = json.loads(
            fetch(served + "/brief/statements.json?_search=kursk&_shape=array")
        )
        assert ["s2"] == [row["id"] for row in found]
