"""Indexes behind `Records.where`: built once per collection, on first use.

Each index maps a query to the positions of the matching records in their
collection, ascending, so results keep the collection's order. Indexes are
immutable once built; threads that race to build one build equal copies, and
whichever is stored last is as good as the other.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence
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

    def lookup(self, values: Iterable[Any]) -> list[list[int]]:
        """The position lists of *values*, one per value that occurs."""
        return [p for v in values if (p := self.positions.get(v)) is not None]


class DateIndex:
    """Positions of records whose day intervals meet a query interval.

    Record *i* covers the day ordinals ``firsts[i]`` to ``lasts[i]``,
    inclusive; a last day of `UNBOUNDED` means no end. Starts are kept sorted,
    so a query looks only at records starting no earlier than the query's
    start less the longest bounded interval; unbounded intervals are kept
    apart, sorted by start.
    """

    __slots__ = (
        "_ends",
        "_firsts",
        "_longest",
        "_open",
        "_open_starts",
        "_order",
        "_starts",
    )

    def __init__(self, firsts: list[int], lasts: list[int]) -> None:
        positions = range(len(firsts))
        bounded = [i for i in positions if lasts[i] < UNBOUNDED]
        unbounded = [i for i in positions if lasts[i] >= UNBOUNDED]
        self._order = sorted(bounded, key=firsts.__getitem__)
        self._starts = [firsts[i] for i in self._order]
        self._open = sorted(unbounded, key=firsts.__getitem__)
        self._open_starts = [firsts[i] for i in self._open]
        self._firsts = firsts
        self._ends = lasts
        # Empty windows (last before first) must not shrink the search.
        self._longest = max((lasts[i] - firsts[i] for i in bounded), default=0)
        self._longest = max(self._longest, 0)

    def estimate(self, first: int, last: int) -> int:
        """An upper bound on the number of matches, found in logarithmic time."""
        lo = bisect.bisect_left(self._starts, first - self._longest)
        hi = bisect.bisect_right(self._starts, last)
        return hi - lo + bisect.bisect_right(self._open_starts, last)

    def overlapping(self, first: int, last: int) -> list[int]:
        """Positions of intervals sharing at least one day with the query."""
        ends = self._ends
        lo = bisect.bisect_left(self._starts, first - self._longest)
        hi = bisect.bisect_right(self._starts, last)
        found = [i for i in self._order[lo:hi] if ends[i] >= first]
        found += self._open[: bisect.bisect_right(self._open_starts, last)]
        found.sort()
        return found

    def within(self, first: int, last: int) -> list[int]:
        """Positions of intervals lying wholly inside the query."""
        ends = self._ends
        lo = bisect.bisect_left(self._starts, first)
        hi = bisect.bisect_right(self._starts, last)
        found = [i for i in self._order[lo:hi] if ends[i] <= last]
        found.sort()
        return found

    def covering(self, first: int, last: int) -> list[int]:
        """Positions of intervals that contain the whole query."""
        ends = self._ends
        lo = bisect.bisect_left(self._starts, last - self._longest)
        hi = bisect.bisect_right(self._starts, first)
        found = [i for i in self._order[lo:hi] if ends[i] >= last]
        found += self._open[: bisect.bisect_right(self._open_starts, first)]
        found.sort()
        return found

    # The keep_* methods answer the same questions for given positions, by
    # position, so that another filter's candidates are narrowed without
    # touching the records.

    def keep_overlapping(
        self, positions: list[int], first: int, last: int
    ) -> list[int]:
        """Those of *positions* whose interval shares a day with the query."""
        firsts, ends = self._firsts, self._ends
        return [i for i in positions if firsts[i] <= last and ends[i] >= first]

    def keep_within(self, positions: list[int], first: int, last: int) -> list[int]:
        """Those of *positions* whose interval lies wholly inside the query."""
        firsts, ends = self._firsts, self._ends
        return [i for i in positions if firsts[i] >= first and ends[i] <= last]

    def keep_covering(self, positions: list[int], first: int, last: int) -> list[int]:
        """Those of *positions* whose interval contains the whole query."""
        firsts, ends = self._firsts, self._ends
        return [i for i in positions if firsts[i] <= first and ends[i] >= last]
