"""The query planner behind `Records.where`: filters read, planned and run.

Which filters a collection takes is derived from its record class and the
table of collections: a ``kind`` filter for a ``kind`` field, one filter per
reference field (named after the field), ``during`` for dated records and
``active_on`` for records with an extent (a ``until`` field). Each filter is
answered from an index of the collection (`conflictbrief._index`), built on
first use and kept in the collection's `Root`.
"""

from __future__ import annotations

import enum
import functools
import operator
import threading
from collections.abc import Callable, Collection, Iterable, Mapping
from datetime import date
from typing import Any, Literal

import attrs

from ._index import UNBOUNDED, DateIndex, Question, ValueIndex, union
from ._messages import choices, close_matches
from ._registry import BY_NAME, COLLECTIONS
from ._registry import Collection as CollectionInfo
from ._span import DateSpan, day_numbers, span_at
from ._text import name_pairs
from ._validators import fail, member
from .errors import UnknownIdError

__all__ = ["FILTERS", "Filter", "FilterKind", "Root", "find"]

FilterKind = Literal["ref", "refs", "enum", "date", "active"]
"""How a filter reads its value: one id, a tuple of ids, a kind, or dates
(``date`` for when a record happened, ``active`` for when it was present)."""


class Root:
    """What a collection and every view of it share.

    Attributes:
        items: The collection's records.
        collection: Its row in the table of collections; None for records of
            mixed or no kinds, which `where` cannot filter.
        brief: The brief holding the collection, once attached; it resolves
            the ids filters are given and gives the ``as_of`` day.
        indexes: The indexes built so far, by name; built on first use.
        lock: Taken to build an index, so that threads asking for a missing
            one together build it once.
    """

    __slots__ = ("brief", "by_id", "collection", "indexes", "items", "lock")

    def __init__(
        self, items: tuple[Any, ...], collection: CollectionInfo | None
    ) -> None:
        self.items = items
        self.collection = collection
        self.brief: Any = None
        self.indexes: dict[Any, Any] = {}
        self.by_id: dict[str, Any] | None = None
        self.lock = threading.RLock()

    def index(self, name: object, build: Callable[[tuple[Any, ...]], Any]) -> Any:
        """The index *name*, built by *build* from the records on first use."""
        # Double-checked: the lock is taken only while an index is missing,
        # and a thread that waited for it finds the index built.
        index = self.indexes.get(name)
        if index is None:
            with self.lock:
                index = self.indexes.get(name)
                if index is None:
                    index = self.indexes[name] = build(self.items)
        return index

    def ids(self) -> dict[str, Any]:
        """The records by id; the first of a repeated id wins."""
        by_id = self.by_id
        if by_id is None:
            with self.lock:
                by_id = self.by_id
                if by_id is None:
                    by_id = {}
                    for item in self.items:
                        by_id.setdefault(item.id, item)
                    self.by_id = by_id
        return by_id


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
            key = (dates.key, self.filter, value)
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


_BY_COUNT = operator.attrgetter("count")


class Filter:
    """How `Records.where` reads one filter and which index answers it."""

    __slots__ = ("dated", "enum", "field", "kind", "target")

    def __init__(
        self, field: str, kind: FilterKind, target: str = "", enum: Any = None
    ) -> None:
        self.field = field
        self.kind: FilterKind = kind
        self.target = target
        self.enum = enum
        self.dated = kind in ("date", "active")

    def values(
        self, root: Root, name: str, value: object, *, members: bool = False
    ) -> ValuePlan:
        """Plan the value filter *name*, asking for *value* (see `Records.where`).

        With *members*, a filter on actors also asks for every actor that is
        part of one asked for.
        """
        wanted = (
            self._members(name, value)
            if self.kind == "enum"
            else self._wanted_ids(root, name, value)
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

    def _members(self, name: str, value: object) -> frozenset[Any]:
        values = list(value) if _is_many(value) else [value]  # type: ignore[call-overload]
        out = set()
        for v in values:
            found = member(self.enum, v)
            if type(found) is not self.enum:
                raise fail(name, v, f"one of {choices(self.enum)}")
            out.add(found)
        return frozenset(out)

    def _wanted_ids(
        self, root: Root, name: str, value: object
    ) -> Collection[str | None]:
        known = None if root.brief is None else getattr(root.brief, self.target)
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


def _filters_of(collection: CollectionInfo) -> dict[str, Filter]:
    """The filters of *collection*, derived from its record class."""
    fields = attrs.fields_dict(collection.cls)
    out: dict[str, Filter] = {}
    if "kind" in fields:
        out["kind"] = Filter("kind", "enum", enum=fields["kind"].type)
    for ref in collection.references:
        out[ref.field] = Filter(ref.field, "refs" if ref.several else "ref", ref.target)
    if collection.dated:
        out["during"] = Filter("date", "date")
    if "until" in fields:
        out["active_on"] = Filter("date", "active")
    return out


FILTERS: dict[str, dict[str, Filter]] = {c.name: _filters_of(c) for c in COLLECTIONS}
"""The filters `Records.where` takes, by collection name."""


def find(  # noqa: PLR0913 (a view's positions come as a list and a set made on demand)
    root: Root,
    own: list[int] | None,
    own_set: Callable[[], frozenset[int]],
    filters: Mapping[str, object],
    *,
    strict: bool,
    members: bool = False,
) -> list[int] | None:
    """The positions in *root* matching every filter; None if there are none.

    *own* are the positions of the view asked (None for the whole
    collection), *own_set* the same as a set, made on demand.

    Raises:
        TypeError: A filter name the collection does not have, or
            ``strict=True`` without a date filter.
        UnknownIdError: An id that is not in the brief.
        ValidationError: A kind or date that cannot be read.
    """
    collection = root.collection
    specs = None if collection is None else FILTERS[collection.name]
    if specs is None:
        raise TypeError(
            "where() filters the collections of a brief; this one holds records"
        )
    name = collection.name  # type: ignore[union-attr]
    values: list[ValuePlan] = []
    dates: list[DatePlan] = []
    try:
        for key, value in filters.items():
            spec = specs.get(key)
            if spec is None:
                raise _unknown_filter(name, key)
            if spec.dated:
                dates.append(spec.dates(root, key, value, strict=strict))
            else:
                values.append(spec.values(root, key, value, members=members))
    except (TypeError, LookupError, ValueError):
        # A misused where() is named before any value it was given.
        _check_use(name, filters, strict=strict)
        raise
    if strict and not dates:
        _check_use(name, filters, strict=strict)  # raises: no dates
    if not filters:
        return None
    # The candidates come from the view's own records, if fewer than any
    # filter would give; else from the most selective value filter, answered
    # together with a date filter where there is one; else from the first
    # date filter. Every other filter narrows them.
    rest: list[ValuePlan | DatePlan] = [*values, *dates]
    if own is not None and _fewest(own, values, dates):
        found = list(own)
    else:
        if values:
            best = min(values, key=_BY_COUNT) if len(values) > 1 else values[0]
            if dates:
                found = best.dated(dates[0])
                rest.remove(dates[0])
            else:
                found = best.positions()
            rest.remove(best)
        else:
            when = min(dates, key=DatePlan.estimate) if len(dates) > 1 else dates[0]
            found = when.positions()
            rest.remove(when)
        if own is not None:
            mine = own_set()
            found = [p for p in found if p in mine]
    for plan in rest:
        found = plan.narrow(found)
    return found


def _fewest(own: list[int], values: list[ValuePlan], dates: list[DatePlan]) -> bool:
    """Whether a view's *own* positions are fewer than any filter would give.

    A date filter counts only if its index is already sorted: sorting a
    whole collection to narrow a small view would cost more than it saves.
    """
    n = len(own)
    return all(p.count > n for p in values) and all(
        not p.index.ready() or p.estimate() > n for p in dates
    )


def _check_use(collection: str, filters: Mapping[str, object], *, strict: bool) -> None:
    """Raise TypeError for a filter *collection* lacks, or *strict* without dates."""
    specs = FILTERS[collection]
    for name in filters:
        if name not in specs:
            raise _unknown_filter(collection, name)
    if strict and not any(specs[name].dated for name in filters):
        raise TypeError(
            "strict=True applies to a date filter (during, active_on), "
            "and none was given"
        )


def _unknown_filter(collection: str, name: str) -> TypeError:
    valid = sorted(FILTERS[collection])
    close = close_matches(name, valid, n=1)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    return TypeError(
        f"{collection} have no filter {name!r}; the filters are "
        f"{', '.join(valid)}{hint}"
    )
