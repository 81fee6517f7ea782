"""Indexes behind `Records.where`: built once per collection, on first use.

Each index maps a query to the positions of the matching records in their
collection, ascending, so results keep the collection's order. Indexes are
immutable once built; threads that race to build one build equal copies, and
whichever is stored last is as good as the other.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from operator import attrgetter, sub
from typing import Any, Literal, NamedTuple

__all__ = [
    "OPEN_START",
    "UNBOUNDED",
    "DateIndex",
    "Question",
    "ValueIndex",
    "names_index",
    "union",
]

Question = Literal["overlapping", "within", "covering"]
"""What a `DateIndex` is asked of each interval: that it shares a day with the
query, lies wholly inside it, or contains it all."""

UNBOUNDED = 10**7
"""An ordinal past every `date`: the end of an interval that has none."""

OPEN_START = 0
"""An ordinal before every `date` (the first is 1): the start of an interval
that has none."""


def union(lists: Sequence[Sequence[int]]) -> list[int]:
    """Merge ascending position lists into one, without repeats."""
    if len(lists) == 1:
        return list(lists[0])
    import heapq  # queries on one value, the common case, need no merge

    out: list[int] = []
    for p in heapq.merge(*lists):
        if not out or out[-1] != p:
            out.append(p)
    return out


class ValueIndex:
    """Positions by the value of a field.

    A field that holds *several* values (a tuple of ids) files a record under
    each of them, and under None when it holds none.
    """

    __slots__ = ("positions",)

    def __init__(
        self, items: Iterable[Any], field: str, *, several: bool = False
    ) -> None:
        positions: dict[Any, list[int]] = {}
        values = map(attrgetter(field), items)
        if several:
            for i, held in enumerate(values):
                for value in held or (None,):
                    bucket = positions.get(value)
                    if bucket is None:
                        positions[value] = [i]
                    elif bucket[-1] != i:  # a value held twice
                        bucket.append(i)
        else:
            for i, value in enumerate(values):
                bucket = positions.get(value)
                if bucket is None:
                    positions[value] = [i]
                else:
                    bucket.append(i)
        self.positions = positions


def names_index(items: Iterable[Any]) -> dict[str, list[int]]:
    """Positions by name and alias, casefolded: the index behind `named`."""
    names: dict[str, list[int]] = {}
    for i, item in enumerate(items):
        for name in {n.casefold() for n in (item.name, *item.aliases)}:
            names.setdefault(name, []).append(i)
    return names


_LENGTHS = (366, 4 * 366, 16 * 366)
"""The longest interval, in days, that each level of a `DateIndex` keeps;
longer ones go to the next level's index."""


class _Sorted(NamedTuple):
    """A `DateIndex`'s search structure."""

    order: list[int]  # positions of the bounded intervals, by start
    starts: list[int]  # their starts, ascending
    reach: list[int]  # the latest end among the intervals up to each
    longer: DateIndex | None  # the intervals too long for this level
    open: list[int]  # positions of the unbounded intervals, by start
    open_starts: list[int]  # their starts, ascending


class DateIndex:
    """Positions of records whose day intervals meet a query interval.

    Record *i* covers the day ordinals ``firsts[i]`` to ``lasts[i]``,
    inclusive; a last day of `UNBOUNDED` means no end, and a last day before
    the first an empty window, which meets no query. Bounded intervals are
    kept sorted by start, with the latest end reached so far at each: a query
    looks only at those starting in it, and at those starting before it from
    the first whose reach gets into it. So that a span of several years does
    not widen the search for all the intervals after it, intervals longer
    than a year are kept in an index of their own, which keeps those longer
    than four years in another, and so on. Unbounded intervals are kept
    apart, sorted by start.

    The sorting is done on the first question asked: an index of some of
    the records (`subset`), which shares the day lists of the index it is
    taken from, can be made and asked without sorting them all.
    """

    __slots__ = ("_ends", "_firsts", "_level", "_positions", "_sorted")

    def __init__(
        self,
        firsts: list[int],
        lasts: list[int],
        positions: Sequence[int] | None = None,
        level: int = 0,
    ) -> None:
        """Index the records at *positions*, or all of them if None.

        An index of *level* keeps intervals up to ``_LENGTHS[level]`` days
        long itself, and hands longer ones to an index of the next level.
        """
        self._firsts = firsts
        self._ends = lasts
        self._positions = positions
        self._level = level
        self._sorted: _Sorted | None = None

    def ready(self) -> bool:
        """Whether the index is sorted, so that a question costs no sorting."""
        return self._sorted is not None

    def subset(self, positions: list[int]) -> DateIndex:
        """An index of the records at *positions* alone."""
        return DateIndex(self._firsts, self._ends, positions)

    def _sort(self) -> _Sorted:
        # Threads that get here together build equal structures.
        firsts, lasts, positions = self._firsts, self._ends, self._positions
        longest = _LENGTHS[self._level] if self._level < len(_LENGTHS) else UNBOUNDED
        if positions is None:
            positions = range(len(firsts))
            # Most indexes hold dates: all bounded, none empty, none long.
            lengths = list(map(sub, lasts, firsts))
            if lengths and min(lengths) >= 0 and max(lengths) < longest:
                order = sorted(positions, key=firsts.__getitem__)
                return self._store(order, sorted(firsts), [], [])
        bounded = [i for i in positions if firsts[i] <= lasts[i] < UNBOUNDED]
        unbounded = [i for i in positions if lasts[i] >= UNBOUNDED]
        short = [i for i in bounded if lasts[i] - firsts[i] < longest]
        long = [i for i in bounded if lasts[i] - firsts[i] >= longest]
        order = sorted(short, key=firsts.__getitem__)
        return self._store(order, [firsts[i] for i in order], long, unbounded)

    def _store(
        self,
        order: list[int],
        starts: list[int],
        long: list[int],
        unbounded: list[int],
    ) -> _Sorted:
        reach, latest = [], -1
        for end in [self._ends[i] for i in order]:
            if end > latest:  # noqa: PLR1730 (a call to max() is slower here)
                latest = end
            reach.append(latest)
        firsts = self._firsts
        longer = None
        if long:
            longer = DateIndex(firsts, self._ends, long, self._level + 1)
        opened = sorted(unbounded, key=firsts.__getitem__)
        found = _Sorted(
            order, starts, reach, longer, opened, [firsts[i] for i in opened]
        )
        self._sorted = found
        return found

    def estimate(self, first: int, last: int) -> int:
        """An upper bound on the number of matches, found in logarithmic time."""
        _, starts, reach, longer, _, open_starts = self._sorted or self._sort()
        count = bisect_right(starts, last) - bisect_left(reach, first)
        count += bisect_right(open_starts, last)
        return count if longer is None else count + longer.estimate(first, last)

    def find(self, question: Question, first: int, last: int) -> list[int]:
        """Positions of intervals that meet the query as *question* asks.

        *question* is "overlapping" (sharing at least one day with it),
        "within" (lying wholly inside it) or "covering" (containing it all).
        """
        if question == "overlapping":
            return self.overlapping(first, last)
        order, starts, reach, longer, opened, open_starts = self._sorted or self._sort()
        ends = self._ends
        if question == "within":
            lo = bisect_left(starts, first)
            hi = bisect_right(starts, last)
            found = [i for i in order[lo:hi] if ends[i] <= last]
            if opened and last >= UNBOUNDED:  # a query with no end holds them
                found += opened[bisect_left(open_starts, first) :]
        elif question == "covering":
            lo = bisect_left(reach, last)
            hi = bisect_right(starts, first)
            found = [i for i in order[lo:hi] if ends[i] >= last]
            if opened:
                found += opened[: bisect_right(open_starts, first)]
        else:
            raise ValueError(f"no such question: {question!r}")
        if longer is not None:
            found += longer.find(question, first, last)
        found.sort()
        return found

    def overlapping(self, first: int, last: int) -> list[int]:
        """Positions of intervals sharing at least one day with *first* to *last*."""
        order, starts, reach, longer, opened, open_starts = self._sorted or self._sort()
        # Those starting within the query overlap it; of those starting
        # before, the ones that end in it or after.
        lo = bisect_left(reach, first)
        mid = bisect_left(starts, first, lo)
        found = order[mid : bisect_right(starts, last, mid)]
        if lo < mid:
            ends = self._ends
            for i in order[lo:mid]:  # usually few: a loop is quicker here
                if ends[i] >= first:
                    found.append(i)
        if opened:
            found += opened[: bisect_right(open_starts, last)]
        if longer is not None:
            found += longer.overlapping(first, last)
        found.sort()
        return found

    def among(
        self, question: Question, positions: list[int], first: int, last: int
    ) -> list[int]:
        """Those of *positions* whose interval meets the query as *question* asks.

        The same questions as `find`, answered for given positions, by
        position, so that another filter's candidates are narrowed without
        touching the records.
        """
        firsts, ends = self._firsts, self._ends
        if question == "overlapping":
            return [
                i
                for i in positions
                if firsts[i] <= last and ends[i] >= first and firsts[i] <= ends[i]
            ]
        if question == "within":
            return [
                i
                for i in positions
                if first <= firsts[i] <= ends[i] <= last  # not an empty window
            ]
        if question == "covering":
            return [i for i in positions if firsts[i] <= first and ends[i] >= last]
        raise ValueError(f"no such question: {question!r}")
