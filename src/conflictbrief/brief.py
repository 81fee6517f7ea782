"""The brief: a checked container of actors, places, sources and records."""

from __future__ import annotations

import enum
import functools
import operator
import re
from collections.abc import (
    Callable,
    Collection,
    Iterable,
    Iterator,
    Mapping,
    Sequence,
)
from datetime import date
from typing import Any, Generic, TypeVar, overload

import attrs

from ._fields import (
    Id,
    article,
    check_optional_text,
    check_slug,
    check_text,
    choices,
    describe,
    fail,
    member,
    to_id,
)
from ._index import UNBOUNDED, DateIndex, ValueIndex, union
from ._repr import model_repr
from .actors import Actor, ActorKind, Place, PlaceKind
from .dates import DateLike, DateSpan, check_day, span_at
from .errors import Problem, UnknownIdError, ValidationError, close_matches
from .estimates import Estimate
from .records import Deployment, Event, EventKind, Record, Statement, StatementKind
from .sources import Source, SourceKind

__all__ = ["Brief", "Dispute", "Records"]

T = TypeVar("T", Actor, Place, Source, Statement, Deployment, Event)
D = TypeVar("D")

_WHITESPACE = re.compile(r"\s+")


class Records(Generic[T]):
    """An immutable, ordered collection of one kind of record, looked up by id.

    Iterate over it, take its `len`, look a record up by id, or filter it::

        brief.actors["kim-jong-un"]
        brief.statements.where(speaker="kim-jong-un", during="2025-04")

    `where` returns another `Records`, so filters chain. A `Records` knows the
    brief that holds it, to check the ids it is given; that link, the
    collection's name and the indexes behind `where` are invisible to
    equality and hashing, which compare the records alone, in order.
    """

    __slots__ = (
        "_brief",
        "_by_id",
        "_indexes",
        "_items",
        "_name",
        "_position_set",
        "_positions",
        "_root",
    )

    _items: tuple[T, ...]
    _name: str
    _root: Records[T]
    _positions: list[int] | None  # a view's, ascending; never changed
    # A root collection's own: the brief and the indexes.
    _brief: Brief | None
    _indexes: dict[Any, Any]
    # Set on first use.
    _by_id: dict[str, T]
    _position_set: frozenset[int]

    def __init__(self, items: Iterable[T], name: str | None = None) -> None:
        given: object = items
        if type(given) is Records:
            given = given._items
        elif type(given) is not tuple:
            if isinstance(given, (str, bytes)) or not isinstance(given, Iterable):
                raise fail(
                    name or "records", given, "a list or other iterable of records"
                )
            given = tuple(given)
        if name is None:
            # A collection of one kind of record is named after it, so that
            # where() knows its filters.
            kinds = {type(item) for item in given}
            name = _NAMES.get(kinds.pop(), "records") if len(kinds) == 1 else "records"
        self._init_root(given, name)

    def _init_root(self, items: tuple[T, ...], name: str) -> None:
        _set_items(self, items)
        _set_name(self, name)
        _set_root(self, self)
        _set_positions(self, None)
        _set_brief(self, None)
        _set_indexes(self, {})

    def _view(self, positions: list[int]) -> Records[T]:
        """A sub-collection of this collection's root, at *positions*.

        The view keeps *positions*, which the caller must not change after.
        """
        # A view is made for every query: only what it needs is set, and its
        # records are taken by itemgetter, which is quicker than a loop.
        root = self._root
        view: Records[T] = Records.__new__(Records)
        if len(positions) > 1:
            _set_items(view, operator.itemgetter(*positions)(root._items))
        else:
            _set_items(view, tuple([root._items[p] for p in positions]))
        _set_name(view, root._name)
        _set_root(view, root)
        _set_positions(view, positions)  # the caller's own list, handed over
        return view

    def __setattr__(self, name: str, value: object) -> None:
        raise attrs.exceptions.FrozenInstanceError

    def __copy__(self) -> Records[T]:
        return self  # immutable: a copy would be the same in every way

    def __getstate__(self) -> dict[str, Any]:
        # Pickled and copied without its caches, which are rebuilt on use.
        state = {"items": self._items, "name": self._name}
        if self._root is self:
            return {**state, "brief": self._brief}
        return {**state, "root": self._root, "positions": self._positions}

    def __setstate__(self, state: dict[str, Any]) -> None:
        if state.get("root") is not None:  # a view (older roots say None)
            _set_items(self, state["items"])
            _set_name(self, state["name"])
            _set_root(self, state["root"])
            _set_positions(self, state["positions"])
        else:
            self._init_root(state["items"], state["name"])
            _set_brief(self, state["brief"])

    def __delattr__(self, name: str) -> None:
        raise attrs.exceptions.FrozenInstanceError

    def _ids(self) -> dict[str, T]:
        # Built on first use and never changed after: threads that race here
        # build equal dicts, and assigning either one is atomic.
        try:
            return self._by_id
        except AttributeError:  # not yet asked for
            by_id: dict[str, T] = {}
            for item in self._items:
                by_id.setdefault(item.id, item)
            object.__setattr__(self, "_by_id", by_id)
            return by_id

    def __getitem__(self, key: str) -> T:
        """Return the record with id *key*.

        Raises:
            TypeError: *key* is not a string (a position, a slice, a record).
            UnknownIdError: No record has that id; the error suggests the
                closest ids that exist.
        """
        if type(key) is not str:
            hint = (
                f"; for positions, use list({self._name}) or first()"
                if type(key) in (int, slice)
                else ""
            )
            raise TypeError(
                f"{self._name} are looked up by id (a str), got {describe(key)}{hint}"
            )
        try:
            return self._ids()[key]
        except KeyError:
            raise UnknownIdError(key, self._name, self._ids()) from None

    @overload
    def get(self, key: str) -> T | None: ...
    @overload
    def get(self, key: str, default: D) -> T | D: ...
    def get(self, key: str, default: object = None) -> object:
        """Return the record with id *key*, or *default* if there is none."""
        if type(key) is not str:
            return default
        return self._ids().get(key, default)

    def __contains__(self, key: object) -> bool:
        """Whether *key* is the id of a record here, or a record here."""
        if type(key) is str:
            return key in self._ids()
        found = self._ids().get(getattr(key, "id", None))  # type: ignore[arg-type]
        return found is not None and found == key

    def __iter__(self) -> Iterator[T]:
        """Iterate over the records in order."""
        return iter(self._items)

    def __len__(self) -> int:
        """Return the number of records."""
        return len(self._items)

    def __eq__(self, other: object) -> bool:
        if type(other) is not Records:
            return NotImplemented
        return self._items == other._items

    def __hash__(self) -> int:
        return hash(self._items)

    def __repr__(self) -> str:
        ids = [item.id for item in self._items[:3]]
        more = ", ..." if len(self._items) > 3 else ""
        shown = ", ".join(ids) + more
        return f"<Records {self._name}: {len(self._items)} [{shown}]>"

    def first(self) -> T | None:
        """Return the first record, or None if there are none."""
        return self._items[0] if self._items else None

    def where(self, *, strict: bool = False, **filters: object) -> Records[T]:
        """Return the records matching every filter, in this collection's order.

        A filter on a reference (``speaker``, ``about``, ``sender``, ...)
        takes an id, a record, or an iterable of either, and matches any of
        them; ``None`` matches records where the field is empty. A ``kind``
        filter takes the enum or its string value. ``during`` (and, for
        deployments, ``active_on``) takes a `date`, a `DateSpan` or an EDTF
        string: an uncertain date matches when it possibly falls in the
        query, or with ``strict=True`` when it certainly does.

        Args:
            strict: Match dates that are certainly, not possibly, in range.
            **filters: Field names and the values to match. Actors take
                ``kind``, ``part_of``; places ``kind``, ``country``; sources
                ``kind``, ``publisher``; statements ``speaker``, ``about``,
                ``via``, ``kind``, ``responds_to``, ``during``; deployments
                ``sender``, ``host``, ``place``, ``unit``, ``reinforces``,
                ``estimated_by``, ``during`` (arrival), ``active_on``; events
                ``kind``, ``participants``, ``place``, ``during``.

        Raises:
            TypeError: A filter name this collection does not have, or
                ``strict=True`` without a date filter.
            UnknownIdError: An id that is not in the brief.
            ValidationError: A kind or date that cannot be read.
        """
        specs = _FILTERS.get(self._name)
        if specs is None:
            raise TypeError(
                "where() filters the collections of a brief; this one holds "
                f"{self._name}"
            )
        root = self._root
        values: list[_ValuePlan] = []
        dates: list[_DatePlan] = []
        try:
            for name, value in filters.items():
                spec = specs.get(name)
                if spec is None:
                    raise _unknown_filter(self._name, name)
                if spec.dated:
                    dates.append(spec.dates(root, name, value, strict=strict))
                else:
                    values.append(spec.values(root, name, value))
        except (TypeError, LookupError, ValueError):
            # A misused where() is named before any value it was given.
            _check_use(self._name, filters, strict=strict)
            raise
        if strict and not dates:
            _check_use(self._name, filters, strict=strict)  # raises: no dates
        if not filters:
            return self
        # The candidates come from this view's own records, if fewer than any
        # filter would give; else from the most selective value filter,
        # answered together with a date filter where there is one; else from
        # the first date filter. Every other filter narrows them.
        rest: list[_ValuePlan | _DatePlan] = [*values, *dates]
        own = self._positions
        if own is not None and self._fewest(own, values, dates):
            found = list(own)
        else:
            if values:
                best = min(values, key=_COUNT) if len(values) > 1 else values[0]
                if dates:
                    found = best.dated(dates[0])
                    rest.remove(dates[0])
                else:
                    found = best.positions()
                rest.remove(best)
            else:
                when = (
                    min(dates, key=_DatePlan.estimate) if len(dates) > 1 else dates[0]
                )
                found = when.positions()
                rest.remove(when)
            if own is not None:
                mine = self._own_positions()
                found = [p for p in found if p in mine]
        for plan in rest:
            found = plan.narrow(found)
        return self._view(found)

    @staticmethod
    def _fewest(
        own: list[int], values: list[_ValuePlan], dates: list[_DatePlan]
    ) -> bool:
        """Whether a view's *own* positions are fewer than any filter would give.

        A date filter counts only if its index is already sorted: sorting a
        whole collection to narrow a small view would cost more than it saves.
        """
        n = len(own)
        return all(p.count > n for p in values) and all(
            not p.index.ready() or p.estimate() > n for p in dates
        )

    def _own_positions(self) -> frozenset[int]:
        try:
            return self._position_set
        except AttributeError:  # not yet asked for
            own = frozenset(self._positions or ())
            object.__setattr__(self, "_position_set", own)
            return own

    def _index(self, name: str, build: Callable[[tuple[T, ...]], Any]) -> Any:
        """The root's index *name*, built by *build* on first use."""
        indexes = self._root._indexes
        index = indexes.get(name)
        if index is None:
            index = indexes[name] = build(self._root._items)
        return index

    def named(self, text: str) -> T:
        """Return the actor or place called *text*, by name or alias, any case.

        Raises:
            TypeError: *text* is not a string.
            UnknownIdError: Nothing here has that name; the error suggests
                the closest names.
            ValidationError: Several records have that name.
        """
        if self._name not in ("actors", "places"):
            raise TypeError(f"named() looks up actors and places, not {self._name}")
        if type(text) is not str:
            raise TypeError(f"named() takes a name (a str), got {describe(text)}")
        names: dict[str, list[int]] = self._index("named", _names_index)
        found = names.get(text.casefold(), [])
        if self._positions is not None:
            own = self._own_positions()
            found = [p for p in found if p in own]
        if not found:
            known = {
                _display_name(self._root._items, v[0], k) for k, v in names.items()
            }
            raise UnknownIdError(text, self._name, sorted(known), field="name")
        if len(found) > 1:
            ids = ", ".join(repr(self._root._items[p].id) for p in found)
            raise ValidationError.at(
                "", f"{text!r} names {len(found)} {self._name} ({ids}); use an id"
            )
        return self._root._items[found[0]]

    def members(self, actor: str | Actor) -> Records[T]:
        """Return *actor* and every actor that is part of it, at any depth.

        Raises:
            UnknownIdError: *actor* is not in this collection.
        """
        if self._name != "actors":
            raise TypeError(f"members() groups actors, not {self._name}")
        top = actor.id if isinstance(actor, Actor) else actor
        if top not in self._root._ids():
            raise UnknownIdError(top, self._name, self._root._ids())
        # The index where(part_of=...) uses, under the same name.
        children: ValueIndex = self._index(
            "part_of", _FILTERS["actors"]["part_of"]._value_index
        )
        items = self._root._items
        found: set[int] = set()
        todo = [top]
        while todo:
            # A brief's part_of chains have no cycles, so each is met once.
            for p in children.positions.get(todo.pop(), ()):
                found.add(p)
                todo.append(items[p].id)
        found.update(i for i, a in enumerate(items) if a.id == top)
        if self._positions is not None:
            found &= self._own_positions()
        return self._view(sorted(found))


# Records are immutable, so their slots are set through the slot descriptors.
_set_items = vars(Records)["_items"].__set__
_set_name = vars(Records)["_name"].__set__
_set_root = vars(Records)["_root"].__set__
_set_positions = vars(Records)["_positions"].__set__
_set_brief = vars(Records)["_brief"].__set__
_set_indexes = vars(Records)["_indexes"].__set__


def _check_use(collection: str, filters: Mapping[str, object], *, strict: bool) -> None:
    """Raise TypeError for a filter *collection* lacks, or *strict* without dates."""
    specs = _FILTERS[collection]
    for name in filters:
        if name not in specs:
            raise _unknown_filter(collection, name)
    if strict and not any(specs[name].dated for name in filters):
        raise TypeError(
            "strict=True applies to a date filter (during, active_on), "
            "and none was given"
        )


def _unknown_filter(collection: str, name: str) -> TypeError:
    valid = sorted(_FILTERS[collection])
    close = close_matches(name, valid, n=1)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    return TypeError(
        f"{collection} have no filter {name!r}; the filters are "
        f"{', '.join(valid)}{hint}"
    )


def _names_index(items: tuple[Any, ...]) -> dict[str, list[int]]:
    names: dict[str, list[int]] = {}
    for i, item in enumerate(items):
        for name in {n.casefold() for n in (item.name, *item.aliases)}:
            names.setdefault(name, []).append(i)
    return names


def _display_name(items: tuple[Any, ...], position: int, folded: str) -> str:
    """The name or alias of *items[position]* that casefolds to *folded*."""
    item = items[position]
    names: tuple[str, ...] = (item.name, *item.aliases)
    return next(n for n in names if n.casefold() == folded)


# The plans and _Filter are plain classes: they are internal, and an attrs
# class costs about a millisecond of import time.


class _ValuePlan:
    """A filter on a field's value, ready to run: the matching positions by value.

    *found* pairs each wanted value that occurs with its positions, from the
    field's `ValueIndex`; *count* is how many positions that makes.
    """

    __slots__ = ("count", "filter", "found", "root")

    def __init__(
        self,
        spec: _Filter,
        root: Records[Any],
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
        items, field = self.root._items, self.filter.field
        wanted = {value for value, _ in self.found}
        if self.filter.kind == "refs":
            return [
                p
                for p in positions
                if not wanted.isdisjoint(getattr(items[p], field) or (None,))
            ]
        return [p for p in positions if getattr(items[p], field) in wanted]

    def dated(self, dates: _DatePlan) -> list[int]:
        """The positions matching this filter and *dates* together.

        Each wanted value has its own date index, over its positions alone,
        built on first use: a query of one speaker in one year bisects that
        speaker's statements rather than testing each of them.
        """
        indexes = self.root._indexes
        found = []
        for value, positions in self.found:
            key = (dates.key, self.filter, value)
            index = indexes.get(key)
            if index is None:
                index = indexes[key] = dates.index.subset(positions)
            found.append(index.find(dates.question, dates.low, dates.high))
        return found[0] if len(found) == 1 else union(found)


class _DatePlan:
    """A filter on dates, ready to run: a `DateIndex` and the query's days.

    *question* is what `DateIndex.find` is asked: overlapping, within or
    covering; *key* names the index.
    """

    __slots__ = ("high", "index", "key", "low", "question")

    def __init__(
        self, key: str, index: DateIndex, span: DateSpan, question: str
    ) -> None:
        self.key = key
        self.index = index
        self.low = span.earliest.toordinal()
        self.high = span.latest.toordinal()
        self.question = question

    def estimate(self) -> int:
        return self.index.estimate(self.low, self.high)

    def positions(self) -> list[int]:
        return self.index.find(self.question, self.low, self.high)

    def narrow(self, positions: list[int]) -> list[int]:
        return self.index.keep(self.question, positions, self.low, self.high)


_COUNT = operator.attrgetter("count")


class _Filter:
    """How `Records.where` reads one filter and which index answers it."""

    __slots__ = ("dated", "enum", "field", "kind", "target")

    def __init__(
        self, field: str, kind: str, target: str = "", enum: Any = None
    ) -> None:
        self.field = field
        self.kind = kind  # "ref", "refs", "enum", "date" or "active"
        self.target = target
        self.enum = enum
        self.dated = kind in ("date", "active")

    def values(self, root: Records[Any], name: str, value: object) -> _ValuePlan:
        """Plan the value filter *name*, asking for *value* (see `Records.where`)."""
        wanted = (
            self._members(name, value)
            if self.kind == "enum"
            else self._ids(root, name, value)
        )
        index: ValueIndex = root._indexes.get(name) or root._index(
            name, self._value_index
        )
        if len(wanted) == 1:
            (value,) = wanted
            positions = index.positions.get(value)
            if positions is None:
                return _ValuePlan(self, root, [], 0)
            return _ValuePlan(self, root, [(value, positions)], len(positions))
        found = [(v, p) for v in wanted if (p := index.positions.get(v)) is not None]
        return _ValuePlan(self, root, found, sum([len(p) for _, p in found]))

    def _value_index(self, items: tuple[Any, ...]) -> ValueIndex:
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

    def _ids(
        self, root: Records[Any], name: str, value: object
    ) -> Collection[str | None]:
        known = (
            None if root._brief is None else getattr(root._brief, self.target)._ids()
        )
        if type(value) is str and (known is None or value in known):
            return (value,)
        values = list(value) if _is_many(value) else [value]  # type: ignore[call-overload]
        cls = _KINDS[self.target]
        out: set[str | None] = set()
        v: Any
        for v in values:
            key = v.id if type(v) is cls else v
            if key is not None and type(key) is not str:
                raise fail(
                    name, v, f"an id, {_SINGULAR[self.target]}, or an iterable of them"
                )
            if key is not None and known is not None and key not in known:
                raise UnknownIdError(key, self.target, known)
            out.add(key)
        return frozenset(out)

    def dates(
        self, root: Records[Any], name: str, value: object, *, strict: bool
    ) -> _DatePlan:
        """Plan the date filter *name*, asking for *value* (see `Records.where`)."""
        span = span_at(name, value)
        if self.kind == "date":
            index: DateIndex = root._indexes.get(name) or root._index(name, _date_index)
            return _DatePlan(name, index, span, "within" if strict else "overlapping")
        as_of = date.max if root._brief is None else root._brief.as_of
        if strict:
            key = f"{name}/strict"
            sure: DateIndex = root._index(
                key, lambda items: _active_index(items, as_of, sure=True)
            )
            return _DatePlan(key, sure, span, "covering")
        maybe: DateIndex = root._index(
            name, lambda items: _active_index(items, as_of, sure=False)
        )
        return _DatePlan(name, maybe, span, "overlapping")


def _is_many(value: object) -> bool:
    return isinstance(value, Iterable) and not isinstance(
        value, (str, bytes, enum.Enum)
    )


def _date_index(items: tuple[Any, ...]) -> DateIndex:
    dates = [r.date for r in items]
    return DateIndex(
        [d.earliest.toordinal() for d in dates], [d.latest.toordinal() for d in dates]
    )


def _active(dep: Deployment, as_of: date, *, sure: bool) -> DateSpan | None:
    """The days *dep* was possibly (or, if *sure*, certainly) present.

    A deployment with no departure is certainly present up to the brief's
    *as_of* day and possibly present ever after; None is an empty window.
    """
    if sure:
        start = dep.date.latest
        end = as_of if dep.until is None else dep.until.earliest
    else:
        start = dep.date.earliest
        end = date.max if dep.until is None else dep.until.latest
    return DateSpan(earliest=start, latest=end) if start <= end else None


def _active_index(items: tuple[Any, ...], as_of: date, *, sure: bool) -> DateIndex:
    firsts, lasts = [], []
    for dep in items:
        window = _active(dep, as_of, sure=sure)
        if window is None:  # an empty window, which no query meets
            firsts.append(1)
            lasts.append(0)
        else:
            firsts.append(window.earliest.toordinal())
            unbounded = window.latest == date.max
            lasts.append(UNBOUNDED if unbounded else window.latest.toordinal())
    return DateIndex(firsts, lasts)


_FILTERS: dict[str, dict[str, _Filter]] = {
    "actors": {
        "kind": _Filter("kind", "enum", enum=ActorKind),
        "part_of": _Filter("part_of", "ref", "actors"),
    },
    "places": {
        "kind": _Filter("kind", "enum", enum=PlaceKind),
        "country": _Filter("country", "ref", "actors"),
    },
    "sources": {
        "kind": _Filter("kind", "enum", enum=SourceKind),
        "publisher": _Filter("publisher", "ref", "actors"),
    },
    "statements": {
        "speaker": _Filter("speaker", "ref", "actors"),
        "about": _Filter("about", "refs", "actors"),
        "via": _Filter("via", "ref", "actors"),
        "kind": _Filter("kind", "enum", enum=StatementKind),
        "responds_to": _Filter("responds_to", "ref", "statements"),
        "during": _Filter("date", "date"),
    },
    "deployments": {
        "sender": _Filter("sender", "ref", "actors"),
        "host": _Filter("host", "ref", "actors"),
        "place": _Filter("place", "ref", "places"),
        "unit": _Filter("unit", "ref", "actors"),
        "reinforces": _Filter("reinforces", "ref", "deployments"),
        "estimated_by": _Filter("estimated_by", "refs", "actors"),
        "during": _Filter("date", "date"),
        "active_on": _Filter("date", "active"),
    },
    "events": {
        "kind": _Filter("kind", "enum", enum=EventKind),
        "participants": _Filter("participants", "refs", "actors"),
        "place": _Filter("place", "ref", "places"),
        "during": _Filter("date", "date"),
    },
}
"""The filters `Records.where` takes, by collection name."""


def _actors(value: Iterable[Actor]) -> Records[Actor]:
    return Records(value, "actors")


def _places(value: Iterable[Place]) -> Records[Place]:
    return Records(value, "places")


def _sources(value: Iterable[Source]) -> Records[Source]:
    return Records(value, "sources")


def _statements(value: Iterable[Statement]) -> Records[Statement]:
    return Records(value, "statements")


def _deployments(value: Iterable[Deployment]) -> Records[Deployment]:
    return Records(value, "deployments")


def _events(value: Iterable[Event]) -> Records[Event]:
    return Records(value, "events")


@attrs.frozen(kw_only=True, weakref_slot=False, repr=False)
class Dispute:
    """A statement and the statements that dispute it.

    Attributes:
        claim: The disputed statement.
        rebuttals: The statements of kind ``dispute`` that respond to it.
    """

    __repr__ = model_repr

    claim: Statement
    rebuttals: tuple[Statement, ...]


@attrs.frozen(kw_only=True, repr=False)
class Brief:
    """A curated, checked set of facts from one or more sources.

    The collections take any iterables. On construction the whole brief is
    checked, and every problem is reported at once in a `ValidationError`:
    ids are unique per collection; every reference resolves (speakers,
    subjects, channels, places, senders, hosts, citations); every record is
    cited; every quote occurs in its source's text where the brief has it; no
    record is dated certainly after every source that reports it; deployment
    senders and hosts are states.

    Attributes:
        id: A slug naming the brief.
        title: A title for people.
        as_of: The day the brief describes the world as of.
        summary: A paragraph on what the brief covers.
        actors: The states, people, bodies, forces and groups involved.
        places: The places named.
        sources: The documents and images cited.
        statements: Who said what about whom, and when.
        deployments: Who sent forces where, how many, and when.
        events: Agreements, meetings, operations and decisions.
    """

    __repr__ = model_repr

    id: Id = attrs.field(converter=to_id, validator=check_slug)
    title: str = attrs.field(validator=check_text)
    as_of: date = attrs.field(validator=check_day)
    summary: str | None = attrs.field(default=None, validator=check_optional_text)
    actors: Records[Actor] = attrs.field(default=(), converter=_actors)
    places: Records[Place] = attrs.field(default=(), converter=_places)
    sources: Records[Source] = attrs.field(default=(), converter=_sources)
    statements: Records[Statement] = attrs.field(default=(), converter=_statements)
    deployments: Records[Deployment] = attrs.field(default=(), converter=_deployments)
    events: Records[Event] = attrs.field(default=(), converter=_events)

    def __attrs_post_init__(self) -> None:
        for records in self._collections():
            _set_brief(records, self)
        problems = _Checker({n: getattr(self, n)._items for n in _KINDS}).run()
        if problems:
            raise ValidationError(problems)

    def __copy__(self) -> Brief:
        return self  # immutable: a copy would be the same in every way

    def timeline(
        self, during: DateLike | None = None, *, strict: bool = False
    ) -> tuple[Record, ...]:
        """Return every dated record in date order: statements, deployments, events.

        Records sort by their earliest day, then their latest, so a precise
        date comes before a vaguer one that starts the same day; remaining
        ties keep events before deployments before statements, each in the
        brief's order. A deployment is placed at its arrival.

        Args:
            during: Keep only records dated (possibly) within this span.
            strict: Keep only records certainly within *during*.

        Raises:
            TypeError: ``strict=True`` without *during*.
        """
        if strict and during is None:
            raise TypeError("strict=True applies to during, and none was given")
        keyed = []
        collections: tuple[Records[Any], ...] = (
            self.events,
            self.deployments,
            self.statements,
        )
        for rank, records in enumerate(collections):
            if during is not None:
                records = records.where(during=during, strict=strict)  # noqa: PLW2901
            keyed += [(r.date.sort_key, rank, i, r) for i, r in enumerate(records)]
        keyed.sort(key=lambda k: k[:3])
        return tuple(k[3] for k in keyed)

    def disputes(self) -> tuple[Dispute, ...]:
        """Return each disputed statement with the statements disputing it.

        A statement of kind ``dispute`` that `responds_to` another is its
        rebuttal. Claims come in the brief's order, rebuttals likewise.
        """
        rebuttals: dict[str, list[Statement]] = {}
        for st in self.statements.where(kind=StatementKind.DISPUTE):
            if st.responds_to is not None:
                rebuttals.setdefault(st.responds_to, []).append(st)
        return tuple(
            Dispute(claim=st, rebuttals=tuple(rebuttals[st.id]))
            for st in self.statements
            if st.id in rebuttals
        )

    def troops(
        self,
        sender: object = None,
        host: object = None,
        on: DateLike | None = None,
        *,
        strict: bool = False,
    ) -> Estimate | None:
        """Return the troops sent, summed over the deployments that give a figure.

        Args:
            sender: The sending state(s), as `Records.where` takes them; None
                for any.
            host: The host state(s); None for any.
            on: Count only deployments (possibly) present in this span.
            strict: Count only deployments certainly present throughout *on*.

        Returns:
            The sum of the matching deployments' estimates (deployments that
            give no figure add nothing), or None when none gives a figure.

        Raises:
            TypeError: ``strict=True`` without *on*.
        """
        if strict and on is None:
            raise TypeError("strict=True applies to on, and none was given")
        filters: dict[str, object] = {}
        if sender is not None:
            filters["sender"] = sender
        if host is not None:
            filters["host"] = host
        if on is not None:
            filters["active_on"] = on
        figures = [
            d.troops
            for d in self.deployments.where(strict=strict, **filters)
            if d.troops is not None
        ]
        return functools.reduce(operator.add, figures) if figures else None

    def evidence(self, record: Record) -> tuple[tuple[Source, str], ...]:
        """Return the sources and quotes behind *record*, in citation order.

        Raises:
            TypeError: *record* is not a statement, deployment or event.
            UnknownIdError: *record* is not in this brief.
        """
        collection = _COLLECTION.get(type(record))
        if collection is None:
            raise TypeError(
                "evidence() takes a Statement, Deployment or Event, "
                f"got {describe(record)}"
            )
        records: Records[Any] = getattr(self, collection)
        if records.get(record.id) != record:
            raise UnknownIdError(record.id, records._name, records._ids())
        return tuple((self.sources[c.source], c.quote) for c in record.citations)

    def merge(self, other: Brief) -> Brief:
        """Return one brief holding the records of this one and *other*.

        Records with the same id in both must be equal; they are kept once.
        The result keeps this brief's id, title and summary and the later
        ``as_of``.

        Raises:
            TypeError: *other* is not a brief.
            ValidationError: A record with the same id differs between the
                briefs; each problem names both.
        """
        if not isinstance(other, Brief):
            raise TypeError(f"merge() takes a Brief, got {describe(other)}")
        problems = []
        merged: dict[str, Any] = {}
        for name in _KINDS:
            mine: Records[Any] = getattr(self, name)
            theirs: Records[Any] = getattr(other, name)
            items = list(mine)
            for i, item in enumerate(theirs):
                same = mine.get(item.id)
                if same is None:
                    items.append(item)
                elif same != item:
                    problems.append(
                        Problem(
                            f"$.{name}[{i}]",
                            f"expected the same record as {self.id!r} has with id "
                            f"{item.id!r}, got a different one in {other.id!r}",
                        )
                    )
            merged[name] = items
        if problems:
            raise ValidationError(problems)
        return attrs.evolve(self, as_of=max(self.as_of, other.as_of), **merged)

    def _collections(self) -> tuple[Records[Any], ...]:
        return (
            self.actors,
            self.places,
            self.sources,
            self.statements,
            self.deployments,
            self.events,
        )


_KINDS: dict[str, type[Any]] = {
    "actors": Actor,
    "places": Place,
    "sources": Source,
    "statements": Statement,
    "deployments": Deployment,
    "events": Event,
}
_NAMES = {cls: name for name, cls in _KINDS.items()}
"""The name of the collection holding each kind of record."""
_COLLECTION = {cls: _NAMES[cls] for cls in (Statement, Deployment, Event)}
"""The collections of dated, cited records, which `Brief.evidence` takes."""
_SINGULAR = {name: article(cls.__name__.lower()) for name, cls in _KINDS.items()}


def _normalise_space(text: str) -> str:
    """Return *text* with every run of whitespace as one space, ends stripped."""
    return _WHITESPACE.sub(" ", text).strip()


_REFERENCES = {
    name: tuple(
        (f.field, f.target, f.kind == "refs")
        for f in specs.values()
        if f.kind in ("ref", "refs")
    )
    for name, specs in _FILTERS.items()
}
"""The reference fields of each collection: (field, target, holds several)."""


_RANK = {name: rank for rank, name in enumerate(attrs.fields_dict(Brief))}
_PLACE = re.compile(r"\$\.(\w+)(?:\[(\d+)\])?")


_PLAIN_MARKS = str.maketrans("\u2018\u2019\u201c\u201d", "''\"\"")


def _marks_hint(quote: str, text: str) -> str:
    """A hint for a quote that differs from *text* only in its quotation marks."""
    plain = _normalise_space(quote).translate(_PLAIN_MARKS)
    if plain in _normalise_space(text).translate(_PLAIN_MARKS):
        return (
            "; the words are there, with other quotation marks or apostrophes "
            "(\u2019 \u201c \u201d and ' \" differ): copy them from the source"
        )
    return ""


def _document_order(problem: Problem) -> tuple[int, int]:
    """Sort key placing a problem where its key or record stands in the document.

    Keys come in the order of the brief's fields, unknown keys last; records
    in their order within their collection.
    """
    m = _PLACE.match(problem.path)
    if m is None:
        return (-1, 0)
    return (_RANK.get(m[1], len(_RANK)), int(m[2] or 0))


class _Checker:
    """Collects every integrity problem of a brief, with JSON paths.

    The checks run on every load, so the common case (nothing wrong) is kept
    to dictionary look-ups; paths and messages are built only for problems.
    """

    def __init__(
        self,
        records: Mapping[str, Sequence[Any]],
        positions: Mapping[str, Sequence[int]] | None = None,
        incomplete: Collection[str] = (),
    ) -> None:
        """Prepare to check *records*, each collection's records by name.

        A file that does not load may still have its integrity checked: the
        records that could be read come with their *positions* in the file,
        and references into an *incomplete* collection, one with records that
        could not be read, are not checked, as they may name those records.
        """
        self.records = records
        self.positions = positions or {}
        self.incomplete = incomplete
        self.problems: list[Problem] = []
        # Built here rather than with Records._ids(), which would keep a dict
        # per collection alive for as long as the brief (about 40 bytes a
        # record); lookups by id build theirs on first use.
        # The first record with an id wins, as in Records lookups.
        self.ids: dict[str, dict[str, Any]] = {
            name: {r.id: r for r in reversed(records[name]) if type(r) is cls}
            for name, cls in _KINDS.items()
        }

    def numbered(self, name: str) -> Iterable[tuple[int, Any]]:
        """The records of *name* with their positions in the document."""
        positions = self.positions.get(name)
        records = self.records[name]
        if positions is None:
            return enumerate(records)
        return zip(positions, records, strict=True)

    def add(self, path: str, message: str) -> None:
        self.problems.append(Problem(path, message))

    def run(self) -> list[Problem]:
        if not self._shapes():
            return self.problems
        for name in _KINDS:
            self._references(name)
        self._part_of_cycles()
        for i, place in self.numbered("places"):
            self.state(f"$.places[{i}].country", place.country)
        for i, dep in self.numbered("deployments"):
            self.state(f"$.deployments[{i}].sender", dep.sender)
            self.state(f"$.deployments[{i}].host", dep.host)
            if dep.until is not None and dep.until.precedes(dep.date):
                self.add(
                    f"$.deployments[{i}].until",
                    f"expected a departure no earlier than the arrival ({dep.date}), "
                    f"got {dep.until}",
                )
        self._citations()
        return sorted(self.problems, key=_document_order)

    def _shapes(self) -> bool:
        """Check item types and unique ids; the other checks need the types."""
        ok = True
        for name, cls in _KINDS.items():
            records = self.records[name]
            if len(self.ids[name]) == len(records) and all(
                type(item) is cls for item in records
            ):
                continue
            seen: dict[str, int] = {}
            item: Any
            for i, item in self.numbered(name):
                if type(item) is not cls:
                    self.add(
                        f"$.{name}[{i}]", str(fail("", item, article(cls.__name__)))
                    )
                    ok = False
                    continue
                first = seen.setdefault(item.id, i)
                if first != i:
                    self.add(
                        f"$.{name}[{i}].id",
                        f"expected a unique id, got {item.id!r} again "
                        f"(first at $.{name}[{first}])",
                    )
        return ok

    def _references(self, name: str) -> None:
        """Check that every id a record of *name* refers to exists."""
        for field, target, several in _REFERENCES[name]:
            if target in self.incomplete:
                continue
            known = self.ids[target]
            # An actor that is part of itself is reported as a part_of cycle.
            own = target == name and field != "part_of"
            for i, record in self.numbered(name):
                value = getattr(record, field)
                if several:
                    for j, key in enumerate(value):
                        if key not in known:
                            self.unknown(f"$.{name}[{i}].{field}[{j}]", key, target)
                elif value is not None and (value not in known or own):
                    path = f"$.{name}[{i}].{field}"
                    if value not in known:
                        self.unknown(path, value, target)
                    elif value == record.id:
                        self.add(
                            path,
                            f"expected another record's id, got its own id {value!r}",
                        )

    def unknown(self, path: str, key: str, target: str) -> None:
        close = close_matches(key, self.ids[target])
        hint = f"; did you mean {' or '.join(map(repr, close))}?" if close else ""
        expected = f"the id of {_SINGULAR[target]} in this brief"
        self.add(path, f"expected {expected}, got {key!r}{hint}")

    def state(self, path: str, key: str | None) -> None:
        """Check that *key*, if it names an actor, names a state."""
        actor = self.ids["actors"].get(key) if key is not None else None
        if actor is not None and actor.kind is not ActorKind.STATE:
            self.add(
                path,
                f"expected the id of a state, got {key!r}, which is "
                f"{actor.kind.value!r}",
            )

    def _part_of_cycles(self) -> None:
        actors = self.ids["actors"]
        for i, actor in self.numbered("actors"):
            # Only the actors on a cycle are reported, not those leading to it.
            seen = {actor.id}
            parent = actor.part_of
            while parent in actors and parent not in seen:
                seen.add(parent)
                parent = actors[parent].part_of
            if parent == actor.id:
                self.add(
                    f"$.actors[{i}].part_of",
                    f"expected a chain of part_of that ends, got a cycle "
                    f"through {actor.id!r}",
                )

    def _citations(self) -> None:
        """Check citations: sources exist, quotes are in them, dates fit."""
        sources = self.ids["sources"]
        unchecked = "sources" in self.incomplete
        texts = {s.id: s.text for s in self.records["sources"] if s.text is not None}
        normalised: dict[str, str] = {}
        published = {
            s.id: s.published.latest
            for s in self.records["sources"]
            if s.published is not None
        }

        def found(quote: str, source: str) -> bool:
            text = texts.get(source)
            if text is None or quote in text:
                return True
            if source not in normalised:
                normalised[source] = _normalise_space(text)
            return _normalise_space(quote) in normalised[source]

        # Every citation of a large brief passes through here: the common
        # case, a quote found as it is, is tested inline.
        for name in ("statements", "deployments", "events"):
            for i, record in self.numbered(name):
                latest: date | None = date.min
                for j, c in enumerate(record.citations):
                    source, quote = c.source, c.quote
                    text = texts.get(source)
                    if text is not None and quote in text:
                        pass
                    elif source not in sources and not unchecked:
                        self.unknown(
                            f"$.{name}[{i}].citations[{j}].source", source, "sources"
                        )
                    elif not found(quote, source):
                        self.add(
                            f"$.{name}[{i}].citations[{j}].quote",
                            f"expected words found in the text of {source!r}, "
                            f"got {quote!r}{_marks_hint(quote, texts[source])}",
                        )
                    if latest is not None:
                        day = published.get(source)
                        if day is None:
                            latest = None
                        elif day > latest:
                            latest = day
                quote = getattr(record, "quote", None)
                if quote is not None and not any(
                    found(quote, c.source) for c in record.citations
                ):
                    cited = ", ".join(repr(c.source) for c in record.citations)
                    self.add(
                        f"$.{name}[{i}].quote",
                        f"expected words found in the text of {cited}, got {quote!r}",
                    )
                if latest is not None and (
                    record.date.earliest > latest or type(record) is Deployment
                ):
                    self._not_after(f"$.{name}[{i}]", record, latest)

    def _not_after(self, path: str, record: Record, latest: date) -> None:
        """Check that *record* is not dated certainly after *latest*."""
        dates = [("date", record.date)]
        if type(record) is Deployment and record.until is not None:
            dates.append(("until", record.until))
        for name, when in dates:
            if when.earliest > latest:
                self.add(
                    f"{path}.{name}",
                    f"expected a date no later than the sources citing it "
                    f"(published by {latest.isoformat()}), got {when}",
                )
