"""The typical queries, one speaker and one speaker within a year, by each rival.

Each rival is built once from the same statements and then asked the same
question: which statements have *speaker* as their speaker, or, given the
days *first* to *last*, which of them have a date that overlaps those days.
A builder returns a function of the speaker that answers it; everything
that can be made once (bounds, expressions, SQL text) is made by the
builder, outside the timing. Each answer is the rival's own natural
result (a list, a DataFrame, fetched rows); `ids` reads the statement ids
from any of them, for checking that every rival finds the same statements.

pandas, Polars and DuckDB are imported inside the builder that uses them.
"""

from __future__ import annotations

import bisect
import collections
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from conflictbrief import Statement

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "Query",
    "by_speaker",
    "dict_query",
    "duckdb_query",
    "ids",
    "pandas_frame",
    "pandas_query",
    "polars_query",
    "scan_query",
    "sorted_index_query",
    "tuple_query",
]

Query = Callable[[str], Any]


def scan_query(statements: Sequence[Statement], first: date, last: date) -> Query:
    """A list comprehension over every statement: no index at all."""

    def scan(speaker: str) -> list[Statement]:
        return [
            s
            for s in statements
            if s.speaker == speaker
            and s.date.earliest <= last
            and s.date.latest >= first
        ]

    return scan


def by_speaker(statements: Sequence[Statement]) -> dict[str | None, list[Statement]]:
    """A hand-written index: each speaker's statements, in document order."""
    index: dict[str | None, list[Statement]] = collections.defaultdict(list)
    for s in statements:
        index[s.speaker].append(s)
    return dict(index)


def tuple_query(index: dict[str | None, list[Statement]]) -> Query:
    """The dict index, its list copied into a tuple, as a view is a copy."""
    empty: list[Statement] = []

    def lookup(speaker: str) -> tuple[Statement, ...]:
        return tuple(index.get(speaker, empty))

    return lookup


def dict_query(
    index: dict[str | None, list[Statement]], first: date, last: date
) -> Query:
    """The dict index, then a list comprehension over the speaker's statements."""
    empty: list[Statement] = []

    def lookup(speaker: str) -> list[Statement]:
        return [
            s
            for s in index.get(speaker, empty)
            if s.date.earliest <= last and s.date.latest >= first
        ]

    return lookup


def sorted_index_query(
    statements: Sequence[Statement], first: date, last: date
) -> Query:
    """A dict of per-speaker lists sorted by first day, searched by bisection.

    A statement overlaps the window when it starts on or before *last* and
    ends on or after *first*; as no statement of a speaker lasts longer than
    that speaker's longest, only those starting from *first* less that length
    can, and bisection finds them.
    """
    sorted_lists: dict[str | None, tuple[list[date], list[Statement], timedelta]] = {}
    for speaker, items in by_speaker(statements).items():
        items.sort(key=lambda s: s.date.earliest)
        longest = max(s.date.latest - s.date.earliest for s in items)
        sorted_lists[speaker] = ([s.date.earliest for s in items], items, longest)
    none: tuple[list[date], list[Statement], timedelta] = ([], [], timedelta(0))

    def lookup(speaker: str) -> list[Statement]:
        starts, items, longest = sorted_lists.get(speaker, none)
        lo = bisect.bisect_left(starts, first - longest)
        hi = bisect.bisect_right(starts, last, lo)
        return [s for s in items[lo:hi] if s.date.latest >= first]

    return lookup


def pandas_frame(
    statements: Sequence[Statement], speaker: str | None = None
) -> pd.DataFrame:
    """A DataFrame of *statements*, built the fastest straightforward way.

    The speaker column has pandas' default dtype for strings unless
    *speaker* names another ("object", "category").
    """
    import pandas as pd

    speakers = pd.Series([s.speaker for s in statements], name="speaker")
    return pd.DataFrame(
        {
            "id": [s.id for s in statements],
            "speaker": speakers if speaker is None else speakers.astype(speaker),
            "kind": [s.kind.value for s in statements],
            "earliest": pd.to_datetime([s.date.earliest for s in statements]),
            "latest": pd.to_datetime([s.date.latest for s in statements]),
            "about": [s.about for s in statements],
        }
    )


def pandas_query(
    data: pd.DataFrame, first: date | None = None, last: date | None = None
) -> Query:
    """A boolean mask over the DataFrame, bounds made once; no dates if None."""
    import pandas as pd

    if first is None or last is None:

        def by_speaker(speaker: str) -> pd.DataFrame:
            return data[data["speaker"] == speaker]

        return by_speaker
    start, end = pd.Timestamp(first), pd.Timestamp(last)

    def mask(speaker: str) -> pd.DataFrame:
        return data[
            (data["speaker"] == speaker)
            & (data["earliest"] <= end)
            & (data["latest"] >= start)
        ]

    return mask


def polars_query(
    statements: Sequence[Statement],
    first: date | None = None,
    last: date | None = None,
    *,
    dtype: str = "String",
) -> Query:
    """A Polars filter, its predicate on dates built once; no dates if None.

    The speaker column is a *dtype*: "String", "Categorical", or "Enum" of
    the speakers there are.
    """
    import polars as pl

    speakers = [s.speaker for s in statements]
    speaker_type: Any = (
        pl.Enum(sorted({s for s in speakers if s is not None}))
        if dtype == "Enum"
        else getattr(pl, dtype)()
    )
    data = pl.DataFrame(
        {
            "id": [s.id for s in statements],
            "speaker": pl.Series(speakers, dtype=speaker_type),
            "earliest": [s.date.earliest for s in statements],
            "latest": [s.date.latest for s in statements],
        }
    )
    if first is None or last is None:

        def by_speaker(speaker: str) -> pl.DataFrame:
            return data.filter(pl.col("speaker") == speaker)

        return by_speaker
    during = (pl.col("earliest") <= last) & (pl.col("latest") >= first)

    def select(speaker: str) -> pl.DataFrame:
        return data.filter((pl.col("speaker") == speaker) & during)

    return select


def duckdb_query(
    statements: Sequence[Statement], first: date | None = None, last: date | None = None
) -> Query:
    """A parameterised SELECT on a DuckDB table in memory, rows fetched.

    Without *first* and *last*, the SELECT asks for the speaker alone.

    The table is copied from a pandas DataFrame into DuckDB's own storage,
    sorted by speaker, so that the min-max statistics DuckDB keeps per row
    group let it skip all but the speaker's: in trials this halved the time
    of a query, where an ART index on the speaker was not used by the plan
    (a sequential scan with filters either way) and gained nothing.
    """
    import duckdb
    import pandas as pd

    connection = duckdb.connect(":memory:")
    source = pd.DataFrame(
        {
            "id": [s.id for s in statements],
            "speaker": [s.speaker for s in statements],
            "earliest": [s.date.earliest for s in statements],
            "latest": [s.date.latest for s in statements],
        }
    )
    connection.register("source", source)
    connection.execute(
        "CREATE TABLE statements AS SELECT id, speaker,"
        " CAST(earliest AS DATE) AS earliest, CAST(latest AS DATE) AS latest"
        " FROM source ORDER BY speaker"
    )
    connection.unregister("source")
    if first is None or last is None:

        def by_speaker(speaker: str) -> list[tuple[Any, ...]]:
            return connection.execute(
                "SELECT id FROM statements WHERE speaker = $speaker",
                {"speaker": speaker},
            ).fetchall()

        return by_speaker
    sql = (
        "SELECT id FROM statements"
        " WHERE speaker = $speaker AND earliest <= $last AND latest >= $first"
    )

    def select(speaker: str) -> list[tuple[Any, ...]]:
        return connection.execute(
            sql, {"speaker": speaker, "first": first, "last": last}
        ).fetchall()

    return select


def ids(answer: Any) -> list[str]:
    """The sorted statement ids in any rival's *answer*."""
    if hasattr(answer, "get_column"):  # Polars
        found = answer.get_column("id").to_list()
    elif hasattr(answer, "columns"):  # pandas
        found = answer["id"].tolist()
    else:
        found = [a[0] if isinstance(a, tuple) else a.id for a in answer]
    return sorted(found)
