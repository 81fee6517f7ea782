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
