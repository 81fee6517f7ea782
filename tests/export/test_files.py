"""Every export writes its files whole or not at all, and no temporary file stays."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from exported import needs, small

from conflictbrief.export import _csv, _parquet, _sqlite, to_csv, to_parquet, to_sqlite


def contents(folder: Path) -> dict[str, bytes]:
    """Every file under *folder*, hidden ones included, by relative path."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def failing(real: Callable[..., Any], after: int) -> Callable[..., Any]:
    """*real*, raising OSError from its call number *after* on."""
    calls = 0

    def call(*args: Any, **kwargs: Any) -> Any:
        nonlocal calls
        calls += 1
        if calls >= after:
            raise OSError("disk full")
        return real(*args, **kwargs)

    return call


class TestFailureMidway:
    @pytest.mark.parametrize("after", [1, 40, 80])
    def test_csv(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, after: int
    ) -> None:
        """A failure while writing CSV leaves the earlier export as it was."""
        to_csv(small(), tmp_path)
        before = contents(tmp_path)
        monkeypatch.setattr(_csv, "_cell", failing(_csv._cell, after))
        with pytest.raises(OSError, match="disk full"):
            to_csv(small("other", 2020), tmp_path)
        assert before == contents(tmp_path)

    def test_csv_package(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """A failure after the tables, at the data package, leaves no file at all."""
        monkeypatch.setattr(_csv, "_package", failing(_csv._package, 1))
        with pytest.raises(OSError, match="disk full"):
            to_csv(small(), tmp_path / "csv")
        assert {} == contents(tmp_path)

    @pytest.mark.parametrize(("step", "after"), [("_stored", 3), ("_metadata", 1)])
    def test_sqlite(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str, after: int
    ) -> None:
        """A failure while writing SQLite leaves the earlier database and metadata."""
        to_sqlite(small(), tmp_path / "brief.db")
        before = contents(tmp_path)
        monkeypatch.setattr(_sqlite, step, failing(getattr(_sqlite, step), after))
        with pytest.raises(OSError, match="disk full"):
            to_sqlite(small("other", 2020), tmp_path / "brief.db")
        assert before == contents(tmp_path)

    @needs("pyarrow")
    @pytest.mark.parametrize("after", [1, 4])
    def test_parquet(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, after: int
    ) -> None:
        """A failure while writing Parquet leaves the earlier export as it was."""
        to_parquet(small(), tmp_path)
        before = contents(tmp_path)
        monkeypatch.setattr(_parquet, "_arrow", failing(_parquet._arrow, after))
        with pytest.raises(OSError, match="disk full"):
            to_parquet(small(year=2020), tmp_path, replace=True)
        assert before == contents(tmp_path)
