"""Indexes behind `Records.where`: built once per collection, on first use.

Each index maps a query to the positions of the matching records in their
collection, ascending, so results keep the collection's order. Indexes are
immutable once built; threads that race to build one build equal copies, and
whichever is stored last is as good as the other.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from itertools import accumulate
from typing import Any

__all__ = ["DateIndex", "ValueIndex", "union"]

UNBOUNDED = 10**7
"""An ordinal past every `date`: the end of an interval that has none."""


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
    """Positions by field value; a record with several values is under each."""

    __slots__ = ("positions",)

    def __init__(
        self, items: Iterable[Any], values: Callable[[Any], Iterable[Any]]
    ) -> None:
        positions: dict[Any, list[int]] = {}
        for i, item in enumerate(items):
            for value in values(item):
                bucket = positions.get(value)
                if bucket is None:
                    positions[value] = [i]
                elif bucket[-1] != i:
                    bucket.append(i)
        self.positions = positions


class DateIndex:
    """Positions of records whose day intervals meet a query interval.

    Record *i* covers the day ordinals ``firsts[i]`` to ``lasts[i]``,
    inclusive; a last day of `UNBOUNDED` means no end, and a last day before
    the first an empty window, which meets no query. Bounded intervals are
    kept sorted by start, with the latest end reached so far at each: a query
    looks only at those starting in it, and at those starting before it from
    the first whose reach gets into it. Unbounded intervals are kept apart,
    sorted by start. An index of some of the records (`subset`) shares
    the day lists of the index it is taken from.
    """

    __slots__ = (
        "_ends",
        "_firsts",
        "_open",
        "_open_starts",
        "_order",
        "_reach",
        "_starts",
    )

    def __init__(
        self,
        firsts: list[int],
        lasts: list[int],
        positions: Sequence[int] | None = None,
    ) -> None:
        """Index the records at *positions*, or all of them if None."""
        if positions is None:
            positions = range(len(firsts))
        bounded = [i for i in positions if firsts[i] <= lasts[i] < UNBOUNDED]
        unbounded = [i for i in positions if lasts[i] >= UNBOUNDED]
        self._order = sorted(bounded, key=firsts.__getitem__)
        self._starts = [firsts[i] for i in self._order]
        self._open = sorted(unbounded, key=firsts.__getitem__)
        self._open_starts = [firsts[i] for i in self._open]
        self._firsts = firsts
        self._ends = lasts
        self._reach = list(accumulate([lasts[i] for i in self._order], max))

    def subset(self, positions: list[int]) -> DateIndex:
        """An index of the records at *positions* alone."""
        return DateIndex(self._firsts, self._ends, positions)

    def estimate(self, first: int, last: int) -> int:
        """An upper bound on the number of matches, found in logarithmic time."""
        lo = bisect_left(self._reach, first)
        hi = bisect_right(self._starts, last)
        return hi - lo + bisect_right(self._open_starts, last)

    def find(self, question: str, first: int, last: int) -> list[int]:
        """Positions of intervals that meet the query as *question* asks.

        *question* is "overlapping" (sharing at least one day with it),
        "within" (lying wholly inside it) or "covering" (containing it all).
        """
        ends, starts, order = self._ends, self._starts, self._order
        if question == "within":
            lo = bisect_left(starts, first)
            hi = bisect_right(starts, last)
            found = [i for i in order[lo:hi] if ends[i] <= last]
        elif question == "covering":
            lo = bisect_left(self._reach, last)
            hi = bisect_right(starts, first)
            found = [i for i in order[lo:hi] if ends[i] >= last]
            if self._open:
                found += self._open[: bisect_right(self._open_starts, first)]
        else:
            # Those starting within the query overlap it; of those starting
            # before, the ones that end in it or after.
            lo = bisect_left(self._reach, first)
            mid = bisect_left(starts, first, lo)
            hi = bisect_right(starts, last, mid)
            found = order[mid:hi]
            for i in order[lo:mid]:  # usually few: a loop is quicker here
                if ends[i] >= first:
                    found.append(i)
            if self._open:
                found += self._open[: bisect_right(self._open_starts, last)]
        found.sort()
        return found

    def keep(
        self, question: str, positions: list[int], first: int, last: int
    ) -> list[int]:
        """Those of *positions* whose interval meets the query as *question* asks.

        The same questions as `find`, answered for given positions, by
        position, so that another filter's candidates are narrowed without
        touching the records.
        """
        firsts, ends = self._firsts, self._ends
        if question == "within":
            return [
                i
                for i in positions
                if first <= firsts[i] <= ends[i] <= last  # not an empty window
            ]
        if question == "covering":
            return [i for i in positions if firsts[i] <= first and ends[i] >= last]
        return [
            i
            for i in positions
            if firsts[i] <= last and ends[i] >= first and firsts[i] <= ends[i]
        ]
