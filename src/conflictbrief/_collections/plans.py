"""The plans of `Records.where`: how one filter reads its value and which index answers.

A `Filter` says how `where` reads one filter (an id, ids, a kind, a plain
value, dates) and builds its plan: a `ValuePlan` holds the positions of the
wanted values from a `ValueIndex`, a `DatePlan` the days asked of a
`DateIndex`. Indexes are built on first use and kept in the collection's
`Root`.
"""

from __future__ import annotations

import enum
import functools
import operator
from collections.abc import Collection, Iterable
from datetime import date
from typing import TYPE_CHECKING, Any, Literal, cast

import attrs

from conflictbrief._base.index import UNBOUNDED, DateIndex, Question, ValueIndex, union
from conflictbrief._base.messages import choices
from conflictbrief._base.text import name_pairs
from conflictbrief._validators import fail, member
from conflictbrief.dates._convert import span_at
from conflictbrief.dates._span import DateSpan, day_numbers
from conflictbrief.errors import UnknownIdError

from .registry import BY_NAME
from .root import Root

if TYPE_CHECKING:
    from .collection import Records

__all__ = ["BY_COUNT", "DatePlan", "Filter", "FilterKind", "ValuePlan"]

FilterKind = Literal["ref", "refs", "enum", "value", "date", "active"]
"""How a filter reads its value: one id, a tuple of ids, a kind, a plain value
or dates (``date`` for when a record happened, ``active`` for when it was
present)."""


# The plans and Filter are plain classes: they are internal, and an attrs
# class costs about a millisecond of import time.


class ValuePlan:
    """A filter on a field's value, ready to run: the matching positions by value.

    *found* pairs each wanted value that occurs with its positions, from the
    field's `ValueIndex`; *count* is how many positions that makes.
    """

    __slots__ = ("count", "filter", "found", "root")

    def __init__(
        self,
        spec: Filter,
        root: Root,
        found: list[tuple[object, list[int]]],
        count: int,
    ) -> None:
        self.filter = spec
        self.root = root
        self.found = found
        self.count = count

    def positions(self) -> list[int]:
        return union([positions for _, positions in self.found])

    def narrow(self, positions: list[int]) -> list[int]:
        """Those of *positions* whose field holds a wanted value."""
        items, field = self.root.items, self.filter.field
        wanted = {value for value, _ in self.found}
        if self.filter.kind == "refs":
            return [
                p
                for p in positions
                if not wanted.isdisjoint(getattr(items[p], field) or (None,))
            ]
        return [p for p in positions if getattr(items[p], field) in wanted]

    def dated(self, dates: DatePlan) -> list[int]:
        """The positions matching this filter and *dates* together.

        Each wanted value has its own date index, over its positions alone,
        built on first use: a query of one speaker in one year bisects that
        speaker's statements rather than testing each of them.
        """
        root = self.root
        found = []
        for value, positions in self.found:
            key = (dates.key, self.filter.field, value)
            index = root.indexes.get(key)
            if index is None:
                index = root.index(key, functools.partial(_subset, dates, positions))
            found.append(index.find(dates.question, dates.low, dates.high))
        return found[0] if len(found) == 1 else union(found)


class DatePlan:
    """A filter on dates, ready to run: a `DateIndex` and the query's days.

    *question* is what `DateIndex.find` is asked; *key* names the index.
    """

    __slots__ = ("high", "index", "key", "low", "question")

    def __init__(
        self, key: str, index: DateIndex, span: DateSpan, question: Question
    ) -> None:
        self.key = key
        self.index = index
        self.low, self.high = day_numbers(span)
        self.question: Question = question

    def estimate(self) -> int:
        return self.index.estimate(self.low, self.high)

    def positions(self) -> list[int]:
        return self.index.find(self.question, self.low, self.high)

    def narrow(self, positions: list[int]) -> list[int]:
        return self.index.among(self.question, positions, self.low, self.high)


BY_COUNT = operator.attrgetter("count")
"""The sort key of value plans: the fewest positions first."""


class Filter:
    """How `Records.where` reads one filter and which index answers it.

    *field* is the record field the filter reads (``date`` for both date
    filters); *target* the collection a reference's ids belong to;
    *attribute* the field itself, whose converter and validator read a kind
    or a plain value as the field reads it.
    """

    __slots__ = ("attribute", "dated", "field", "kind", "target")

    def __init__(
        self,
        field: str,
        kind: FilterKind,
        target: str = "",
        attribute: attrs.Attribute[Any] | None = None,
    ) -> None:
        self.field = field
        self.kind: FilterKind = kind
        self.target = target
        self.attribute = attribute
        self.dated = kind in ("date", "active")

    def values(
        self, root: Root, name: str, value: object, *, members: bool = False
    ) -> ValuePlan:
        """Plan the value filter *name*, asking for *value* (see `Records.where`).

        With *members*, a filter on actors also asks for every actor that is
        part of one asked for.
        """
        wanted = (
            self._wanted_ids(root, name, value)
            if self.kind in ("ref", "refs")
            else self._field_values(name, value)
        )
        if members and self.target == "actors":
            wanted = _with_members(root, wanted)
        index: ValueIndex = root.indexes.get(name) or root.index(name, self.value_index)
        if len(wanted) == 1:
            (value,) = wanted
            positions = index.positions.get(value)
            if positions is None:
                return ValuePlan(self, root, [], 0)
            return ValuePlan(self, root, [(value, positions)], len(positions))
        found = [(v, p) for v in wanted if (p := index.positions.get(v)) is not None]
        return ValuePlan(self, root, found, sum([len(p) for _, p in found]))

    def value_index(self, items: tuple[Any, ...]) -> ValueIndex:
        """Build the index of this filter's field over *items*."""
        return ValueIndex(items, self.field, several=self.kind == "refs")

    def _field_values(self, name: str, value: object) -> frozenset[Any]:
        """The kinds or plain values asked for, each read as the field reads it."""
        # A kind or value filter is made with its field (see query.FILTERS).
        a = cast("attrs.Attribute[Any]", self.attribute)
        values = list(value) if _is_many(value) else [value]  # type: ignore[call-overload]
        out = set()
        found: object
        for v in values:
            if self.kind == "enum":
                kinds = cast("type[enum.Enum]", a.type)
                found = member(kinds, v)
                if type(found) is not kinds:
                    raise fail(name, v, f"one of {choices(kinds)}")
            else:
                # As the field reads it: a bad value is refused by the field's
                # own validator, in the field's own words.
                found = v if a.converter is None else a.converter(v)  # type: ignore[operator]
                if a.validator is not None:
                    a.validator(None, a, found)
            out.add(found)
        return frozenset(out)

    def _wanted_ids(
        self, root: Root, name: str, value: object
    ) -> Collection[str | None]:
        known: Records[Any] | None = (
            None if root.brief is None else getattr(root.brief, self.target)
        )
        if type(value) is str and (known is None or value in known):
            return (value,)
        values = list(value) if _is_many(value) else [value]  # type: ignore[call-overload]
        target = BY_NAME[self.target]
        out: set[str | None] = set()
        v: Any
        for v in values:
            key = v.id if type(v) is target.cls else v
            if key is not None and type(key) is not str:
                raise fail(name, v, f"an id, {target.singular}, or an iterable of them")
            if key is not None and known is not None and key not in known:
                raise UnknownIdError(
                    key,
                    self.target,
                    [r.id for r in known],
                    names=lambda: name_pairs(known),
                )
            out.add(key)
        return frozenset(out)

    def dates(self, root: Root, name: str, value: object, *, strict: bool) -> DatePlan:
        """Plan the date filter *name*, asking for *value* (see `Records.where`)."""
        span = span_at(name, value)
        if self.kind == "date":
            index: DateIndex = root.indexes.get(name) or root.index(name, _date_index)
            return DatePlan(name, index, span, "within" if strict else "overlapping")
        as_of = date.max if root.brief is None else root.brief.as_of
        if strict:
            key = f"{name}/strict"
            sure: DateIndex = root.index(
                key, lambda items: _active_index(items, as_of, sure=True)
            )
            return DatePlan(key, sure, span, "covering")
        maybe: DateIndex = root.index(
            name, lambda items: _active_index(items, as_of, sure=False)
        )
        return DatePlan(name, maybe, span, "overlapping")


def _with_members(root: Root, wanted: Collection[str | None]) -> set[str | None]:
    """*wanted* with every actor that is part of one of them, at any depth."""
    if root.brief is None:
        raise TypeError("members=True needs the collections of a brief")
    actors = root.brief.actors
    out = set(wanted)
    for key in wanted:
        if key is not None:
            out.update(a.id for a in actors.members(key))
    return out


def _subset(dates: DatePlan, positions: list[int], _: object) -> DateIndex:
    return dates.index.subset(positions)


def _is_many(value: object) -> bool:
    return isinstance(value, Iterable) and not isinstance(
        value, (str, bytes, enum.Enum)
    )


def _date_index(items: tuple[Any, ...]) -> DateIndex:
    dates = [r.date for r in items]
    try:
        # Most dates have both ends: read as two plain comprehensions, which
        # builds the index over 50,000 statements in a third of the time a
        # call per record takes; an open end (None) falls back to that call.
        return DateIndex(
            [d.earliest.toordinal() for d in dates],
            [d.latest.toordinal() for d in dates],
        )
    except AttributeError:
        days = [day_numbers(d) for d in dates]
        return DateIndex([first for first, _ in days], [last for _, last in days])


def active_window(record: Any, as_of: date, *, sure: bool) -> tuple[int, int] | None:
    """The days *record* was possibly (or, if *sure*, certainly) present.

    The days are ordinals, as `day_numbers` gives them, so that open ends
    carry through: a window may have no start or no end. A record with no
    departure (``until``) is certainly present up to the brief's *as_of* day
    and possibly present ever after; None is an empty window.
    """
    first, last = day_numbers(record.date)
    leaves = None if record.until is None else day_numbers(record.until)
    if sure:
        start = last
        end = as_of.toordinal() if leaves is None else leaves[0]
    else:
        start = first
        end = UNBOUNDED if leaves is None else leaves[1]
    return (start, end) if start <= end else None


def _active_index(items: tuple[Any, ...], as_of: date, *, sure: bool) -> DateIndex:
    firsts, lasts = [], []
    for record in items:
        window = active_window(record, as_of, sure=sure)
        if window is None:  # an empty window, which no query meets
            firsts.append(1)
            lasts.append(0)
        else:
            firsts.append(window[0])
            lasts.append(window[1])
    return DateIndex(firsts, lasts)
