"""Measure building the query indexes and the typical query, against rivals.

The typical query is one speaker within one year. `measure_build` times
building what `Records.where` needs for it, and the date index over all
statements, against a pandas DataFrame build; `measure_query` times the query
itself against every rival of `rivals_query`, after checking that all of them
find the same statements.
"""

from __future__ import annotations

import collections
import functools
import gc
import time
import timeit
from collections.abc import Callable, Sequence
from datetime import date

import rivals_query as rq
from report import Result, Row, absent, seconds, skipped, verdict

from conflictbrief import Brief, Records, Statement

__all__ = ["measure_build", "measure_query", "typical_speakers"]

WINDOW = "2023"
FIRST, LAST = date(2023, 1, 1), date(2023, 12, 31)
QUERY_TARGETS_FROM = 200_000  # the issue sets the query targets at this size


def best_of(
    repeats: int, fn: Callable[[], object], before: Callable[[], None]
) -> float:
    """The shortest of *repeats* timed calls of *fn*, each after *before*.

    One untimed call comes first, so that no figure includes importing a
    library or compiling code on first use.
    """
    before()
    fn()
    times = []
    for _ in range(repeats):
        before()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def best_time(fn: Callable[[], object], repeat: int, budget: float) -> float:
    """The best per-call time of *fn*, `timeit` style, each run ~*budget* s.

    Like `timeit.Timer.autorange`, but aiming at *budget* rather than at
    0.2 s, so that a quick run is quick.
    """
    timer = timeit.Timer(fn)
    number = 1
    while (spent := timer.timeit(number)) < budget / 10:
        number *= 10
    number = max(1, round(number * budget / spent))
    return min(timer.repeat(repeat=repeat, number=number)) / number


# Index build ----------------------------------------------------------------


def measure_build(brief: Brief, speaker: str, repeats: int, result: Result) -> None:
    """Time building the query's indexes, and building the DataFrame."""
    statements = brief.statements

    def forget() -> None:
        statements._root.indexes.clear()
        statements._root.views.clear()
        statements._root.kept = 0
        gc.collect()

    def typical() -> object:
        return statements.where(speaker=speaker, during=WINDOW)

    def by_date() -> object:
        # The date index over every statement: equal work to a DataFrame,
        # whose date columns serve any query on dates.
        return statements.where(during=WINDOW)

    def both() -> object:
        typical()
        return by_date()

    ours = {
        "typical": best_of(repeats, typical, forget),
        "date": best_of(repeats, by_date, forget),
        "both": best_of(repeats, both, forget),
    }
    result.growth["index build, typical query (linear)"] = ours["typical"]
    result.growth["index build, by date alone (linear)"] = ours["date"]
    labels = {
        "typical": f"index build, typical query (best of {repeats})",
        "date": "  by date alone (equal work)",
        "both": "  both, for both kinds of query",
    }
    missing = absent("pandas")
    if missing:
        for key, label in labels.items():
            result.rows.append(skipped(label, missing))
            result.rows[-1].ours = seconds(ours[key])
        return
    items = tuple(statements)

    def collect() -> None:
        gc.collect()

    theirs = best_of(repeats, lambda: rq.pandas_frame(items, "category"), collect)
    for key, label in labels.items():
        ratio = theirs / ours[key]
        judged = key != "both"
        result.rows.append(
            Row(
                label,
                seconds(ours[key]),
                f"DataFrame {seconds(theirs)}",
                ratio,
                ">= 1" if judged else "(info)",
                verdict(ratio, 1) if judged else "",
            )
        )


# Query --------------------------------------------------------------------


def typical_speakers(brief: Brief, k: int) -> list[str]:
    """*k* speakers of median frequency: typical, not the most quoted."""
    counts = collections.Counter(s.speaker for s in brief.statements if s.speaker)
    ranked = sorted(counts, key=lambda a: (counts[a], a))
    middle = len(ranked) // 2
    start = max(0, middle - k // 2)
    return ranked[start : start + k]


# Each rival: its label, the group it is judged in, the modules it needs and
# how it is built, for each query: one speaker ("one"), and one speaker within
# the year ("year"). Only the fastest of a group is judged against its target.
Builder = Callable[[tuple[Statement, ...]], rq.Query]
Rival = tuple[str, str, tuple[str, ...], Builder]
RIVALS: dict[str, tuple[Rival, ...]] = {
    "one": (
        ("scan", "scan", (), lambda st: rq.scan_query(st, date.min, date.max)),
        (
            "dict index, tuple(index[X])",
            "dict",
            (),
            lambda st: rq.tuple_query(rq.by_speaker(st)),
        ),
        (
            "pandas category",
            "pandas",
            ("pandas",),
            lambda st: rq.pandas_query(rq.pandas_frame(st, "category")),
        ),
        (
            "Polars Enum",
            "polars",
            ("polars",),
            lambda st: rq.polars_query(st, dtype="Enum"),
        ),
        ("DuckDB", "duckdb", ("duckdb", "pandas"), rq.duckdb_query),
    ),
    "year": (
        ("scan", "scan", (), lambda st: rq.scan_query(st, FIRST, LAST)),
        (
            "dict index + comprehension",
            "dict",
            (),
            lambda st: rq.dict_query(rq.by_speaker(st), FIRST, LAST),
        ),
        (
            "dict index + bisect",
            "dict",
            (),
            lambda st: rq.sorted_index_query(st, FIRST, LAST),
        ),
        (
            "pandas str",
            "pandas",
            ("pandas",),
            lambda st: rq.pandas_query(rq.pandas_frame(st), FIRST, LAST),
        ),
        (
            "pandas category",
            "pandas",
            ("pandas",),
            lambda st: rq.pandas_query(rq.pandas_frame(st, "category"), FIRST, LAST),
        ),
        (
            "Polars String",
            "polars",
            ("polars",),
            lambda st: rq.polars_query(st, FIRST, LAST),
        ),
        (
            "Polars Enum",
            "polars",
            ("polars",),
            lambda st: rq.polars_query(st, FIRST, LAST, dtype="Enum"),
        ),
        (
            "DuckDB",
            "duckdb",
            ("duckdb", "pandas"),
            lambda st: rq.duckdb_query(st, FIRST, LAST),
        ),
    ),
}
# rival time / where time, at least: where within 3x of the dict for one
# speaker, within 2x of it for a speaker in a year.
TARGETS = {
    "one": {"scan": 1000, "dict": 1 / 3, "pandas": 300, "polars": 100, "duckdb": 100},
    "year": {"scan": 1000, "dict": 1 / 2, "pandas": 300, "polars": 100, "duckdb": 100},
}
TITLES = {"one": "query: one speaker", "year": f"query: a speaker in {WINDOW}"}


def least(target: float) -> str:
    """A target ratio as the table shows it."""
    return f"{target:,.0f}" if target >= 1 else f"{target:.2f}"


def measure_query(
    brief: Brief,
    speakers: Sequence[str],
    repeats: tuple[int, int, float],
    result: Result,
) -> None:
    """Time both typical queries: `where` and every rival, side by side.

    *repeats* is the best of how many runs for `where`, for the rivals, and
    how long each run lasts. `where` is asked each query once before it is
    timed, as the rivals are built before: the first asking builds the
    indexes (timed by `measure_build`) and keeps the view of one speaker,
    which the later askings of the timing give again; a speaker in a year is
    worked out at each asking, from the speaker's own date index.
    """
    statements = brief.statements
    items = tuple(statements)
    asked = {
        "one": lambda sp: functools.partial(statements.where, speaker=sp),
        "year": lambda sp: functools.partial(
            statements.where, speaker=sp, during=WINDOW
        ),
    }
    counts = collections.Counter(s.speaker for s in statements)
    for shape, rivals in RIVALS.items():
        found = _compare(
            shape,
            rivals,
            asked[shape],
            items,
            speakers=speakers,
            repeats=repeats,
            result=result,
        )
        result.notes.append(
            f"{TITLES[shape]}: speakers {', '.join(speakers)} "
            f"({', '.join(str(counts[sp]) for sp in speakers)} statements; "
            f"{', '.join(map(str, found))} found); "
            f"the same ids from where() and every rival"
        )


def _compare(  # noqa: PLR0913 (the query, its rivals and how to time them)
    shape: str,
    rivals: tuple[Rival, ...],
    ask: Callable[[str], Callable[[], Records[Statement]]],
    items: tuple[Statement, ...],
    *,
    speakers: Sequence[str],
    repeats: tuple[int, int, float],
    result: Result,
) -> list[int]:
    """Time one query shape for *speakers*; add its rows; return the counts."""
    ours_repeat, rival_repeat, budget = repeats
    available = [r for r in rivals if not absent(*r[2])]
    answer = {label: build(items) for label, _, _, build in available}
    totals = dict.fromkeys(["where", *answer], 0.0)
    found = []
    for sp in speakers:
        expected = rq.ids(ask(sp)())
        for label, query in answer.items():
            if rq.ids(query(sp)) != expected:
                raise AssertionError(f"{label} differs from where() for {sp!r}")
        found.append(len(expected))
        totals["where"] += best_time(ask(sp), ours_repeat, budget)
        for label, query in answer.items():
            totals[label] += best_time(
                functools.partial(query, sp), rival_repeat, budget
            )
    per = {k: v / len(speakers) for k, v in totals.items()}
    result.growth[f"{TITLES[shape]} (where)"] = per["where"]
    judged = result.n >= QUERY_TARGETS_FROM
    fastest: dict[str, str] = {}
    for label, group, _, _ in available:
        if group not in fastest or per[label] < per[fastest[group]]:
            fastest[group] = label
    rows = []
    for label, group, needs, _ in rivals:
        target = TARGETS[shape][group]
        counted = fastest.get(group) == label
        shown = f">= {least(target)}" if counted else "(info)"
        if counted and not judged:
            shown += f" at {QUERY_TARGETS_FROM:,}"
        missing = absent(*needs)
        if missing:
            rows.append(skipped("", missing, f">= {least(target)}", label))
            continue
        ratio = per[label] / per["where"]
        rows.append(
            Row(
                "",
                "",
                f"{label} {seconds(per[label])}",
                ratio,
                shown,
                verdict(ratio, target) if judged and counted else "",
            )
        )
    rows[0].figure = f"{TITLES[shape]} (mean of {len(speakers)})"
    rows[0].ours = seconds(per["where"])
    result.rows += rows
    return found
