"""Parquet: one brief's files replaced as a whole, never another's."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from exported import needs, small

from conflictbrief.export import to_parquet

pytestmark = needs("pyarrow")

BENCH = Path(__file__).parent.parent.parent / "bench"


def files_of(folder: Path, brief_id: str) -> set[str]:
    """The files of the brief *brief_id* under *folder*, relative to it."""
    return {
        p.relative_to(folder).as_posix() for p in folder.rglob(f"{brief_id}.parquet")
    }


class TestReplace:
    def test_same_id_refused(self, tmp_path: Path) -> None:
        """Another export of a brief with the same id is refused, the first kept."""
        first = set(map(str, to_parquet(small("wire", 2024), tmp_path)))
        with pytest.raises(FileExistsError, match=r"'wire'.*replace=True"):
            to_parquet(small("wire", 2025), tmp_path)
        assert {str(tmp_path / p) for p in files_of(tmp_path, "wire")} == first

    def test_replace_drops_old_years(self, tmp_path: Path) -> None:
        """replace=True leaves no file of a year the corrected brief no longer has."""
        to_parquet(small("wire", 2024), tmp_path)
        written = to_parquet(small("wire", 2025), tmp_path, replace=True)
        expected = {p.relative_to(tmp_path).as_posix() for p in written}
        found = files_of(tmp_path, "wire")
        assert (expected, False) == (
            found,
            "statements/year=2024/wire.parquet" in found,
        )

    def test_other_briefs_kept(self, tmp_path: Path) -> None:
        """Replacing one brief's export leaves the other briefs' files alone."""
        kept = {p.read_bytes() for p in to_parquet(small("other", 2023), tmp_path)}
        to_parquet(small("wire", 2024), tmp_path)
        to_parquet(small("wire", 2025), tmp_path, replace=True)
        found = {p.read_bytes() for p in tmp_path.rglob("other.parquet")}
        assert kept == found

    def test_no_temporary_folders(self, tmp_path: Path) -> None:
        """After an export the folder holds only the collections' folders."""
        to_parquet(small("wire", 2024), tmp_path)
        to_parquet(small("wire", 2025), tmp_path, replace=True)
        assert [] == [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]


class TestSyntheticBriefs:
    def test_seeds_side_by_side(self, tmp_path: Path) -> None:
        """The benchmarks' briefs of two seeds export side by side, each its own."""
        spec = importlib.util.spec_from_file_location(
            "bench_generate", BENCH / "generate.py"
        )
        assert spec is not None
        assert spec.loader is not None
        generate = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(generate)
        briefs = [generate.generate(300, seed) for seed in (0, 1)]
        for brief in briefs:
            to_parquet(brief, tmp_path)
        assert 2 == len({p.name for p in tmp_path.glob("actors/*.parquet")})
