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

    theirs = best_of(repeats, lambda: rq.pandas_frame(items), collect)
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
# how it is built. Only the fastest of a group is judged against its target.
Builder = Callable[[tuple[Statement, ...]], rq.Query]
RIVALS: tuple[tuple[str, str, tuple[str, ...], Builder], ...] = (
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
        "pandas object",
        "pandas",
        ("pandas",),
        lambda st: rq.pandas_query(rq.pandas_frame(st, "object"), FIRST, LAST),
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
        "Polars Categorical",
        "polars",
        ("polars",),
        lambda st: rq.polars_query(st, FIRST, LAST, categorical=True),
    ),
    (
        "DuckDB",
        "duckdb",
        ("duckdb", "pandas"),
        lambda st: rq.duckdb_query(st, FIRST, LAST),
    ),
)
# rival time / where time, at least; the dict index within 1.5x of where.
TARGETS = {"scan": 1000, "dict": 1 / 1.5, "pandas": 300, "polars": 100, "duckdb": 100}


def least(target: float) -> str:
    """A target ratio as the table shows it."""
    return f"{target:,.0f}" if target >= 1 else f"{target:.2f}"


def measure_query(
    brief: Brief,
    speakers: Sequence[str],
    repeats: tuple[int, int, float],
    result: Result,
) -> None:
    """Time one speaker in one year: `where` and every rival, side by side.

    *repeats* is the best of how many runs for `where`, for the rivals, and
    how long each run lasts.
    """
    ours_repeat, rival_repeat, budget = repeats
    statements = brief.statements
    items = tuple(statements)
    available = [r for r in RIVALS if not absent(*r[2])]
    answer = {label: build(items) for label, _, _, build in available}

    def where(sp: str) -> Records[Statement]:
        return statements.where(speaker=sp, during=WINDOW)

    totals = dict.fromkeys(["where", *answer], 0.0)
    found = []
    for sp in speakers:
        expected = rq.ids(where(sp))
        for label, query in answer.items():
            if rq.ids(query(sp)) != expected:
                raise AssertionError(f"{label} differs from where() for {sp!r}")
        found.append(len(expected))
        totals["where"] += best_time(functools.partial(where, sp), ours_repeat, budget)
        for label, query in answer.items():
            totals[label] += best_time(
                functools.partial(query, sp), rival_repeat, budget
            )
    per = {k: v / len(speakers) for k, v in totals.items()}
    result.growth["query (where)"] = per["where"]
    judged = result.n >= QUERY_TARGETS_FROM
    fastest: dict[str, str] = {}
    for label, group, _, _ in available:
        if group not in fastest or per[label] < per[fastest[group]]:
            fastest[group] = label
    rows = []
    for label, group, needs, _ in RIVALS:
        target = TARGETS[group]
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
    rows[0].figure = f"query (mean of {len(speakers)} speakers)"
    rows[0].ours = seconds(per["where"])
    result.rows += rows
    counts = collections.Counter(s.speaker for s in statements)
    result.notes.append(
        f"query: speakers {', '.join(speakers)} "
        f"({', '.join(str(counts[sp]) for sp in speakers)} statements; "
        f"{', '.join(map(str, found))} in {WINDOW}); "
        f"the same ids from where() and all {len(answer)} rivals"
    )
