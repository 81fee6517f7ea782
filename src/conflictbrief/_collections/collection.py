"""`Records`: an immutable, ordered collection of one kind of record.

A collection made by a brief is a root; `where`, `members` and the other
queries return views of it, which hold the positions of their records in the
root. A root and all its views share one `Root` (the records, the indexes and
the brief); a view adds its positions. Filtering is planned by
`conflictbrief._query`.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Hashable, Iterable, Iterator
from typing import Any, Generic, TypeVar, overload

import attrs

from conflictbrief._base.index import ValueIndex, names_index
from conflictbrief._base.messages import shown
from conflictbrief._base.sealed import refuse_rebuild
from conflictbrief._base.text import brief_names, escape, html_table, name_pairs
from conflictbrief._validators import fail
from conflictbrief.actors import Actor, Place
from conflictbrief.errors import UnknownIdError, ValidationError

from .query import FILTERS, find, one_and_dates
from .registry import BY_CLASS, BY_NAME
from .root import Identified, Root

__all__ = ["Records", "attach", "kept"]


T = TypeVar("T", bound=Identified)
"""The record class a `Records` holds."""
D = TypeVar("D")
V = TypeVar("V")


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

    __slots__ = ("_items", "_own_ids", "_own_set", "_positions", "_root")

    _items: tuple[T, ...]
    _root: Root
    _positions: list[int] | None  # a view's, ascending; None for a root
    _own_set: frozenset[int]  # a view's positions as a set, set on first use
    _own_ids: dict[str, T]  # a view's records by id, set on first use

    def __init__(self, items: Iterable[T], name: str | None = None) -> None:
        refuse_rebuild(self, "__init__")
        given: object = items
        if type(given) is not tuple:
            if isinstance(given, (str, bytes)) or not isinstance(given, Iterable):
                raise fail(
                    name or "records", given, "a list or other iterable of records"
                )
            given = tuple(given)
        if name is None:
            # A collection of one kind of record is the collection of that
            # kind, so that where() knows its filters.
            kinds = {type(item) for item in given}
            found = BY_CLASS.get(kinds.pop()) if len(kinds) == 1 else None
        else:
            found = BY_NAME.get(name)
        _set_items(self, given)
        _set_root(self, Root(given, found))
        _set_positions(self, None)  # a root

    def _view(self, positions: list[int]) -> Records[T]:
        """A sub-collection of this collection's root, at *positions*.

        The view keeps *positions*, which the caller must not change after.
        """
        # Made for every query: itemgetter is quicker than a loop.
        root = self._root
        view: Records[T] = _new(Records)
        if len(positions) > 1:
            _set_items(view, _itemgetter(*positions)(root.items))
        else:
            _set_items(view, tuple([root.items[p] for p in positions]))
        _set_root(view, root)
        _set_positions(view, positions)
        return view

    def __setattr__(self, name: str, value: object) -> None:
        raise attrs.exceptions.FrozenInstanceError

    def __delattr__(self, name: str) -> None:
        raise attrs.exceptions.FrozenInstanceError

    def __copy__(self) -> Records[T]:
        return self  # immutable: a copy would be the same in every way

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickled and copied as its records and its brief; the indexes are
        # rebuilt on use, and a view is pickled as its own records.
        root = self._root
        name = None if root.collection is None else root.collection.name
        return (_unpickle, (self._items, name, root.brief))

    @property
    def _name(self) -> str:
        collection = self._root.collection
        return "records" if collection is None else collection.name

    def __getitem__(self, key: str) -> T:
        """Return the record with id *key*.

        Raises:
            TypeError: *key* is not a string (a position, a slice, a record).
            UnknownIdError: No record has that id; the error suggests the
                closest ids that exist.
        """
        given: object = key  # typed str, but a caller may pass anything
        if type(given) is not str:
            hint = (
                f"; for positions, use list({self._name}) or first()"
                if isinstance(given, (int, slice))
                else ""
            )
            raise TypeError(
                f"{self._name} are looked up by id (a str), got {shown(given)}{hint}"
            )
        found = self._by_id().get(key)
        if found is None:
            items = self._items
            raise UnknownIdError(
                key, self._name, self._by_id(), names=lambda: name_pairs(items)
            )
        return found

    def _by_id(self) -> dict[str, T]:
        if self._positions is None:
            return self._root.ids()
        try:
            return self._own_ids
        except AttributeError:  # not made yet
            by_id: dict[str, T] = {}
            for item in self._items:
                by_id.setdefault(item.id, item)
            _set_own_ids(self, by_id)
            return by_id

    @overload
    def get(self, key: str) -> T | None: ...
    @overload
    def get(self, key: str, default: D) -> T | D: ...
    def get(self, key: str, default: object = None) -> object:
        """Return the record with id *key*, or *default* if there is none."""
        if type(key) is not str:
            return default
        return self._by_id().get(key, default)

    def __contains__(self, key: object) -> bool:
        """Whether *key* is the id of a record here, or a record here."""
        if type(key) is str:
            return key in self._by_id()
        found = self._by_id().get(getattr(key, "id", None))  # type: ignore[arg-type]
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
        shown_ids = ", ".join(ids) + more
        return f"<Records {self._name}: {len(self._items)} [{shown_ids}]>"

    def __str__(self) -> str:
        if not self._items:
            return f"no {self._name}"
        names = self._names()
        return "\n".join(r.describe(names) for r in self._items)

    def _repr_html_(self) -> str:
        names = self._names()
        rows = ((r.id, r.describe(names)) for r in self._items)
        caption = f"<p>{len(self._items):,} {escape(self._name)}</p>"
        return caption + html_table(("id", "record"), rows, len(self._items))

    def _names(self) -> dict[str, str] | None:
        brief = self._root.brief
        return None if brief is None else brief_names(brief)

    def first(self) -> T | None:
        """Return the first record, or None if there are none."""
        return self._items[0] if self._items else None

    def where(
        self, *, strict: bool = False, members: bool = False, **filters: object
    ) -> Records[T]:
        """Return the records matching every filter, in this collection's order.

        The filters are named after the fields they read, and `filters`
        lists a collection's: one for each reference field (``speaker``,
        ``about``, ``sender``, ...), taking an id, a record, or an iterable
        of either, and matching any of them (``None`` matches records where
        the field is empty); one for each field declared filtered, such as
        ``kind``, taking a value (a kind's member or its string value) or an
        iterable of values; ``during`` on dated records and ``active_on`` on
        deployments, taking a `date`, a `DateSpan` or an EDTF string: an
        uncertain date matches when it possibly falls in the query, or with
        ``strict=True`` when it certainly does.

        Args:
            strict: Match dates that are certainly, not possibly, in range.
            members: Let a filter on actors (``speaker``, ``sender``,
                ``about``, ...) match the actors given and every actor that
                is part of them: ``where(speaker="united-states",
                members=True)`` finds what U.S. officials said too.
            **filters: Filter names and the values to match.

        Raises:
            TypeError: A filter name this collection does not have, or
                ``strict=True`` without a date filter.
            UnknownIdError: An id that is not in the brief.
            ValidationError: A kind, value or date that cannot be read.
        """
        root = self._root
        if self._positions is None and not (strict or members):
            # The commonest queries take a short way: see Root.keep and
            # query.one_and_dates.
            if len(filters) == 1:
                (question,) = filters.items()
                if type(question[1]) is str:
                    view = root.views.get(question)
                    if view is None:
                        answer = find(root, filters) or []  # one filter: a list
                        view = root.keep(question, self._view(answer))
                    return view
            elif len(filters) == 2:
                dated = one_and_dates(root, filters)
                if dated is not None:
                    return self._view(dated)
        found = find(
            root,
            filters,
            self._positions,
            self._own_positions,
            strict=strict,
            members=members,
        )
        return self if found is None else self._view(found)

    @property
    def filters(self) -> tuple[str, ...]:
        """The names of the filters `where` takes here, in the order of the fields.

        Derived from the record class: its reference fields, its fields
        declared filtered, then ``during`` and ``active_on`` where its
        records have dates and an extent. Empty for records of mixed kinds,
        which `where` cannot filter.
        """
        collection = self._root.collection
        return () if collection is None else tuple(FILTERS[collection.name])

    def _own_positions(self) -> frozenset[int]:
        try:
            return self._own_set
        except AttributeError:  # not made yet
            own = frozenset(self._positions or ())
            _set_own_set(self, own)
            return own

    def named(self: Records[Actor] | Records[Place], text: str) -> T:
        """Return the actor or place called *text*, by name or alias, any case.

        Raises:
            TypeError: *text* is not a string, or this collection holds
                neither actors nor places.
            UnknownIdError: Nothing here has that name; the error suggests
                the closest names.
            ValidationError: Several records have that name.
        """
        root = self._root
        if root.collection is None or root.collection.cls not in (Actor, Place):
            raise TypeError(f"named() looks up actors and places, not {self._name}")
        if type(text) is not str:
            raise TypeError(f"named() takes a name (a str), got {shown(text)}")
        names: dict[str, list[int]] = root.index("named", names_index)
        found = names.get(text.casefold(), [])
        if self._positions is not None:
            own = self._own_positions()
            found = [p for p in found if p in own]
        if not found:
            known = {_display_name(root.items, v[0], k) for k, v in names.items()}
            raise UnknownIdError(text, self._name, sorted(known), field="name")
        if len(found) > 1:
            ids = ", ".join(repr(root.items[p].id) for p in found)
            raise ValidationError.at(
                "", f"{text!r} names {len(found)} {self._name} ({ids}); use an id"
            )
        return root.items[found[0]]  # type: ignore[no-any-return]

    def members(self: Records[Actor], actor: str | Actor) -> Records[Actor]:
        """Return *actor* and every actor that is part of it, at any depth.

        Raises:
            TypeError: This collection does not hold actors.
            UnknownIdError: *actor* is not in this collection.
        """
        root = self._root
        if root.collection is None or root.collection.cls is not Actor:
            raise TypeError(f"members() groups actors, not {self._name}")
        top = actor.id if isinstance(actor, Actor) else actor
        ids = root.ids()
        if top not in ids:
            raise UnknownIdError(top, self._name, ids)
        # The index where(part_of=...) uses, under the same name.
        part_of = FILTERS["actors"]["part_of"]
        children: ValueIndex = root.index("part_of", part_of.value_index)
        items = root.items
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


# Records are immutable: their slots are written through the slot
# descriptors: the first three when one is made (`__init__`, `_view`), the
# other two once each, when first needed.
_set_items = vars(Records)["_items"].__set__
_set_root = vars(Records)["_root"].__set__
_set_positions = vars(Records)["_positions"].__set__
_set_own_set = vars(Records)["_own_set"].__set__
_set_own_ids = vars(Records)["_own_ids"].__set__
_get_root = vars(Records)["_root"].__get__
_new = object.__new__
_itemgetter = operator.itemgetter


def kept(records: Records[Any], question: Hashable, answer: Callable[[], V]) -> V:
    """Return *answer()* for *question* about *records*, worked out once.

    A collection never changes, so neither does the answer to a question
    that names what it asks by ids and values: the answer is kept with the
    collection's indexes (invisible to equality, like them) and given again
    when the same question comes. `Brief.tally` keeps its answers so.
    """
    (found,) = _get_root(records).index(("answer", question), lambda _: (answer(),))
    return found  # type: ignore[no-any-return]


def attach(records: Records[Any], brief: object) -> None:
    """Make *brief* the brief that holds the root collection *records*."""
    _get_root(records).brief = brief


def _unpickle(items: tuple[Any, ...], name: str | None, brief: object) -> Records[Any]:
    records: Records[Any] = Records(items, name)
    attach(records, brief)
    return records


def _display_name(items: tuple[Any, ...], position: int, folded: str) -> str:
    """The name or alias of *items[position]* that casefolds to *folded*."""
    item = items[position]
    names: tuple[str, ...] = (item.name, *item.aliases)
    return next(n for n in names if n.casefold() == folded)
