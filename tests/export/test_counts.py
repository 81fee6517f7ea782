"""The largest count a figure may give is held by every export, and more is refused."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pyarrow.parquet as pq
import pytest

import conflictbrief
from conflictbrief import Brief, ValidationError, datasets
from conflictbrief.estimates import MAX_COUNT
from conflictbrief.export import to_dataframes, to_parquet, to_sqlite


def with_count(best: int) -> str:
    """The bundled dataset's JSON with its first figure giving *best*."""
    data = json.loads(conflictbrief.dumps(datasets.load()))
    data["figures"][0]["count"]["best"] = best
    return json.dumps(data)


@pytest.fixture(scope="module")
def largest() -> Brief:
    return conflictbrief.loads(with_count(MAX_COUNT))


class TestLargestCount:
    def test_refused_on_load(self) -> None:
        """One more than the largest count is refused, with its path."""
        with pytest.raises(ValidationError) as info:
            conflictbrief.loads(with_count(MAX_COUNT + 1))
        (problem,) = info.value.problems
        assert "$.figures[0].count.best" == problem.path

    def test_schema_states_it(self) -> None:
        """The JSON Schema gives the same maximum."""
        estimate = conflictbrief.json_schema()["$defs"]["Estimate"]["properties"]
        assert MAX_COUNT == estimate["best"]["maximum"]

    def test_sqlite(self, largest: Brief, tmp_path: Path) -> None:
        """SQLite holds it."""
        to_sqlite(largest, tmp_path / "b.db")
        with sqlite3.connect(tmp_path / "b.db") as db:
            (found,) = db.execute("select max(count_best) from figures").fetchone()
        assert MAX_COUNT == found

    def test_parquet(self, largest: Brief, tmp_path: Path) -> None:
        """Parquet holds it."""
        to_parquet(largest, tmp_path)
        table = pq.read_table(tmp_path / "figures")
        assert MAX_COUNT == max(table.column("count_best").to_pylist())

    def test_dataframes(self, largest: Brief) -> None:
        """pandas holds it."""
        frame = to_dataframes(largest)["figures"]
        assert MAX_COUNT == frame["count_best"].max()
