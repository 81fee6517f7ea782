"""`Root`: what a collection and every view of it share, and what it asks its brief.

A collection made by a brief is a root; its views (`where`, `members`) hold
positions in it. They share one `Root`: the records, the indexes built so
far and the brief that holds them, which the planner asks for the ids
filters name, for the members of an actor and for the ``as_of`` day.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol

from conflictbrief._base.text import Names

from .registry import CollectionInfo

if TYPE_CHECKING:
    from conflictbrief.actors import Actor, Place
    from conflictbrief.records import Deployment, Event
    from conflictbrief.sources import Source

    from .collection import Records

__all__ = ["Holder", "Identified", "Root"]


class Identified(Protocol):
    """What a collection holds: records with an id, which describe themselves."""

    @property
    def id(self) -> str:
        """The record's id, unique in its collection."""
        ...

    def describe(self, names: Names | None = None) -> str:
        """The record as one line for people."""
        ...


class Holder(Protocol):
    """What a collection reads of the brief that holds it.

    `Brief` is one; the protocol names only what queries and printing use,
    so that the collections, below the brief, are type-checked without
    importing it.
    """

    @property
    def as_of(self) -> date:
        """The day the brief describes the world as of."""
        ...

    @property
    def actors(self) -> Records[Actor]:
        """The brief's actors, whose members a query may ask for."""
        ...

    @property
    def places(self) -> Records[Place]:
        """The brief's places, named when a collection is printed."""
        ...

    @property
    def sources(self) -> Records[Source]:
        """The brief's sources, named when a collection is printed."""
        ...

    @property
    def deployments(self) -> Records[Deployment]:
        """The brief's deployments, named when a figure of one is printed."""
        ...

    @property
    def events(self) -> Records[Event]:
        """The brief's events, named when a figure of one is printed."""
        ...


class Root:
    """What a collection and every view of it share.

    Attributes:
        items: The collection's records.
        collection: Its row in the table of collections; None for records of
            mixed or no kinds, which `where` cannot filter.
        brief: The brief holding the collection, once attached; it resolves
            the ids filters are given and gives the ``as_of`` day.
        indexes: The indexes built so far, by name; built on first use.
        views: The answers of the latest queries of one filter given as a
            string (``where(speaker="kim-jong-un")``), by filter and value:
            the views `Records.where` gave, a bounded number (see `keep`).
        lock: Taken to build an index, so that threads asking for a missing
            one together build it once.
    """

    __slots__ = (
        "brief",
        "by_id",
        "collection",
        "indexes",
        "items",
        "kept",
        "lock",
        "views",
    )

    def __init__(
        self, items: tuple[Any, ...], collection: CollectionInfo | None
    ) -> None:
        self.items = items
        self.collection = collection
        self.brief: Holder | None = None
        self.indexes: dict[Any, Any] = {}
        self.by_id: dict[str, Any] | None = None
        self.views: dict[tuple[str, object], Records[Any]] = {}
        self.kept = 0  # the views' records, and one for each view
        self.lock = threading.RLock()

    def keep(self, question: tuple[str, object], view: Records[Any]) -> Records[Any]:
        """Keep *view*, the answer to *question*, and return it.

        A brief never changes, so an answer stays true. Each view kept
        counts its records and one more; the oldest are let go while the
        count is over the collection's records and a hundred, so that what is
        kept is bounded however many questions are asked.
        """
        with self.lock:
            views = self.views
            if question not in views:
                views[question] = view
                self.kept += len(view) + 1
                while self.kept > len(self.items) + 100 and views:
                    oldest = next(iter(views))
                    self.kept -= len(views.pop(oldest)) + 1
        return view

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
