"""Time each export against `dumps` of the same synthetic brief.

    python bench/exports.py            # 200,000 statements
    python bench/exports.py --quick    # 2,000 statements, one run each

Each format is timed writing the brief to a fresh temporary folder, best of
three runs (one with ``--quick``), and reported as a ratio to ``dumps`` of
the same brief: the cost of handing a brief to another tool, against the
cost of saving it. SQLite, CSV and Parquet aim at 3x at most; a format
whose library is missing gets a SKIP row. Run with PYTHONDONTWRITEBYTECODE
unset for figures comparable with bench/run.py.
"""

from __future__ import annotations

import argparse
import importlib.util
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from generate import generate

import conflictbrief
from conflictbrief import export

TARGET = 3.0
TARGETED = ("csv", "sqlite", "parquet")


def best_of(runs: int, work: Callable[[Path], Any]) -> float:
    """The fastest of *runs* timings of *work*, each in a new folder."""
    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as folder:
            start = time.perf_counter()
            work(Path(folder))
            times.append(time.perf_counter() - start)
    return min(times)


def expected_statements(brief: conflictbrief.Brief) -> list[tuple[Any, ...]]:
    """The statements as the Parquet export should hold them, sorted by id."""
    return sorted(
        (
            s.id,
            s.speaker,
            str(s.date),
            s.date.earliest,
            s.date.latest,
            s.kind.value,
            s.summary,
            list(s.about),
        )
        for s in brief.statements
    )


def check_parquet(brief: conflictbrief.Brief) -> None:
    """Read the Parquet export back with pyarrow and DuckDB; both must equal it.

    Prints one line saying so, or a SKIP line when a library is missing;
    stops the run when a reader's records differ from the brief's.
    """
    missing = [m for m in ("pyarrow", "duckdb") if importlib.util.find_spec(m) is None]
    if missing:
        print(f"parquet read-back SKIP: {', '.join(missing)} missing")
        return
    import duckdb
    import pyarrow.dataset as ds

    columns = ["id", "speaker", "date", "date_earliest", "date_latest", "kind"]
    columns += ["summary", "about"]
    expected = expected_statements(brief)
    with tempfile.TemporaryDirectory() as folder:
        export.to_parquet(brief, folder)
        where = Path(folder) / "statements"
        table = ds.dataset(where, format="parquet", partitioning="hive").to_table()
        by_arrow = sorted(zip(*(table[c].to_pylist() for c in columns), strict=True))
        query = (
            f"SELECT {', '.join(columns)} FROM read_parquet("  # noqa: S608 (this script's names and folder)
            f"'{where}/**/*.parquet', hive_partitioning = true)"
        )
        by_duckdb = sorted(duckdb.sql(query).fetchall())
    if expected != by_arrow:
        raise SystemExit("pyarrow read back statements other than the brief's")
    if expected != [(*r[:-1], list(r[-1])) for r in by_duckdb]:
        raise SystemExit("DuckDB read back statements other than the brief's")
    print(
        f"parquet read-back: pyarrow and DuckDB give the {len(expected):,} statements"
    )


def main(argv: list[str] | None = None) -> int:
    """Print one line per format: seconds and the ratio to dumps."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=200_000, help="statements")
    parser.add_argument("--quick", action="store_true", help="2,000 statements, 1 run")
    args = parser.parse_args(argv)
    size, runs = (2_000, 1) if args.quick else (args.size, 3)
    brief = generate(size, 0)
    formats: dict[str, tuple[str | None, Callable[[Path], Any]]] = {
        "csv": (None, lambda p: export.to_csv(brief, p)),
        "sqlite": (None, lambda p: export.to_sqlite(brief, p / "brief.db")),
        "parquet": ("pyarrow", lambda p: export.to_parquet(brief, p)),
        "geojson": (None, lambda _: export.to_geojson(brief)),
        "dataframes": ("pandas", lambda _: export.to_dataframes(brief)),
        "graph": ("networkx", lambda _: export.to_graph(brief)),
    }
    check_parquet(brief)
    dumps = best_of(runs, lambda _: conflictbrief.dumps(brief))
    print(f"exports of {size:,} statements, best of {runs}, against dumps")
    print(f"{'dumps':<11} {dumps:8.3f} s   1.00x")
    for name, (needs, work) in formats.items():
        if needs is not None and importlib.util.find_spec(needs) is None:
            print(f"{name:<11} SKIP: {needs} missing")
            continue
        took = best_of(runs, work)
        ratio = took / dumps
        verdict = ""
        if name in TARGETED:
            verdict = "  ok" if ratio <= TARGET else f"  MISS (target {TARGET:g}x)"
        print(f"{name:<11} {took:8.3f} s {ratio:6.2f}x{verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
