"""Measure combining: two briefs merged, and figures tallied.

`measure_merge` times `Brief.merge` of two briefs of N/2 statements that share
their actors, places and sources, against `conflictbrief.loads` of the merged
brief's JSON (N statements): what a user pays to join two reports, against
what reading the joined brief costs; and `Brief.matches` of the two, against
the merge. `measure_tally` times
``brief.tally("troops", side=...)`` once its index is built, against the same
answer computed by a scan over every figure, after checking both agree.
"""

from __future__ import annotations

import collections
import functools
import gc
import time
from collections.abc import Callable, Sequence

from generate import halves
from queries import QUERY_TARGETS_FROM, best_time
from report import Result, Row, seconds, verdict

import conflictbrief
from conflictbrief import Actor, Brief, Estimate, Figure, FigureKind, Records
from conflictbrief._collections.tally import make_tally

__all__ = ["measure_crowd", "measure_merge", "measure_tally", "typical_sides"]


# Merge ------------------------------------------------------------------


def measure_merge(
    n: int, seed: int, repeats: int, before: Callable[[], None], result: Result
) -> None:
    """Time merging two halves of N statements against loading the whole.

    Both run as users run them: `merge` with the collector on, `loads` as
    shipped (it pauses the collector itself). A merge with the collector
    paused is shown for information. Runs are interleaved, and *before* is
    called before each.
    """
    first, second = halves(n, seed)
    merged = first.merge(second)
    data = conflictbrief.dumps(merged).encode()
    del merged
    merges: list[float] = []
    paused: list[float] = []
    loads: list[float] = []
    matched: list[float] = []
    for _ in range(repeats):
        before()
        start = time.perf_counter()
        pairs = first.matches(second)
        matched.append(time.perf_counter() - start)
        found = len(pairs)
        del pairs
        before()
        start = time.perf_counter()
        kept: object = first.merge(second)
        merges.append(time.perf_counter() - start)
        del kept
        before()
        gc.disable()
        try:
            start = time.perf_counter()
            kept = first.merge(second)
            paused.append(time.perf_counter() - start)
        finally:
            gc.enable()
        del kept
        before()
        start = time.perf_counter()
        kept = conflictbrief.loads(data)
        loads.append(time.perf_counter() - start)
        del kept
    merge, merge_paused, load = min(merges), min(paused), min(loads)
    match = min(matched)
    result.growth["merge (linear)"] = merge
    halves_made = f"{len(first.statements):,} + {len(second.statements):,}"
    result.rows += [
        Row(
            f"merge two briefs of N/2 (best of {repeats})",
            seconds(merge),
            f"load of N {seconds(load)}",
            load / merge,
            ">= 1",
            verdict(load / merge, 1),
        ),
        Row(
            f"matches of the two briefs (best of {repeats})",
            seconds(match),
            f"merge {seconds(merge)}",
            merge / match,
            ">= 0.5",
            verdict(merge / match, 0.5),
        ),
        Row(
            "  merge, gc paused",
            seconds(merge_paused),
            f"load of N {seconds(load)}",
            load / merge_paused,
            "(info)",
            "",
        ),
    ]
    result.notes.append(
        f"merge: {halves_made} statements, {len(first.figures):,} + "
        f"{len(second.figures):,} figures, sharing {len(first.actors):,} actors, "
        f"{len(first.places):,} places and {len(first.sources):,} sources; the "
        f"load reads the merged brief's JSON ({len(data) / 1e6:,.1f} MB); "
        f"matches gives {found:,} pairs, at most 10 per record"
    )


def measure_crowd(n: int, result: Result) -> None:
    """Time `matches` of two briefs of *n* actors who all share one alias.

    Every pair shares a name, the worst case for an index of names: `matches`
    gives at most 10 pairs per actor, where all pairs would be n * n. Timed
    against merging the same two briefs, once each (the collector on).
    """
    crowds = [
        Brief(
            id=side,
            title=side,
            as_of="2025-04-28",
            actors=[
                Actor(
                    id=f"{side}-{i}", name=f"{side} {i}", kind="person", aliases=["X"]
                )
                for i in range(n)
            ],
        )
        for side in ("ours", "theirs")
    ]
    start = time.perf_counter()
    pairs = crowds[0].matches(crowds[1])
    match = time.perf_counter() - start
    start = time.perf_counter()
    crowds[0].merge(crowds[1])
    merge = time.perf_counter() - start
    result.rows.append(
        Row(
            f"matches, {n:,} actors each sharing one alias",
            seconds(match),
            f"merge {seconds(merge)}",
            merge / match,
            "(info; under 1 s)",
            "PASS" if match < 1 else "MISS",
        )
    )
    result.notes.append(f"crowd: {len(pairs):,} pairs of {n:,} x {n:,} actors")


# Tally ------------------------------------------------------------------


def typical_sides(brief: Brief, k: int) -> list[str]:
    """*k* sides of median troop figure counts: typical, not the largest."""
    counts = collections.Counter(
        f.side for f in brief.figures if f.kind is FigureKind.TROOPS and f.side
    )
    ranked = sorted(counts, key=lambda a: (counts[a], a))
    start = max(0, len(ranked) // 2 - k // 2)
    return ranked[start : start + k]


def scanned_troops(brief: Brief, side: str) -> Estimate | None:
    """The troops of *side* by a plain scan over every figure.

    The figures of *side* and of its members (``part_of`` it at any depth)
    are found by testing each figure, then tallied by the rule of
    `Brief.tally` (`make_tally`): what the answer costs without the index
    and without the kept answer.
    """

    def within(actor: str | None) -> bool:
        while actor is not None:
            if actor == side:
                return True
            actor = brief.actors[actor].part_of
        return False

    figures = [
        f for f in brief.figures if f.kind is FigureKind.TROOPS and within(f.side)
    ]
    found = make_tally(brief, figures)
    return None if found is None else found.estimate


def filtered_troops(figures: Records[Figure], side: str) -> list[Figure]:
    """The troop figures of *side*, by a plain scan: what the index finds."""
    return [f for f in figures if f.kind is FigureKind.TROOPS and f.side == side]


def measure_tally(
    brief: Brief, sides: Sequence[str], repeats: tuple[int, int, float], result: Result
) -> None:
    """Time ``tally("troops", side=...)`` asked again, against a scan of the figures.

    A brief keeps the answer to a tally asked by kind and ids (it never
    changes), so the timed calls find it kept; the first call, which finds
    the figures through the index and works the answer out, is timed once
    and shown apart. *repeats* is the best of how many runs for `tally`, for
    the scan, and how long each run lasts.
    """
    ours_repeat, scan_repeat, budget = repeats
    start = time.perf_counter()
    brief.tally("troops", side=sides[0])
    first_call = time.perf_counter() - start
    tally_time = scan_time = where_time = filter_time = 0.0
    figures = brief.figures
    for side in sides:
        found = brief.tally("troops", side=side)
        answer = None if found is None else found.estimate
        if answer != scanned_troops(brief, side):
            raise AssertionError(f"tally() differs from the scan for {side!r}")
        tally_time += best_time(
            functools.partial(brief.tally, "troops", side=side), ours_repeat, budget
        )
        scan_time += best_time(
            functools.partial(scanned_troops, brief, side), scan_repeat, budget
        )
        # What the index alone buys: finding the figures, before any is
        # combined, added or named.
        where_time += best_time(
            functools.partial(figures.where, kind="troops", side=side),
            ours_repeat,
            budget,
        )
        filter_time += best_time(
            functools.partial(filtered_troops, figures, side), scan_repeat, budget
        )
    tally_time /= len(sides)
    scan_time /= len(sides)
    where_time /= len(sides)
    filter_time /= len(sides)
    result.growth["tally, indexed"] = tally_time
    ratio = scan_time / tally_time
    judged = result.n >= QUERY_TARGETS_FROM
    result.rows.append(
        Row(
            f"tally troops of one side, asked again (mean of {len(sides)})",
            seconds(tally_time),
            f"scan of figures {seconds(scan_time)}",
            ratio,
            ">= 100" if judged else f">= 100 at {QUERY_TARGETS_FROM:,}",
            verdict(ratio, 100) if judged else "",
        )
    )
    result.rows.append(
        Row(
            "  finding them alone: figures.where(kind, side)",
            seconds(where_time),
            f"filter of figures {seconds(filter_time)}",
            filter_time / where_time,
            "(info)",
            "",
        )
    )
    troops = collections.Counter(
        f.side for f in brief.figures if f.kind is FigureKind.TROOPS
    )
    result.notes.append(
        f"tally: sides {', '.join(sides)} "
        f"({', '.join(str(troops[s]) for s in sides)} troop figures of "
        f"{len(brief.figures):,} figures); the same estimate from tally() and "
        f"the scan; the first call, working it out, {seconds(first_call)}"
    )
