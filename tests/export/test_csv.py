"""CSV: safe in spreadsheets that split on commas or on semicolons."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from exported import small

from conflictbrief import Actor, Brief, Citation, Statement
from conflictbrief.export import to_csv
from conflictbrief.export._csv import FORMULA_STARTS, neutralise

CALC = "=cmd|' /C calc'!A0"
TRAPS = (
    "Troops confirmed;=2+5;today",
    "Troops confirmed; =2+5",
    'Quoted;"=2+5"',
    "Two lines\n=2+5",
    "Listed,@SUM(A1)",
)


def trapped() -> Brief:
    """The small brief with a formula in a second alias and in parts of summaries."""
    cite = Citation(source="wire", quote="words")
    return small().extend(
        actors=[Actor(id="trap", name="Trap", kind="group", aliases=["Ok", CALC])],
        statements=[
            Statement(
                id=f"trap-{n}", date="2025", kind="report", summary=s, citations=[cite]
            )
            for n, s in enumerate(TRAPS)
        ],
    )


def is_number(cell: str) -> bool:
    """Whether a spreadsheet reads *cell* as a number, such as -36.19."""
    try:
        float(cell)
    except ValueError:
        return False
    return True


def formulas(text: str, delimiter: str) -> list[str]:
    """The cells a spreadsheet splitting *text* on *delimiter* would run."""
    cells = [
        c for row in csv.reader(io.StringIO(text), delimiter=delimiter) for c in row
    ]
    return [
        c
        for c in cells
        if c.lstrip(' "').startswith(FORMULA_STARTS) and not is_number(c)
    ]


class TestSafeCells:
    @pytest.mark.parametrize("delimiter", [",", ";"])
    @pytest.mark.parametrize("table", ["actors", "statements"])
    def test_no_formula(self, tmp_path: Path, delimiter: str, table: str) -> None:
        """Split on commas or on semicolons, no cell of a table is a formula."""
        to_csv(trapped(), tmp_path)
        text = (tmp_path / f"{table}.csv").read_text("utf-8")
        assert [] == formulas(text, delimiter)

    def test_raw_keeps_text(self, tmp_path: Path) -> None:
        """raw=True writes every part as it is."""
        to_csv(trapped(), tmp_path, raw=True)
        text = (tmp_path / "statements.csv").read_text("utf-8")
        found = {r["id"]: r["summary"] for r in csv.DictReader(io.StringIO(text))}
        assert list(TRAPS) == [found[f"trap-{n}"] for n in range(len(TRAPS))]

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Troops confirmed;=2+5;today", "Troops confirmed;'=2+5;today"),
            ("Ok;" + CALC, "Ok;'" + CALC),
            ("=1;-2", "'=1;'-2"),
            ("Kursk, 2025; the front", "Kursk, 2025; the front"),
            ("a\r\n+1", "a\r\n'+1"),
            ("Listed,@SUM(A1)", "Listed,'@SUM(A1)"),
        ],
    )
    def test_neutralise(self, text: str, expected: str) -> None:
        """Each part a spreadsheet can split off gets a leading apostrophe."""
        assert expected == neutralise(text)


class TestBom:
    def test_bom(self, tmp_path: Path) -> None:
        """bom=True starts every CSV file with a UTF-8 byte order mark, for Excel."""
        written = to_csv(small(), tmp_path, bom=True)
        heads = {p.read_bytes()[:3] for p in written if p.suffix == ".csv"}
        assert {b"\xef\xbb\xbf"} == heads

    def test_no_bom(self, tmp_path: Path) -> None:
        """By default a CSV file starts with its header, without a mark."""
        to_csv(small(), tmp_path)
        assert b"id," == (tmp_path / "actors.csv").read_bytes()[:3]
