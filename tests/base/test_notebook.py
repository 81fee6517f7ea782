"""Briefs and collections in a notebook: `_repr_html_`, small whatever the size."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest

from conflictbrief import Brief, Citation, Source, Statement, datasets
from conflictbrief._base.text import NOTEBOOK_ROWS


def many(count: int) -> Brief:
    """A brief of *count* statements, one a day from 1 January 2021."""
    first = date(2021, 1, 1)
    return Brief(
        id="b",
        title="Many",
        as_of="2030-01-01",
        sources=[Source(id="s", title="The source", kind="article")],
        statements=[
            Statement(
                id=f"s{n}",
                date=(first + timedelta(days=n)).isoformat(),
                kind="report",
                summary="A long summary of what the source reported that day. " * 4,
                citations=[Citation(source="s", quote="words")],
            )
            for n in range(count)
        ],
    )


@pytest.fixture(scope="module")
def large() -> Brief:
    return many(3000)


class TestNotebookHtml:
    def test_first_page_of_rows(self, large: Brief) -> None:
        """A brief of 3,000 statements shows its first rows, then how many more."""
        shown = large._repr_html_()
        assert NOTEBOOK_ROWS == shown.count("<tr>") - 1
        more = re.findall(r"<p>and ([\d,]+) more</p>$", shown)
        assert [f"{3000 - NOTEBOOK_ROWS:,}"] == more

    def test_stays_small(self, large: Brief) -> None:
        """The notebook's HTML of 3,000 statements stays under 60 kB."""
        assert len(large._repr_html_()) < 60_000

    def test_no_more_line_when_all_shown(self) -> None:
        """A brief of no more rows than a page shows them all and no "more" line."""
        shown = many(NOTEBOOK_ROWS)._repr_html_()
        assert (NOTEBOOK_ROWS, False) == (shown.count("<tr>") - 1, "more" in shown)

    def test_date_once_and_prose_left(self) -> None:
        """A row gives its date once, and its cells read from the left."""
        shown = datasets.load()._repr_html_()
        first = re.search(r"<tbody><tr>(.*?)</tr>", shown)
        assert first is not None
        assert [
            "from an unknown day to 28 April 2025",
            (
                "urge \N{MIDDLE DOT} Donald Trump: Donald Trump urges both sides "
                "to engage in high-level talks."
            ),
        ] == re.findall(r'<td style="text-align: left">(.*?)</td>', first[1])

    def test_no_table_without_records(self) -> None:
        """A brief with no dated record is its title and summary, with no table."""
        brief = Brief(id="b", title="T", as_of="2025-01-01", summary="<Kursk>")
        assert "<h3>T</h3><p>&lt;Kursk&gt;</p>" == brief._repr_html_()


class TestRecordsHtml:
    def test_first_page_of_rows(self, large: Brief) -> None:
        """A collection of 3,000 statements shows its first rows, then how many more."""
        shown = large.statements._repr_html_()
        assert shown.startswith("<p>3,000 statements</p>")
        assert NOTEBOOK_ROWS == shown.count("<tr>") - 1
        assert shown.endswith(f"<p>and {3000 - NOTEBOOK_ROWS:,} more</p>")
        assert len(shown) < 60_000
