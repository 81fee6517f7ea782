"""The table of a brief's collections: each name, record class and what it holds.

One row per collection, in the order a brief (and its file) lists them. The
integrity checks, the query filters, the converter, the JSON Schema, merging,
the exports and `Brief.evidence` read this table and the declarations on the
record classes' fields (`conflictbrief._fields`); none of them lists
collections of its own. Adding a collection is a row here (saying which
version of the file format first holds it), its name in `CollectionName`,
and its field in `Brief`.
"""

from __future__ import annotations

from typing import Any, Literal

from conflictbrief._base.messages import article
from conflictbrief._fields import Reference, references
from conflictbrief.actors import Actor, Place
from conflictbrief.records import Deployment, Event, Figure, Statement
from conflictbrief.sources import Source

__all__ = [
    "BY_CLASS",
    "BY_NAME",
    "COLLECTIONS",
    "LATEST",
    "CollectionInfo",
    "CollectionName",
]

CollectionName = Literal[
    "actors", "places", "sources", "statements", "deployments", "events", "figures"
]
"""The name of one of a brief's collections of records."""


class CollectionInfo:
    """One of a brief's collections: a row of the table.

    Attributes:
        name: The brief's field holding it, such as ``"actors"``.
        cls: The class of its records.
        dated: Whether its records are dated and cited (statements,
            deployments, events, figures): what `Brief.timeline` lists.
        references: The reference fields of its records.
        singular: One record named for messages: "an actor".
        since: The version of the file format that first holds it: a file
            of an earlier version has no such key.
    """

    __slots__ = ("cls", "dated", "name", "references", "since", "singular")

    def __init__(
        self, name: CollectionName, cls: type[Any], *, dated: bool, since: int = 1
    ) -> None:
        self.name: CollectionName = name
        self.cls = cls
        self.dated = dated
        self.since = since
        self.references: tuple[Reference, ...] = references(cls)
        self.singular = article(cls.__name__.lower())

    def __repr__(self) -> str:
        return f"CollectionInfo({self.name!r}, {self.cls.__name__})"


COLLECTIONS = (
    CollectionInfo("actors", Actor, dated=False),
    CollectionInfo("places", Place, dated=False),
    CollectionInfo("sources", Source, dated=False),
    CollectionInfo("statements", Statement, dated=True),
    CollectionInfo("deployments", Deployment, dated=True),
    CollectionInfo("events", Event, dated=True),
    CollectionInfo("figures", Figure, dated=True, since=2),
)
"""Every collection of a brief, in the order of the brief's fields."""

LATEST = max(c.since for c in COLLECTIONS)
"""The version of the file format that holds every collection: the one written."""

BY_NAME: dict[str, CollectionInfo] = {c.name: c for c in COLLECTIONS}
BY_CLASS: dict[type[Any], CollectionInfo] = {c.cls: c for c in COLLECTIONS}
